import { expect } from '@open-wc/testing';
import { waitUntil } from '../helpers/wait.js';
import { en } from '../../src/i18n/en.js';
import { vi } from '../../src/i18n/vi.js';
import { handoffStrings } from '../../src/i18n/handoff.js';
import { useEmulator } from '../helpers/emulator.js';
import { click, eventsNamed, mountFlow, part, recordEvents, shootAndConfirm, waitForStep } from '../helpers/flow.js';

describe('<ekyc-flow> text', function () {
  this.timeout(60_000);

  it('has every string in both languages, and no Vietnamese string left in English', () => {
    // The element's own tables, and the handoff's, which come with its script.
    for (const [english, vietnamese] of [
      [en, vi],
      [handoffStrings.en, handoffStrings.vi],
    ] as [Record<string, string>, Record<string, string>][]) {
      expect(Object.keys(vietnamese).sort()).to.deep.equal(Object.keys(english).sort());
      const untranslated = Object.entries(vietnamese).filter(([key, text]) => text === english[key] && !/^\{|^\W*$/.test(text));
      expect(untranslated).to.deep.equal([]);
    }
    expect(Object.keys(handoffStrings.en).filter((key) => key in en)).to.deep.equal([]);
  });

  it('lets the page override any string through the strings property', async () => {
    const { emulator, apiBase } = await useEmulator();
    const element = await mountFlow({ apiBase, sessionId: emulator.createSession(), lang: 'en' });
    element.strings = { 'intro.start': 'Begin verification', 'step.document-front.title': 'Your {document}, front side' };
    await element.updateComplete;
    expect(part(element, 'start-button')?.textContent.trim()).to.equal('Begin verification');
    await click(element, 'start-button');
    await waitForStep(element, 'document-front');
    expect(part(element, 'heading')?.textContent.trim()).to.equal('Your identity card, front side');
  });

  it('switches language live when lang changes', async () => {
    const { emulator, apiBase } = await useEmulator();
    const element = await mountFlow({ apiBase, sessionId: emulator.createSession(), lang: 'vi' });
    expect(part(element, 'start-button')?.textContent.trim()).to.equal('Bắt đầu');
    element.lang = 'en';
    await element.updateComplete;
    expect(part(element, 'start-button')?.textContent.trim()).to.equal('Start');
  });
});

describe('<ekyc-flow> without the face detector', function () {
  this.timeout(60_000);

  it('reports detector-unavailable and still lets the user take the selfie by hand', async () => {
    const events = recordEvents();
    const { emulator, apiBase } = await useEmulator();
    const element = await mountFlow({
      apiBase,
      sessionId: emulator.createSession(),
      documentType: 'passport',
      assetsBase: '/no-such-folder/',
    });
    await click(element, 'start-button');
    await shootAndConfirm(element);
    await waitForStep(element, 'selfie');
    await waitUntil(() => eventsNamed(events, 'ekyc-error').some((error) => error.code === 'detector-unavailable'), 'the error', {
      timeout: 40_000,
    });
    expect(eventsNamed(events, 'ekyc-error').find((error) => error.code === 'detector-unavailable')?.recoverable).to.equal(true);
    await shootAndConfirm(element);
    await waitForStep(element, 'done');
    expect(eventsNamed(events, 'ekyc-capture').find((capture) => capture.side === 'selfie')?.auto).to.equal(false);
  });
});
