import { expect } from '@open-wc/testing';
import { useEmulator } from '../helpers/emulator.js';
import { chooseFile } from '../helpers/devices.js';
import { click, mountFlow, part, shootAndConfirm, waitForStep } from '../helpers/flow.js';
import { waitUntil } from '../helpers/wait.js';

const UNREADABLE = 'That file could not be read as a photo.';
const notUnreadable = new File(['not a picture'], 'notes.jpg', { type: 'image/jpeg' });

describe('<ekyc-flow> screen state', function () {
  this.timeout(60_000);

  it('drops the upload error on cancel: a new run starts clean', async () => {
    const { emulator, apiBase } = await useEmulator();
    const element = await mountFlow({ apiBase, sessionId: emulator.createSession(), allowUpload: true });
    await click(element, 'start-button');
    await waitForStep(element, 'document-front');
    await chooseFile(element, notUnreadable);
    await waitUntil(() => part(element, 'notice')?.textContent.includes(UNREADABLE), 'the upload error');
    element.cancel();
    await waitForStep(element, 'intro');
    await click(element, 'start-button');
    await waitForStep(element, 'document-front');
    await element.updateComplete;
    expect(part(element, 'notice')).to.equal(null);
  });

  it('drops the upload error once the step is done: the back step starts clean', async () => {
    const { emulator, apiBase } = await useEmulator();
    const element = await mountFlow({ apiBase, sessionId: emulator.createSession(), allowUpload: true });
    await click(element, 'start-button');
    await waitForStep(element, 'document-front');
    await chooseFile(element, notUnreadable);
    await waitUntil(() => part(element, 'notice') !== null, 'the upload error');
    await shootAndConfirm(element);
    await waitForStep(element, 'document-back');
    await element.updateComplete;
    expect(part(element, 'notice')).to.equal(null);
  });

  it('drops the progress of the last run on reset', async () => {
    const { emulator, apiBase } = await useEmulator();
    const element = await mountFlow({ apiBase, apiKey: 'demo-key' });
    await click(element, 'start-button');
    await waitForStep(element, 'document-front');
    await shootAndConfirm(element);
    await waitForStep(element, 'document-back');
    element.reset();
    await waitForStep(element, 'intro');
    emulator.latencyMs = 1500;
    try {
      await click(element, 'start-button');
      await waitForStep(element, 'processing');
      await element.updateComplete;
      const current = part(element, 'progress')?.querySelector('[aria-current="step"]');
      expect(current?.textContent.trim() ?? null).to.equal(null);
    } finally {
      emulator.latencyMs = 0;
    }
  });
});
