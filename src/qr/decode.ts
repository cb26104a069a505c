// Finds a QR code in a picture, in a worker or on the page's thread: the browser's own `BarcodeDetector` where it
// reads `qr_code`, otherwise ZXing-C++ in WebAssembly, loaded on first use from the self-hosted wasm.
import type * as ZXingReaderModule from 'zxing-wasm/reader';

export type QrDecoderName = 'barcode-detector' | 'zxing-wasm';

export interface DecodedQr {
  /** The code's text, or `null` when no code was found. */
  text: string | null;
  decoder: QrDecoderName;
  /** Milliseconds spent decoding (the picture's decoding included; loading the decoder not). */
  ms: number;
}

/** A second look at twice the size: codes whose modules are two or three pixels wide are found far more often. */
const UPSCALE = 2;
const MAX_UPSCALED_SIDE = 4096;

interface NativeDetector {
  detect(image: ImageBitmapSource): Promise<{ rawValue: string }[]>;
}

interface NativeDetectorClass {
  new (options: { formats: string[] }): NativeDetector;
  getSupportedFormats(): Promise<string[]>;
}

let native: Promise<NativeDetector | null> | undefined;

/** The browser's detector, when it has one that reads QR codes (Chromium on Android, macOS and ChromeOS). */
function nativeDetector(): Promise<NativeDetector | null> {
  native ??= (async () => {
    const Detector = (globalThis as { BarcodeDetector?: NativeDetectorClass }).BarcodeDetector;
    if (!Detector) return null;
    try {
      const formats = await Detector.getSupportedFormats();
      return formats.includes('qr_code') ? new Detector({ formats: ['qr_code'] }) : null;
    } catch {
      return null;
    }
  })();
  return native;
}

type ZXingReader = typeof ZXingReaderModule;

let zxing: { wasmUrl: string; reader: Promise<ZXingReader> } | undefined;

/** ZXing's reader with its wasm from `wasmUrl` (never the CDN its package defaults to), compiled once. */
function zxingReader(wasmUrl: string): Promise<ZXingReader> {
  if (zxing?.wasmUrl === wasmUrl) return zxing.reader;
  const reader = import('zxing-wasm/reader').then(async (module) => {
    await module.prepareZXingModule({
      overrides: { locateFile: (path: string, prefix: string) => (path.endsWith('.wasm') ? wasmUrl : prefix + path) },
      fireImmediately: true,
    });
    return module;
  });
  zxing = { wasmUrl, reader };
  // A failed load is tried again on the next call.
  reader.catch(() => {
    if (zxing?.reader === reader) zxing = undefined;
  });
  return reader;
}

function canvasOf(bitmap: ImageBitmap, scale: number): OffscreenCanvas {
  const canvas = new OffscreenCanvas(Math.round(bitmap.width * scale), Math.round(bitmap.height * scale));
  const ctx = canvas.getContext('2d', { willReadFrequently: true });
  if (!ctx) throw new Error('no 2d context');
  ctx.imageSmoothingQuality = 'high';
  ctx.drawImage(bitmap, 0, 0, canvas.width, canvas.height);
  return canvas;
}

const pixelsOf = (canvas: OffscreenCanvas): ImageData =>
  (canvas.getContext('2d') as OffscreenCanvasRenderingContext2D).getImageData(0, 0, canvas.width, canvas.height);

/** The scales to look at: as taken, then larger when that is still a sensible size. */
function scales(bitmap: ImageBitmap): number[] {
  const long = Math.max(bitmap.width, bitmap.height);
  return long * UPSCALE <= MAX_UPSCALED_SIDE ? [1, UPSCALE] : [1];
}

async function withZXing(bitmap: ImageBitmap, wasmUrl: string): Promise<string | null> {
  const { readBarcodes } = await zxingReader(wasmUrl);
  for (const scale of scales(bitmap)) {
    const [found] = await readBarcodes(pixelsOf(canvasOf(bitmap, scale)), {
      formats: ['QRCode'],
      tryHarder: true,
      maxNumberOfSymbols: 1,
    });
    if (found?.isValid) return found.text;
  }
  return null;
}

async function withDetector(detector: NativeDetector, bitmap: ImageBitmap): Promise<string | null> {
  for (const scale of scales(bitmap)) {
    const [found] = await detector.detect(scale === 1 ? bitmap : canvasOf(bitmap, scale));
    if (found) return found.rawValue;
  }
  return null;
}

/** Loads the decoder ahead of the first picture (compiling the wasm takes a moment on a phone). */
export async function prepareQrDecoder(wasmUrl: string): Promise<QrDecoderName> {
  if (await nativeDetector()) return 'barcode-detector';
  await zxingReader(wasmUrl);
  return 'zxing-wasm';
}

/** The first QR code in `image` (a JPEG or PNG, say). Rejects when the picture cannot be read or the decoder not loaded. */
export async function decodeQr(image: Blob, wasmUrl: string): Promise<DecodedQr> {
  const detector = await nativeDetector();
  if (!detector) await zxingReader(wasmUrl);
  const start = performance.now();
  const bitmap = await createImageBitmap(image);
  try {
    const text = detector ? await withDetector(detector, bitmap) : await withZXing(bitmap, wasmUrl);
    return { text, decoder: detector ? 'barcode-detector' : 'zxing-wasm', ms: performance.now() - start };
  } finally {
    bitmap.close();
  }
}
