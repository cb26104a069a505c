import { trustedScriptUrl } from '../face/trusted-types.js';
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
  /** Milliseconds spent copying the region on the calling thread, and from call to answer. */
  timing: { grab: number; total: number };
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
   * is returned, so the source may move on at once. Motion is measured against
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
  // Until the worker has answered once, frames are copied to it rather than handed over, so that they can
  // still be measured here if it fails to load.
  let answered = false;

  const runHere = ({ request, resolve, reject }: Pending): void => {
    try {
      resolve({ report: analyzeDocumentFrame(request.image, request.layout, request.previous), thread: 'main' });
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
      if (job.request.image.data.byteLength > 0) runHere(job);
      else job.reject(new Error('The analysis worker stopped.'));
    }
  };

  if (worker) {
    worker.addEventListener('message', (event: MessageEvent<AnalysisResponse>) => {
      answered = true;
      const response = event.data;
      const waiting = pending.get(response.id);
      if (!waiting) return;
      pending.delete(response.id);
      if ('report' in response) waiting.resolve({ report: response.report, thread: 'worker' });
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
      worker.postMessage(request, answered ? [request.image.data.buffer] : []);
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
      const image = grab(source, layout);
      const grabbed = performance.now();
      const { report, thread } = await measure({ id: nextId++, image, layout, previous });
      previous = report.thumbnail;
      return {
        ...report,
        verdict: judgeDocumentFrame(report, options.thresholds),
        thread,
        timing: { grab: grabbed - start, total: performance.now() - start },
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
