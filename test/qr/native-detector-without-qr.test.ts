import { expect } from '@open-wc/testing';
import type { QrReader } from '../../src/qr/reader.js';
import { fixtureImage } from './fixtures/load.js';
import { QR_FIXTURES } from './fixtures/specs.js';

let detected = 0;

/** A browser's own detector that reads barcodes but not QR codes (Chromium on Windows reads none at all). */
class LinearOnlyDetector {
  static getSupportedFormats(): Promise<string[]> {
    return Promise.resolve(['ean_13', 'code_128']);
  }

  detect(): Promise<{ rawValue: string }[]> {
    detected++;
    return Promise.resolve([]);
  }
}

describe('QR reader where the browser has a BarcodeDetector without qr_code', function () {
  this.timeout(30_000);
  let reader: QrReader;

  before(async () => {
    (globalThis as { BarcodeDetector?: unknown }).BarcodeDetector = LinearOnlyDetector;
    const { createQrReader } = await import('../../src/qr/reader.js');
    reader = createQrReader({ assetsBase: '/public/ekyc-assets/', worker: false });
  });

  after(() => {
    reader.dispose();
    delete (globalThis as { BarcodeDetector?: unknown }).BarcodeDetector;
  });

  it('falls back to the wasm decoder', async () => {
    const fixture = QR_FIXTURES.find(({ kind }) => kind === 'clean')!;
    const { reading, decoded } = await reader.measure(await fixtureImage(fixture));
    expect(decoded?.decoder).to.equal('zxing-wasm');
    expect(reading?.raw).to.equal(fixture.code);
    expect(detected).to.equal(0);
  });
});
