import { expect } from '@open-wc/testing';
import type { QrReader } from '../../src/qr/reader.js';
import { codeText, HOLDER_2024 } from './fixtures/people.js';
import { watchQrModules } from './helpers.js';

const CODE = codeText(HOLDER_2024, 'trailing');
const asked: string[][] = [];

/** A browser's own detector that reads QR codes (Chromium on Android, macOS, ChromeOS): it finds `CODE` anywhere. */
class FakeBarcodeDetector {
  static getSupportedFormats(): Promise<string[]> {
    return Promise.resolve(['ean_13', 'qr_code']);
  }

  constructor(options: { formats: string[] }) {
    asked.push(options.formats);
  }

  detect(): Promise<{ rawValue: string }[]> {
    return Promise.resolve([{ rawValue: CODE }]);
  }
}

describe('QR reader where the browser has a BarcodeDetector that reads QR codes', () => {
  let reader: QrReader;

  before(async () => {
    // Before the decoder looks for it; on the page's thread, where this page can stand in for the browser.
    (globalThis as { BarcodeDetector?: unknown }).BarcodeDetector = FakeBarcodeDetector;
    const { createQrReader } = await import('../../src/qr/reader.js');
    reader = createQrReader({ assetsBase: '/nowhere/', worker: false });
  });

  after(() => {
    reader.dispose();
    delete (globalThis as { BarcodeDetector?: unknown }).BarcodeDetector;
  });

  it('uses it for qr_code, and never loads the wasm decoder', async () => {
    const picture = await (await fetch(new URL('../fixtures/camera/card-scene.jpg', import.meta.url))).blob();
    const modules = watchQrModules();
    const { reading, decoded } = await reader.measure(picture);
    expect(decoded?.decoder).to.equal('barcode-detector');
    expect(asked).to.deep.equal([['qr_code']]);
    expect(reading?.raw).to.equal(CODE);
    expect(reading?.fields.id).to.equal(HOLDER_2024.id);
    expect(modules.loaded().filter((url) => url.includes('zxing'))).to.deep.equal([]);
    modules.stop();
  });
});
