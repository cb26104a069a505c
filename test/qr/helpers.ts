import type { BrowserEmulator } from '../../src/emulator/index.js';
import type { QrReader } from '../../src/qr/reader.js';
import { HOLDER_2021 } from './fixtures/people.js';

const iso = (date: string): string => date.split('/').reverse().join('-');

/**
 * Lets the emulator tell the QR fixtures' 2021 card by its code (name and date of birth: the card whose code
 * carries another ID number is the same card), as a real OCR tells it by its print. Returns the undo.
 */
export function recogniseFixtureCards({ emulator }: BrowserEmulator): () => void {
  // Imported on first use, so that a test can see what the element alone loads.
  let reader: Promise<QrReader> | undefined;
  emulator.recogniseCard = async (image) => {
    reader ??= import('../../src/qr/reader.js').then(({ createQrReader }) => createQrReader({ assetsBase: '/public/ekyc-assets/' }));
    const fields = (await (await reader).read(image))?.fields;
    const known = fields?.name === HOLDER_2021.name && fields.dateOfBirth === iso(HOLDER_2021.dateOfBirth);
    return known ? 'cccd-2021-nguyen-van-an' : null;
  };
  return () => {
    emulator.recogniseCard = undefined;
    void reader?.then((created) => {
      created.dispose();
    });
  };
}

const isQrModule = (url: string): boolean => /\/src\/qr\/|zxing/.test(url);

/**
 * Watches what the page loads from now on and keeps the QR reading's modules (the decoder's worker and wasm load
 * through them only). An observer, not the resource timing buffer: that one is full long before a test starts.
 */
export function watchQrModules(): { loaded(): string[]; stop(): void } {
  const seen: string[] = [];
  const keep = (entries: PerformanceEntryList): void => {
    seen.push(...entries.map((entry) => entry.name).filter(isQrModule));
  };
  const observer = new PerformanceObserver((list) => {
    keep(list.getEntries());
  });
  observer.observe({ type: 'resource' });
  return {
    loaded: () => {
      keep(observer.takeRecords());
      return [...seen];
    },
    stop: () => {
      observer.disconnect();
    },
  };
}
