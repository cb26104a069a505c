// Compares the two QR decoders the element could fall back to where the browser has no `BarcodeDetector`:
// zxing-wasm's reader build (ZXing-C++ in WebAssembly) and jsQR (pure JavaScript), over the QR fixtures
// (test/qr/fixtures/images/), each given the element's second look at twice the size: decode rate by kind and
// camera size, median time per capture, and bytes to load.
// Runs in Node (same V8 as Chromium); prints, asserts nothing.
//   npx tsx bench/qr-decoders.ts
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { gzipSync } from 'node:zlib';
import jpeg from 'jpeg-js';
import jsQR from 'jsqr';
import { prepareZXingModule, readBarcodes } from 'zxing-wasm/reader';
import { QR_FIXTURES, type QrFixture } from '../test/qr/fixtures/specs.js';
import { median } from './lib/stats.js';

const require = createRequire(import.meta.url);
const ZXING_WASM = require.resolve('zxing-wasm/reader/zxing_reader.wasm');
const ZXING_JS = require.resolve('zxing-wasm/reader');
const JSQR_JS = require.resolve('jsqr');

type Decode = (image: ImageData) => Promise<string | null>;

/** Twice the size, bilinear: what the element's decoder does when the picture as taken gives nothing. */
function doubled(image: ImageData): ImageData {
  const width = image.width * 2;
  const height = image.height * 2;
  const data = new Uint8ClampedArray(width * height * 4);
  const at = (x: number, y: number, c: number): number => image.data[(y * image.width + x) * 4 + c] ?? 0;
  for (let y = 0; y < height; y++) {
    const sy = Math.min(image.height - 1, Math.max(0, (y + 0.5) / 2 - 0.5));
    const y0 = Math.min(image.height - 2, Math.floor(sy));
    const fy = sy - y0;
    for (let x = 0; x < width; x++) {
      const sx = Math.min(image.width - 1, Math.max(0, (x + 0.5) / 2 - 0.5));
      const x0 = Math.min(image.width - 2, Math.floor(sx));
      const fx = sx - x0;
      for (let c = 0; c < 4; c++) {
        const top = at(x0, y0, c) * (1 - fx) + at(x0 + 1, y0, c) * fx;
        const bottom = at(x0, y0 + 1, c) * (1 - fx) + at(x0 + 1, y0 + 1, c) * fx;
        data[(y * width + x) * 4 + c] = top * (1 - fy) + bottom * fy;
      }
    }
  }
  const doubledImage: ImageData = { data, width, height, colorSpace: 'srgb' };
  return doubledImage;
}

/** As taken, then at twice the size. */
const withSecondLook =
  (decode: Decode): Decode =>
  async (image) =>
    (await decode(image)) ?? decode(doubled(image));

const wasmBinary = readFileSync(ZXING_WASM);
prepareZXingModule({ overrides: { wasmBinary: wasmBinary.buffer.slice(wasmBinary.byteOffset, wasmBinary.byteOffset + wasmBinary.byteLength) } });

const decoders: Record<string, { decode: Decode; files: string[] }> = {
  'zxing-wasm reader': {
    files: [ZXING_JS, ZXING_WASM],
    decode: withSecondLook(async (image) => {
      const [found] = await readBarcodes(image, { formats: ['QRCode'], tryHarder: true, maxNumberOfSymbols: 1 });
      return found?.isValid ? found.text : null;
    }),
  },
  jsQR: {
    files: [JSQR_JS],
    decode: withSecondLook((image) =>
      Promise.resolve(jsQR(image.data, image.width, image.height, { inversionAttempts: 'dontInvert' })?.data ?? null),
    ),
  },
};

function load(fixture: QrFixture): ImageData {
  const decoded = jpeg.decode(readFileSync(`test/qr/fixtures/images/${fixture.name}.jpg`), { useTArray: true, formatAsRGBA: true });
  return { data: new Uint8ClampedArray(decoded.data.buffer), width: decoded.width, height: decoded.height, colorSpace: 'srgb' } as ImageData;
}

const images = QR_FIXTURES.map((fixture) => ({ fixture, image: load(fixture) }));
const kB = (bytes: number): string => `${(bytes / 1000).toFixed(0)} kB`;

for (const [name, { decode, files }] of Object.entries(decoders)) {
  const [first] = images;
  if (first) await decode(first.image); // Compiles the module, warms the JIT.
  const groups = new Map<string, { read: number; total: number }>();
  const times: number[] = [];
  for (const { fixture, image } of images) {
    const start = performance.now();
    const text = await decode(image);
    times.push(performance.now() - start);
    const key = `${fixture.kind} ${fixture.camera}`;
    const group = groups.get(key) ?? { read: 0, total: 0 };
    group.total++;
    if (text === fixture.code) group.read++;
    groups.set(key, group);
  }
  const raw = files.reduce((sum, file) => sum + readFileSync(file).length, 0);
  const gzip = files.reduce((sum, file) => sum + gzipSync(readFileSync(file), { level: 9 }).length, 0);
  console.log(`\n${name}: ${kB(raw)} raw, ${kB(gzip)} gzip (unminified JS + wasm as published); median ${median(times).toFixed(1)} ms, max ${Math.max(...times).toFixed(1)} ms a capture`);
  for (const [key, { read, total }] of groups) console.log(`  ${key.padEnd(14)} ${read}/${total}`);
}
