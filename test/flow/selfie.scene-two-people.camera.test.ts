import { expect } from '@open-wc/testing';
import { SELFIE_CAPTURE_FRAMES } from '../../src/face/rules/capture-gate.js';
import { waitForFrames } from '../helpers/element.js';
import { waitUntil } from '../helpers/wait.js';
import { useEmulator } from '../helpers/emulator.js';
import { click, mountFlow, part, shootAndConfirm, waitForStep } from '../helpers/flow.js';

describe('<ekyc-flow> selfie with two people in front of the camera', function () {
  this.timeout(60_000);

  it('asks for one person only and takes no photo', async () => {
    const { emulator, apiBase } = await useEmulator();
    const element = await mountFlow({ apiBase, sessionId: emulator.createSession(), documentType: 'passport' });
    await click(element, 'start-button');
    await shootAndConfirm(element);
    await waitForStep(element, 'selfie');
    await waitUntil(
      () => part(element, 'hint')?.textContent.trim() === 'Only one person should be in the picture',
      'the one-person hint',
      { timeout: 40_000 },
    );
    // Three times the run that would have fired: had the photo been taken by itself, it would be on screen.
    await waitForFrames(element, 3 * SELFIE_CAPTURE_FRAMES);
    expect(part(element, 'confirm-button')).to.equal(null);
    expect(emulator.requests.filter((request) => request.endpoint === 'face')).to.deep.equal([]);
  });
});
