import { expect } from '@open-wc/testing';
import { useEmulator } from '../helpers/emulator.js';
import { eventsNamed, mountFlow, recordEvents, waitForStep } from '../helpers/flow.js';
import { throughSelfie } from '../helpers/journey.js';
import { CAMERA_FIXTURES } from './fixtures/specs.js';
import { recogniseFixtureCards } from './helpers.js';

describe('<ekyc-flow> with a citizen ID whose QR code carries another ID number', function () {
  this.timeout(90_000);
  let undo: () => void = () => undefined;

  afterEach(() => {
    undo();
  });

  it('reports the ID number as a mismatch, the rest as matches, and completes', async () => {
    const started = await useEmulator();
    undo = recogniseFixtureCards(started);
    const events = recordEvents();
    const element = await mountFlow({ apiBase: started.apiBase, sessionId: started.emulator.createSession() });
    await throughSelfie(element);
    await waitForStep(element, 'done', 30_000);

    const [complete] = eventsNamed(events, 'ekyc-complete');
    expect(complete?.ocr.fields['ID']?.value).to.equal('079099012345');
    expect(complete?.ocr.qr?.raw).to.equal(CAMERA_FIXTURES['cccd-2021-other-id'].code);
    expect(complete?.ocr.qr?.fields.id).to.equal('079099054321');
    expect(complete?.ocr.crossCheck).to.deep.equal({
      id: 'mismatch',
      name: 'match',
      dateOfBirth: 'match',
      sex: 'match',
      issueDate: 'match',
    });
    expect(eventsNamed(events, 'ekyc-error')).to.deep.equal([]);
  });
});
