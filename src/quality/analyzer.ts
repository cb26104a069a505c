import { trustedScriptUrl } from '../platform/trusted-types.js';
import { videoFrameOf } from '../platform/video-frame.js';
import { analyzeDocumentFrame } from './analyze.js';
import { createRegionGrabber, sourceSize } from './grab.js';
import { judgeDocumentFrame } from './judge.js';
import { documentLayout, type LayoutOptions } from './layout.js';
import type { AnalysisRequest, AnalysisResponse } from './protocol.js';
import type { DocumentThresholds } from './thresholds.js';
import type { DocumentFrameReport, DocumentVerdict, FrameLayout, Rect, Thumbnail } from './types.js';

export interface DocumentAnalysis extends DocumentFrameReport {
  verdict: DocumentVerdict;
  /** Where the measuring ran. */
  thread: 'worker' | 'main';
  /**
   * Milliseconds spent on the calling thread (copying the region, or, for a video in a worker,
   * only taking a `VideoFrame` of it), measuring (on `thread`, with the worker's own region copy), and from
   * call to answer.
   */
  timing: { grab: number; measure: number; total: number };
}

export interface DocumentAnalyzerOptions {
  /**
   * Measure in a module worker (default), falling back to the calling thread when none can start; `false`: always on
   * the calling thread.
   */
  worker?: boolean;
  layout?: LayoutOptions;
  thresholds?: Partial<DocumentThresholds>;
}

export interface DocumentAnalyzer {
  /**
   * Measures the guide's region of one frame (a video, a `VideoFrame`, a
   * bitmap, a canvas) and judges it. The pixels are copied before the promise
   * is returned, so the source may move on at once: with a worker, a video's
   * current frame (or a clone of a `VideoFrame`) is handed to the worker, which
   * copies the region itself. Motion is measured against
   * the previous call's frame: call once a frame, and wait for the answer
   * before the next (a frame loop skips frames meanwhile).
   */
  analyze(source: CanvasImageSource, guide: Rect): Promise<DocumentAnalysis>;
  /** Where frames are measured now: `main` when no worker could start. */
  readonly thread: 'worker' | 'main';
  /** Stops the worker; pending calls reject. */
  dispose(): void;
}

interface Measured {
  report: DocumentFrameReport;
  thread: 'worker' | 'main';
  /** Milliseconds the measuring itself took. */
  ms: number;
}

interface Pending {
  request: AnalysisRequest;
  resolve: (measured: Measured) => void;
  reject: (error: Error) => void;
}

function startWorker(): Worker | null {
  try {
    // Named `Worker` so that bundlers still see `new Worker(new URL(…, import.meta.url))` and bundle the
    // worker; the URL goes through the Trusted Types policy on the way, for pages that require it.
    const Worker = class extends globalThis.Worker {
      constructor(url: URL, options: WorkerOptions) {
        super(trustedScriptUrl(url), options);
      }
    };
    return new Worker(new URL('./analysis.worker.ts', import.meta.url), {
      type: 'module',
      name: 'ekyc-document-analysis',
    });
  } catch {
    return null;
  }
}

/** Frame analysis off the hot path: the region is copied small on the calling thread and measured in a worker. */
export function createDocumentAnalyzer(options: DocumentAnalyzerOptions = {}): DocumentAnalyzer {
  const grab = createRegionGrabber();
  const pending = new Map<number, Pending>();
  let worker = options.worker === false ? null : startWorker();
  let previous: Thumbnail | null = null;
  let nextId = 1;
  let disposed = false;
  // Until the worker has answered once, regions are copied here and sent as copies rather than handed over, so
  // that they can still be measured here if it fails to load.
  let answered = false;
  // Video frames go to the worker whole, unless it cannot receive them.
  let framesToWorker = true;

  const runHere = ({ request, resolve, reject }: Pending): void => {
    const { pixels, layout, previous } = request;
    if (!(pixels instanceof ImageData)) {
      pixels.close();
      reject(new Error('The analysis worker stopped.'));
      return;
    }
    try {
      const start = performance.now();
      const report = analyzeDocumentFrame(pixels, layout, previous);
      resolve({ report, thread: 'main', ms: performance.now() - start });
    } catch (error) {
      reject(error instanceof Error ? error : new Error(String(error)));
    }
  };

  /**
   * A worker that fails to load or crashes is dropped for good. What it had
   * not answered runs here, unless its pixels were already handed over.
   */
  const fallBack = (): void => {
    worker?.terminate();
    worker = null;
    const waiting = [...pending.values()];
    pending.clear();
    for (const job of waiting) {
      const { pixels } = job.request;
      if (pixels instanceof ImageData && pixels.data.byteLength > 0) runHere(job);
      else job.reject(new Error('The analysis worker stopped.'));
    }
  };

  if (worker) {
    worker.addEventListener('message', (event: MessageEvent<AnalysisResponse>) => {
      const response = event.data;
      if ('unreadable' in response) {
        // This browser cannot send the worker a video frame: copy regions here from now on.
        framesToWorker = false;
        const waiting = [...pending.values()];
        pending.clear();
        waiting.forEach(({ reject }) => {
          reject(new Error('The analysis worker could not read the frame.'));
        });
        return;
      }
      answered = true;
      const waiting = pending.get(response.id);
      if (!waiting) return;
      pending.delete(response.id);
      if ('report' in response) waiting.resolve({ report: response.report, thread: 'worker', ms: response.ms });
      else waiting.reject(new Error(response.error));
    });
    worker.addEventListener('error', (event) => {
      event.preventDefault();
      fallBack();
    });
    worker.addEventListener('messageerror', fallBack);
  }

  const measure = (request: AnalysisRequest): Promise<Measured> =>
    new Promise((resolve, reject) => {
      const job = { request, resolve, reject };
      if (!worker) {
        runHere(job);
        return;
      }
      pending.set(request.id, job);
      const { pixels } = request;
      worker.postMessage(request, pixels instanceof ImageData ? (answered ? [pixels.data.buffer] : []) : [pixels]);
    });

  return {
    get thread() {
      return worker ? 'worker' : 'main';
    },
    async analyze(source, guide) {
      if (disposed) throw new Error('The analyzer was disposed.');
      const start = performance.now();
      const size = sourceSize(source);
      if (size.width === 0 || size.height === 0) throw new Error('The frame has no pixels yet.');
      const layout: FrameLayout = documentLayout(size, guide, options.layout);
      const frame = worker && answered && framesToWorker ? videoFrameOf(source) : null;
      const pixels = frame ?? grab(source, layout);
      const grabbed = performance.now();
      const { report, thread, ms } = await measure({ id: nextId++, pixels, layout, previous });
      previous = report.thumbnail;
      return {
        ...report,
        verdict: judgeDocumentFrame(report, options.thresholds),
        thread,
        timing: { grab: grabbed - start, measure: ms, total: performance.now() - start },
      };
    },
    dispose() {
      disposed = true;
      worker?.terminate();
      worker = null;
      const waiting = [...pending.values()];
      pending.clear();
      waiting.forEach(({ reject }) => {
        reject(new Error('The analyzer was disposed.'));
      });
    },
  };
}
