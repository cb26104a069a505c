import { createQrReader } from '../../src/qr/reader.js';
import { QR_FIXTURES, type CameraSize } from '../../test/qr/fixtures/specs.js';
import { percentile } from '../lib/stats.js';

/** Each clean fixture is decoded this many times (a fresh `Blob` each time: the reader decodes a picture once). */
const REPEATS = 5;

const picture = async (name: string): Promise<Blob> => (await fetch(`/test/qr/fixtures/images/${name}.jpg`)).blob();

/**
 * The ID card's QR code as the element reads it (a module worker, ZXing's wasm from the built `ekyc-assets/`):
 * the first capture with the decoder still to load, then decode time per capture (in the worker, picture decoding
 * included) and the page's round trip, median and 95th percentile, for the clean captures of each camera size.
 */
export async function run(): Promise<Record<string, number>> {
  const results: Record<string, number> = {};
  const reader = createQrReader({ assetsBase: '/dist/ekyc-assets/', timeoutMs: 120_000 });
  const [first] = QR_FIXTURES;
  if (!first) throw new Error('no fixtures');
  const cold = performance.now();
  const firstRead = await reader.measure(await picture(first.name));
  results['coldFirstReadMs'] = performance.now() - cold;
  results['worker'] = firstRead.thread === 'worker' ? 1 : 0;
  for (const camera of ['720p', '1080p'] satisfies CameraSize[]) {
    const decode: number[] = [];
    const roundTrip: number[] = [];
    let read = 0;
    const clean = QR_FIXTURES.filter((fixture) => fixture.kind === 'clean' && fixture.camera === camera);
    for (let k = 0; k < REPEATS; k++) {
      for (const fixture of clean) {
        const image = await picture(fixture.name);
        const start = performance.now();
        const { reading, decoded } = await reader.measure(image);
        roundTrip.push(performance.now() - start);
        decode.push(decoded?.ms ?? Number.NaN);
        if (reading?.raw === fixture.code) read++;
      }
    }
    results[`${camera}.decodeMedianMs`] = percentile(decode, 0.5);
    results[`${camera}.decodeP95Ms`] = percentile(decode, 0.95);
    results[`${camera}.roundTripMedianMs`] = percentile(roundTrip, 0.5);
    results[`${camera}.roundTripP95Ms`] = percentile(roundTrip, 0.95);
    results[`${camera}.readShare`] = read / (clean.length * REPEATS);
    results[`${camera}.captures`] = clean.length * REPEATS;
  }
  reader.dispose();
  return results;
}
