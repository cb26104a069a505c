import { expect } from '@open-wc/testing';
import { waitUntil } from '../helpers/wait.js';
import { useEmulator } from '../helpers/emulator.js';
import { click, mountFlow, part } from '../helpers/flow.js';

describe('<ekyc-flow> document step with a blurred card in front of the camera', function () {
  this.timeout(60_000);

  it('says the photo is blurry and takes none', async () => {
    const { emulator, apiBase } = await useEmulator();
    const element = await mountFlow({ apiBase, sessionId: emulator.createSession() });
    await click(element, 'start-button');
    await waitUntil(() => part(element, 'hint')?.textContent.trim() === 'Hold steady: the photo is blurry', 'the blur hint', {
      timeout: 40_000,
    });
    await new Promise((resolve) => setTimeout(resolve, 2000));
    expect(part(element, 'confirm-button')).to.equal(null);
  });
});
