import { expect } from '@open-wc/testing';
import { useEmulator } from '../helpers/emulator.js';
import { chooseFile } from '../helpers/devices.js';
import { click, eventsNamed, mountFlow, recordEvents, shootAndConfirm, waitForStep } from '../helpers/flow.js';
import { fixtureImage } from './fixtures/load.js';
import { QR_FIXTURES } from './fixtures/specs.js';
import { recogniseFixtureCards, watchQrModules } from './helpers.js';

describe('<ekyc-flow> QR reading by document type and source', function () {
  this.timeout(60_000);

  it('never loads the QR reading for a passport, and reports no code', async () => {
    const modules = watchQrModules();
    const { emulator, apiBase } = await useEmulator();
    const events = recordEvents();
    const element = await mountFlow({ apiBase, sessionId: emulator.createSession(), documentType: 'passport', flow: 'ocr-only' });
    await click(element, 'start-button');
    await waitForStep(element, 'document-front');
    await shootAndConfirm(element);
    await waitForStep(element, 'done', 30_000);
    expect(modules.loaded()).to.deep.equal([]);
    modules.stop();
    expect(eventsNamed(events, 'ekyc-ocr')[0]?.qr).to.equal(null);
    expect(eventsNamed(events, 'ekyc-complete')[0]?.ocr).to.deep.include({ qr: null, crossCheck: null });
  });

  it('reads the code of an ID card photo chosen instead of the camera', async () => {
    const started = await useEmulator();
    const undo = recogniseFixtureCards(started);
    try {
      const events = recordEvents();
      const element = await mountFlow({
        apiBase: started.apiBase,
        sessionId: started.emulator.createSession(),
        flow: 'ocr-only',
        allowUpload: true,
      });
      const card = QR_FIXTURES.find(({ kind, generation, camera }) => kind === 'clean' && generation === '2021' && camera === '1080p')!;
      const file = new File([await fixtureImage(card)], 'cccd.jpg', { type: 'image/jpeg' });
      await click(element, 'start-button');
      for (const step of ['document-front', 'document-back'] as const) {
        await waitForStep(element, step);
        await chooseFile(element, file);
        await click(element, 'confirm-button');
      }
      await waitForStep(element, 'done', 30_000);
      expect(eventsNamed(events, 'ekyc-capture').map(({ source }) => source)).to.deep.equal(['upload', 'upload']);
      const [front] = eventsNamed(events, 'ekyc-ocr');
      expect(front?.qr?.raw).to.equal(card.code);
      const [complete] = eventsNamed(events, 'ekyc-complete');
      expect(complete?.ocr.qr?.fields.id).to.equal(card.holder.id);
      expect(complete?.ocr.crossCheck).to.deep.equal({
        id: 'match',
        name: 'match',
        dateOfBirth: 'match',
        sex: 'match',
        issueDate: 'match',
      });
    } finally {
      undo();
    }
  });
});
