import { expect } from '@open-wc/testing';
import { useEmulator } from '../helpers/emulator.js';
import { eventsNamed, mountFlow, recordEvents, waitForStep } from '../helpers/flow.js';
import { throughSelfie } from '../helpers/journey.js';
import { spyConsole, spyStorage } from '../helpers/spies.js';
import { readCccdQr } from '../../src/qr/parse.js';
import { CAMERA_FIXTURES } from './fixtures/specs.js';
import { recogniseFixtureCards } from './helpers.js';

const CARD = CAMERA_FIXTURES['cccd-2021'];
const ALL_MATCH = { id: 'match', name: 'match', dateOfBirth: 'match', sex: 'match', issueDate: 'match' };

describe('<ekyc-flow> with a 2021 citizen ID in front of the camera', function () {
  this.timeout(90_000);
  let undo: () => void = () => undefined;

  afterEach(() => {
    undo();
  });

  it('reads the card’s QR code on the device and finds the OCR in agreement', async () => {
    const started = await useEmulator();
    undo = recogniseFixtureCards(started);
    const events = recordEvents();
    const consoleSpy = spyConsole();
    const storage = spyStorage((stack) => stack.includes('/node_modules/msw/'));
    try {
      const element = await mountFlow({ apiBase: started.apiBase, sessionId: started.emulator.createSession() });
      await throughSelfie(element);
      await waitForStep(element, 'done', 30_000);

      const expected = readCccdQr(CARD.code);
      const [front, back] = eventsNamed(events, 'ekyc-ocr');
      expect(front?.side).to.equal('front');
      expect(front?.qr).to.deep.equal(expected);
      // The fake camera shows the front for the back step too: its code is read there as well.
      expect(back?.qr?.raw).to.equal(CARD.code);
      expect(front?.fields['ID']?.value).to.equal(CARD.holder.id);

      const [complete] = eventsNamed(events, 'ekyc-complete');
      expect(complete?.ocr.qr).to.deep.equal(expected);
      expect(complete?.ocr.qr?.fields).to.deep.include({ id: '079099012345', name: 'Nguyễn Văn An', dateOfBirth: '1990-02-01' });
      expect(complete?.ocr.crossCheck).to.deep.equal(ALL_MATCH);
      expect(element.result?.ocr.crossCheck).to.deep.equal(ALL_MATCH);
      expect(element.result?.ocr.qr?.raw).to.equal(CARD.code);

      const printed = consoleSpy.calls.filter(({ text }) => text.includes(CARD.holder.id) || text.includes(CARD.holder.name));
      expect(printed).to.deep.equal([]);
      expect(storage.used).to.deep.equal([]);
    } finally {
      consoleSpy.restore();
      storage.restore();
    }
  });
});
