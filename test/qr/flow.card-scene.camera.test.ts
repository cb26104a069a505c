import { expect } from '@open-wc/testing';
import { useEmulator } from '../helpers/emulator.js';
import { eventsNamed, mountFlow, recordEvents, waitForStep } from '../helpers/flow.js';
import { throughSelfie } from '../helpers/journey.js';
import { watchQrModules } from './helpers.js';

describe('<ekyc-flow> with an ID card that carries no QR code', function () {
  this.timeout(90_000);

  it('gives qr: null on every side, no cross-check and no error, and completes', async () => {
    const { emulator, apiBase } = await useEmulator();
    const events = recordEvents();
    const modules = watchQrModules();
    const element = await mountFlow({ apiBase, sessionId: emulator.createSession() });
    await throughSelfie(element);
    await waitForStep(element, 'done', 30_000);

    const ocr = eventsNamed(events, 'ekyc-ocr');
    expect(ocr.map(({ side, qr }) => [side, qr])).to.deep.equal([
      ['front', null],
      ['back', null],
    ]);
    const [complete] = eventsNamed(events, 'ekyc-complete');
    expect(complete?.ocr.qr).to.equal(null);
    expect(complete?.ocr.crossCheck).to.equal(null);
    expect(complete?.ocr.fields['Name']?.value).to.equal('NGUYỄN THỊ MINH ANH');
    expect(eventsNamed(events, 'ekyc-error')).to.deep.equal([]);
    // The decoder did look at the pictures.
    expect(modules.loaded().some((url) => url.includes('/src/qr/card-qr.ts'))).to.equal(true);
    modules.stop();
  });
});
