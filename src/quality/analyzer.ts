import { frameHash, type FrameSignature } from '../integrity/frame-hash.js';
import type { FrameSample } from '../integrity/stream-watch.js';
import { PendingRequests } from '../platform/pending-requests.js';
import { trustedWorker } from '../platform/trusted-types.js';
import { videoFrameOf } from '../platform/video-frame.js';
import { analyzeDocumentFrame } from './analyze.js';
import { sourceSize } from '../platform/source-size.js';
import { createRegionGrabber } from './grab.js';
import { documentChecks, judgeDocumentFrame, type DocumentChecks } from './judge.js';
import { documentLayout, type LayoutOptions } from './layout.js';
import type { AnalysisRequest, AnalysisResponse } from './protocol.js';
import type { DocumentThresholds } from './thresholds.js';
import type { DocumentFrameReport, DocumentVerdict, FrameLayout, Rect, Thumbnail } from './types.js';

export interface DocumentAnalysis extends DocumentFrameReport {
  verdict: DocumentVerdict;
  /** The checks the review names, judged with the verdict's limits. */
  checks: DocumentChecks;
  /** Where the measuring ran. */
  thread: 'worker' | 'main';
  /**
   * Milliseconds spent on the calling thread (copying the region, or, for a video in a worker,
   * only taking a `VideoFrame` of it), measuring (on `thread`, with the worker's own region copy), and from
   * call to answer.
   */
  timing: { grab: number; measure: number; total: number };
  /** What the capture-integrity watch learns of this frame. */
  sample: FrameSample;
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
  /** Forgets the previous frame: the next one starts a new view (another step, a retake), in the same worker. */
  reset(): void;
  /** Stops the worker; pending calls reject. */
  dispose(): void;
}

interface Measured extends FrameSignature {
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
    const Worker = trustedWorker();
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
  const pending = new PendingRequests<Measured, AnalysisRequest>();
  let worker = options.worker === false ? null : startWorker();
  let previous: Thumbnail | null = null;
  // Counts resets: an answer to a frame sent before the last one is not the next frame's "previous".
  let generation = 0;
  let disposed = false;
  // Until the worker has answered once, regions are copied here and sent as copies rather than handed over, so
  // that they can still be measured here if it fails to load.
  let answered = false;
  // Video frames go to the worker whole, unless it cannot receive them; from the first one on, so that the page
  // never copies a region itself (a long task on a slow phone). Until the worker has answered, each keeps a spare
  // handle here, from which the region is copied if the worker fails to load.
  let framesToWorker = true;
  const spares = new Map<number, VideoFrame>();
  const dropSpare = (id: number): VideoFrame | undefined => {
    const spare = spares.get(id);
    spares.delete(id);
    return spare;
  };

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
      resolve({ report, thread: 'main', ms: performance.now() - start, hash: frameHash(pixels), timestamp: null });
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
    for (const { context: request, resolve, reject } of pending.drain()) {
      const { pixels } = request;
      const spare = dropSpare(request.id);
      if (pixels instanceof ImageData && pixels.data.byteLength > 0) runHere({ request, resolve, reject });
      else if (spare) {
        try {
          runHere({ request: { ...request, pixels: grab(spare, request.layout) }, resolve, reject });
        } catch (error) {
          reject(error instanceof Error ? error : new Error(String(error)));
        } finally {
          spare.close();
        }
      } else reject(new Error('The analysis worker stopped.'));
    }
    closeSpares();
  };
  const closeSpares = (): void => {
    for (const spare of spares.values()) spare.close();
    spares.clear();
  };

  if (worker) {
    worker.addEventListener('message', (event: MessageEvent<AnalysisResponse>) => {
      const response = event.data;
      if ('unreadable' in response) {
        // This browser cannot send the worker a video frame: copy regions here from now on.
        framesToWorker = false;
        closeSpares();
        pending.rejectAll(new Error('The analysis worker could not read the frame.'));
        return;
      }
      answered = true;
      closeSpares();
      if ('report' in response) pending.settle(response.id, { value: { ...response, thread: 'worker' } });
      else pending.settle(response.id, { error: new Error(response.error) });
    });
    worker.addEventListener('error', (event) => {
      event.preventDefault();
      fallBack();
    });
    worker.addEventListener('messageerror', fallBack);
  }

  let nextHereId = 1;
  const measure = (request: Omit<AnalysisRequest, 'id'>): Promise<Measured> => {
    if (!worker) {
      return new Promise((resolve, reject) => {
        runHere({ request: { ...request, id: nextHereId++ }, resolve, reject });
      });
    }
    // The id is known once the request is open: the context is filled in before anything can read it.
    const full = { ...request, id: 0 };
    const { id, answer } = pending.open(full);
    full.id = id;
    const { pixels } = request;
    if (!answered && !(pixels instanceof ImageData)) spares.set(id, pixels.clone());
    worker.postMessage(full, pixels instanceof ImageData ? (answered ? [pixels.data.buffer] : []) : [pixels]);
    return answer;
  };

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
      const frame = worker && framesToWorker ? videoFrameOf(source) : null;
      const pixels = frame ?? grab(source, layout);
      const grabbed = performance.now();
      const sentIn = generation;
      const { report, thread, ms, hash, timestamp } = await measure({ pixels, layout, previous });
      if (sentIn === generation) previous = report.thumbnail;
      return {
        ...report,
        verdict: judgeDocumentFrame(report, options.thresholds),
        checks: documentChecks(report, options.thresholds),
        thread,
        timing: { grab: grabbed - start, measure: ms, total: performance.now() - start },
        sample: { hash, timestamp, at: start, width: size.width, height: size.height },
      };
    },
    reset() {
      previous = null;
      generation += 1;
    },
    dispose() {
      disposed = true;
      worker?.terminate();
      worker = null;
      closeSpares();
      pending.rejectAll(new Error('The analyzer was disposed.'));
    },
  };
}
