import { trustedWorker } from '../platform/trusted-types.js';
import { videoFrameOf } from '../platform/video-frame.js';
import type { FromEncodeWorker, ToEncodeWorker } from './encode.worker.js';
import { encodeHere, fitLongSide, type EncodedImage, type EncodeOptions, type Rect } from './jpeg.js';

export { fitLongSide, type EncodedImage, type EncodeOptions, type Rect };

/** An encoding worker with nothing to do goes after this long (a capture step takes one photo, maybe a retake). */
const WORKER_IDLE_MS = 10_000;

interface Waiting {
  resolve: (image: EncodedImage) => void;
  reject: (error: Error) => void;
}

let worker: Worker | null = null;
/** Set once the worker failed: later photos are encoded on the page. */
let workerFailed = false;
let idleTimer: ReturnType<typeof setTimeout> | undefined;
/** Released while a photo was being encoded: the worker stops as soon as it is done. */
let released = false;
let nextId = 1;
const waiting = new Map<number, Waiting>();
/** Photos being encoded, from the call on (handing a frame over takes a moment before the worker has it). */
let encoding = 0;

function stopWorker(error: Error): void {
  clearTimeout(idleTimer);
  released = false;
  worker?.terminate();
  worker = null;
  for (const { reject } of waiting.values()) reject(error);
  waiting.clear();
}

function whenIdleStop(): void {
  clearTimeout(idleTimer);
  if (encoding > 0) return;
  if (released) stopWorker(new Error('The encoding worker was released.'));
  else idleTimer = setTimeout(() => stopWorker(new Error('The encoding worker was idle.')), WORKER_IDLE_MS);
}

/**
 * Lets the encoding worker go at once when no photo is being encoded (an element back at its intro,
 * at its result, or gone); the next photo starts it again.
 */
export function releaseEncoder(): void {
  released = true;
  if (encoding === 0) stopWorker(new Error('The encoding worker was released.'));
}

/** The page's encoding worker, started on first use; `null` where none can run. */
function encoder(): Worker | null {
  if (workerFailed || typeof Worker !== 'function' || typeof OffscreenCanvas !== 'function') return null;
  clearTimeout(idleTimer);
  released = false;
  if (worker) return worker;
  try {
    const Worker = trustedWorker();
    worker = new Worker(new URL('./encode.worker.ts', import.meta.url), { type: 'module', name: 'ekyc-encode' });
  } catch {
    workerFailed = true;
    return null;
  }
  worker.addEventListener('message', ({ data }: MessageEvent<FromEncodeWorker>) => {
    const entry = waiting.get(data.id);
    waiting.delete(data.id);
    if ('blob' in data) entry?.resolve({ blob: data.blob, width: data.width, height: data.height });
    else entry?.reject(new Error(data.error));
  });
  worker.addEventListener('error', (event) => {
    event.preventDefault();
    workerFailed = true;
    stopWorker(new Error('The encoding worker failed.'));
  });
  return worker;
}

/** What to hand the worker: a `VideoFrame` (nothing copied on this thread) or a bitmap copied off it. */
async function handOver(source: CanvasImageSource): Promise<VideoFrame | ImageBitmap | null> {
  const frame = videoFrameOf(source);
  if (frame) return frame;
  if (source instanceof ImageBitmap || source instanceof HTMLVideoElement) return createImageBitmap(source);
  return null;
}

/**
 * Encodes (a crop of) a frame as a bounded JPEG (see {@link encodeHere}), in a worker: scaling and
 * encoding a full camera frame holds a slow phone's page thread for well over 50 ms. The frame
 * on screen is taken at once; where no worker can encode, or it fails, the page does it.
 */
export async function encodeJpeg(source: CanvasImageSource, options: EncodeOptions = {}): Promise<EncodedImage> {
  encoding += 1;
  try {
    return await encodeInWorker(source, options);
  } finally {
    encoding -= 1;
    whenIdleStop();
  }
}

async function encodeInWorker(source: CanvasImageSource, options: EncodeOptions): Promise<EncodedImage> {
  const target = encoder();
  const handed = target ? await handOver(source).catch(() => null) : null;
  if (!target || !handed) return encodeHere(source, options);
  try {
    return await new Promise<EncodedImage>((resolve, reject) => {
      const id = nextId++;
      waiting.set(id, { resolve, reject });
      const message: ToEncodeWorker = { id, source: handed, options };
      try {
        target.postMessage(message, [handed]);
      } catch (error) {
        waiting.delete(id);
        handed.close();
        reject(error instanceof Error ? error : new Error(String(error)));
      }
    });
  } catch {
    // The frame could not be sent, drawn or encoded there (a browser that cannot, memory): this photo, here.
    return encodeHere(source, options);
  }
}

/** Decodes an uploaded file (any format the browser reads, EXIF orientation applied) and re-encodes it. */
export async function encodeUpload(file: Blob, options: EncodeOptions = {}): Promise<EncodedImage> {
  const bitmap = await createImageBitmap(file, { imageOrientation: 'from-image' });
  try {
    return await encodeJpeg(bitmap, options);
  } finally {
    bitmap.close();
  }
}
