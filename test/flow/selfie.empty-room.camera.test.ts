import { expect } from '@open-wc/testing';
import { waitUntil } from '../helpers/wait.js';
import { useEmulator } from '../helpers/emulator.js';
import { click, eventsNamed, mountFlow, part, recordEvents, shootAndConfirm, waitForStep } from '../helpers/flow.js';

describe('<ekyc-flow> with nobody in front of the camera', function () {
  this.timeout(60_000);

  it('warns that a front without a portrait looks like the back of the card', async () => {
    const events = recordEvents();
    const { emulator, apiBase } = await useEmulator();
    const element = await mountFlow({ apiBase, sessionId: emulator.createSession(), manualCapture: true });
    await click(element, 'start-button');
    await click(element, 'capture-button');
    await waitUntil(() => part(element, 'review')?.querySelector('[part~="notice"]'), 'the warning', { timeout: 40_000 });
    expect(part(element, 'review')?.querySelector('[part~="notice"]')?.textContent).to.contain('back of the card');
    expect(eventsNamed(events, 'ekyc-error').map((error) => error.code)).to.deep.equal(['not-a-front']);
    expect(part(element, 'confirm-button')).to.exist;
  });

  it('says only that no portrait was found on a passport page, since a passport has no back', async () => {
    const events = recordEvents();
    const { emulator, apiBase } = await useEmulator();
    const element = await mountFlow({ apiBase, sessionId: emulator.createSession(), manualCapture: true, documentType: 'passport' });
    await click(element, 'start-button');
    await click(element, 'capture-button');
    await waitUntil(() => part(element, 'review')?.querySelector('[part~="notice"]'), 'the warning', { timeout: 40_000 });
    const text = part(element, 'review')?.querySelector('[part~="notice"]')?.textContent ?? '';
    expect(text).to.contain('No portrait found').and.not.contain('back');
    expect(eventsNamed(events, 'ekyc-error').map((error) => error.message)).to.deep.equal([text]);
  });

  it('asks for a face on the selfie step and takes no photo', async () => {
    const { emulator, apiBase } = await useEmulator();
    const element = await mountFlow({ apiBase, sessionId: emulator.createSession(), documentType: 'passport' });
    await click(element, 'start-button');
    await shootAndConfirm(element);
    await waitForStep(element, 'selfie');
    await waitUntil(() => part(element, 'hint')?.textContent.trim() === 'Put your face in the oval', 'the no-face hint', {
      timeout: 20_000,
    });
    expect(part(element, 'confirm-button')).to.equal(null);
  });
});
