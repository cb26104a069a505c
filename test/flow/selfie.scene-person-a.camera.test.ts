import { expect } from '@open-wc/testing';
import { SELFIE_CAPTURE_FRAMES } from '../../src/face/rules/capture-gate.js';
import { waitForFrames } from '../helpers/element.js';
import { waitUntil } from '../helpers/wait.js';
import { apiHeaders, useEmulator } from '../helpers/emulator.js';
import { click, eventsNamed, mountFlow, part, recordEvents, shootAndConfirm, waitForStep } from '../helpers/flow.js';

describe('<ekyc-flow> selfie with one person in front of the camera', function () {
  this.timeout(60_000);

  it('takes the selfie by itself once one centred face holds, and sends it with auto True', async () => {
    const events = recordEvents();
    const { emulator, apiBase } = await useEmulator();
    const element = await mountFlow({ apiBase, sessionId: emulator.createSession(), documentType: 'passport', manualCapture: false });
    await click(element, 'start-button');
    await shootAndConfirm(element);
    await waitForStep(element, 'selfie');
    await waitUntil(() => part(element, 'confirm-button') !== null, 'the selfie taken automatically', { timeout: 40_000 });
    const review = eventsNamed(events, 'ekyc-error');
    expect(review).to.deep.equal([]);
    await click(element, 'confirm-button');
    await waitForStep(element, 'done');
    const selfie = eventsNamed(events, 'ekyc-capture').find((capture) => capture.side === 'selfie');
    expect(selfie?.auto).to.equal(true);
    expect(selfie?.quality).to.include({ challenge: 'none' });
    expect(selfie?.quality?.['faceScore']).to.be.greaterThan(0.5);
    const face = emulator.requests.find((request) => request.endpoint === 'face');
    expect(apiHeaders(face!.headers)['auto']).to.equal('True');
  });

  it('with manual-capture, guides but never takes the selfie by itself', async () => {
    const { emulator, apiBase } = await useEmulator();
    const element = await mountFlow({ apiBase, sessionId: emulator.createSession(), documentType: 'passport', manualCapture: true });
    await click(element, 'start-button');
    await shootAndConfirm(element);
    await waitForStep(element, 'selfie');
    await waitUntil(() => part(element, 'frame')?.hasAttribute('data-ready'), 'the face judged ready', { timeout: 40_000 });
    // Three times the run that would have fired: had the photo been taken by itself, it would be on screen.
    await waitForFrames(element, 3 * SELFIE_CAPTURE_FRAMES);
    expect(part(element, 'confirm-button')).to.equal(null);
    expect(part(element, 'hint')?.textContent.trim()).to.equal('Take the photo when your face fills the oval');
  });
});
