import { expect } from '@open-wc/testing';
import { DOCUMENT_CAPTURE_FRAMES } from '../../src/quality/gate.js';
import { waitForFrames } from '../helpers/element.js';
import { waitUntil } from '../helpers/wait.js';
import { useEmulator } from '../helpers/emulator.js';
import { click, eventsNamed, mountFlow, part, recordEvents } from '../helpers/flow.js';

describe('<ekyc-flow> document step with a clean card in front of the camera', function () {
  this.timeout(60_000);

  it('takes the photo by itself, cropped to the card, with the measured quality', async () => {
    const events = recordEvents();
    const { emulator, apiBase } = await useEmulator();
    const element = await mountFlow({ apiBase, sessionId: emulator.createSession() });
    await click(element, 'start-button');
    await waitUntil(() => part(element, 'confirm-button') !== null, 'the card taken automatically', { timeout: 40_000 });
    await click(element, 'confirm-button');
    const [capture] = eventsNamed(events, 'ekyc-capture');
    expect(capture!.auto).to.equal(true);
    expect(capture!.side).to.equal('front');
    const aspect = capture!.width / capture!.height;
    expect(aspect).to.be.within(1.4, 1.8);
    expect(capture!.image.size).to.be.below(500_000);
    expect(capture!.quality?.['sharpness']).to.be.a('number');
  });

  it('with manual-capture, shows the card is ready but waits for the button', async () => {
    const { emulator, apiBase } = await useEmulator();
    const element = await mountFlow({ apiBase, sessionId: emulator.createSession(), manualCapture: true });
    await click(element, 'start-button');
    await waitUntil(() => part(element, 'frame')?.hasAttribute('data-ready'), 'the card judged ready', { timeout: 40_000 });
    // Three times the run that would have fired: had the photo been taken by itself, it would be on screen.
    await waitForFrames(element, 3 * DOCUMENT_CAPTURE_FRAMES);
    expect(part(element, 'confirm-button')).to.equal(null);
    expect(part(element, 'hint')?.textContent.trim()).to.equal('Take the photo when the card fills the frame');
  });
});
