import { expect } from '@open-wc/testing';
import { DOCUMENT_CAPTURE_FRAMES } from '../../src/quality/gate.js';
import { waitForFrames } from '../helpers/element.js';
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
    // Three times the run that would have fired: had the photo been taken by itself, it would be on screen.
    await waitForFrames(element, 3 * DOCUMENT_CAPTURE_FRAMES);
    expect(part(element, 'confirm-button')).to.equal(null);
  });
});
