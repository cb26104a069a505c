import { PendingRequests } from '../platform/pending-requests.js';
import { trustedScriptUrl } from '../platform/trusted-types.js';
import { qrWasmUrl } from './assets.js';
import type { DecodedQr } from './decode.js';
import { readCccdQr } from './parse.js';
import type { FromQrWorker, ToQrWorker } from './protocol.js';
import type { CccdQrReading } from './types.js';

export interface QrReaderOptions {
  /** The folder holding `QR_ASSET_FILES` (the build's `ekyc-assets/`), absolute or relative to the page. */
  assetsBase: string | URL;
  /** Decode in a module worker (default), falling back to the calling thread when none can start; `false`: never. */
  worker?: boolean;
  /** How long one picture may take, loading the decoder included, before it counts as having no code (default 10 s). */
  timeoutMs?: number;
}

/** What one picture gave, with where and how it was decoded (for measurements). */
export interface QrRead {
  reading: CccdQrReading | null;
  decoded: DecodedQr | null;
  thread: 'worker' | 'main';
}

export interface QrReader {
  /**
   * The citizen ID's code in `image`, parsed; `null` when there is none, or it could not be read in time (never
   * rejects: a card without a readable code is no error). The same `Blob` is decoded once.
   */
  read(image: Blob): Promise<CccdQrReading | null>;
  /** As `read`, with the decoder's own figures. */
  measure(image: Blob): Promise<QrRead>;
  /** Starts loading the decoder now. */
  prepare(): void;
  readonly thread: 'worker' | 'main';
  /** Stops the worker; pending reads give `null`. */
  dispose(): void;
}

function startWorker(): Worker | null {
  try {
    // Written as `new Worker(new URL(…, import.meta.url))` so that bundlers bundle the worker; the subclass passes
    // the URL through the Trusted Types policy, for pages that require it.
    const Worker = class extends globalThis.Worker {
      constructor(url: URL, options: WorkerOptions) {
        super(trustedScriptUrl(url), options);
      }
    };
    return new Worker(new URL('./qr.worker.ts', import.meta.url), { type: 'module', name: 'ekyc-qr' });
  } catch {
    return null;
  }
}

/** Reads citizen ID QR codes off the page's thread. Nothing it reads is kept or logged. */
export function createQrReader(options: QrReaderOptions): QrReader {
  const wasmUrl = qrWasmUrl(options.assetsBase);
  const timeoutMs = options.timeoutMs ?? 10_000;
  /** The worker's unanswered decodings, each with its picture (decoded here if the worker fails). */
  const pending = new PendingRequests<DecodedQr, Blob>();
  const reads = new WeakMap<Blob, Promise<QrRead>>();
  let worker = options.worker === false ? null : startWorker();
  let disposed = false;

  const decodeHere = async (image: Blob): Promise<DecodedQr> => {
    const { decodeQr } = await import('./decode.js');
    return decodeQr(image, wasmUrl);
  };

  /** A worker that cannot load or crashes is dropped for good; what it had not answered is decoded here. */
  const fallBack = (): void => {
    worker?.terminate();
    worker = null;
    for (const job of pending.drain()) decodeHere(job.context).then(job.resolve, job.reject);
  };

  if (worker) {
    worker.addEventListener('message', ({ data }: MessageEvent<FromQrWorker>) => {
      pending.settle(
        data.id,
        data.type === 'decoded' ? { value: { text: data.text, decoder: data.decoder, ms: data.ms } } : { error: new Error(data.message) },
      );
    });
    worker.addEventListener('error', (event) => {
      event.preventDefault();
      fallBack();
    });
    worker.addEventListener('messageerror', fallBack);
  }

  const send = (message: ToQrWorker): void => worker?.postMessage(message);

  const decode = (image: Blob): Promise<DecodedQr> => {
    if (!worker) return decodeHere(image);
    const { id, answer } = pending.open(image);
    send({ type: 'decode', id, image, wasmUrl });
    return answer;
  };

  /** One decoding per picture, however often it is asked for. */
  const decodingOf = (image: Blob): Promise<QrRead> => {
    const known = reads.get(image);
    if (known) return known;
    const thread = worker ? 'worker' : 'main';
    const decoding = decode(image).then(
      (decoded): QrRead => ({ reading: decoded.text === null ? null : readCccdQr(decoded.text), decoded, thread }),
      (): QrRead => ({ reading: null, decoded: null, thread }),
    );
    reads.set(image, decoding);
    return decoding;
  };

  // Each request waits its own while: a picture read ahead of time and late then is still read when asked again.
  const measure = (image: Blob): Promise<QrRead> => {
    const thread = worker ? 'worker' : 'main';
    let timer: ReturnType<typeof setTimeout> | undefined;
    const late = new Promise<QrRead>((resolve) => {
      timer = setTimeout(() => {
        resolve({ reading: null, decoded: null, thread });
      }, timeoutMs);
    });
    return Promise.race([decodingOf(image), late]).finally(() => {
      clearTimeout(timer);
    });
  };

  return {
    get thread() {
      return worker ? 'worker' : 'main';
    },
    measure,
    read: (image) => (disposed ? Promise.resolve(null) : measure(image).then(({ reading }) => reading)),
    prepare() {
      if (disposed) return;
      if (worker) send({ type: 'prepare', wasmUrl });
      else void import('./decode.js').then(({ prepareQrDecoder }) => prepareQrDecoder(wasmUrl)).catch(() => undefined);
    },
    dispose() {
      disposed = true;
      worker?.terminate();
      worker = null;
      pending.rejectAll(new Error('The QR reader was disposed.'));
    },
  };
}
