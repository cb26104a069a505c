// The element as a user on a phone meets it: from the built bundle, against the emulator over real
// HTTP (`/bench-api/`, so that the network throttling applies to every upload), a user who reads the
// intro for `introMs`, takes about `paceMs` to frame each document side and presses the button, then
// the selfie. Reports when
// the preview shows, how long the page's thread is blocked in each step, when the face detector
// became ready relative to the selfie step, and each upload's bytes and time. The runner samples
// memory meanwhile (it reads `window.benchStep`).
import type { EkycCaptureDetail, EkycStepDetail } from '../../src/index.js';
import { enabled, firstFrameOf, mountFlow, whenPart } from './element.js';
import { watchMainThread, type PhaseLoad } from './main-thread.js';

export interface PacedFlowOptions {
  /** How long the user reads the intro before pressing its start button (the element may fetch ahead meanwhile). */
  introMs: number;
  /** How long the user takes to frame a document side before pressing the button. */
  paceMs: number;
  documentType: 'idr' | 'passport';
  /** How long to wait for the face detector after the flow ended, when it is not ready yet. */
  detectorWaitMs: number;
}

export interface PacedFlowRun {
  phases: PhaseLoad[];
  /** `start()` → the first frame the preview presented. */
  firstFrameMs: number;
  /** From the selfie step's start to its capture button being enabled. */
  selfieUsableMs: number;
  /** When the face worker said it was ready, relative to the selfie step's start (negative: before); NaN: never. */
  detectorReadyMs: number;
  uploads: { endpoint: string; side: string; bytes: number; ms: number }[];
}

declare global {
  interface Window {
    /** The step the element is in, for the runner's memory samples. */
    benchStep?: string;
  }
}

/** Notes when a face worker (the one that answers `ready`) is ready. */
export function watchFaceWorker(): { readyAt: () => number } {
  let readyAt = Number.NaN;
  const Original = window.Worker;
  window.Worker = class extends Original {
    constructor(url: string | URL, options?: WorkerOptions) {
      super(url, options);
      this.addEventListener('message', (event: MessageEvent<{ type?: string }>) => {
        if (event.data.type === 'ready' && Number.isNaN(readyAt)) readyAt = performance.now();
      });
    }
  };
  return { readyAt: () => readyAt };
}

const until = (time: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, Math.max(0, time - performance.now())));

export async function run(options: PacedFlowOptions): Promise<PacedFlowRun> {
  const faceWorker = watchFaceWorker();
  const sessionId = ((await (await fetch('/bench-session')).json()) as { sessionId: string }).sessionId;
  const flow = await mountFlow({ apiBase: '/bench-api', sessionId, documentType: options.documentType });
  flow.manualCapture = true;
  // The emulator stands in for FPT.AI itself: the element sends it exactly FPT.AI's contract, as it would FPT.AI (a
  // same-origin `api-base` is taken for the integrator's server otherwise, and its Idempotency-Key refused).
  flow.apiKind = 'fpt-ai';
  const watch = watchMainThread('intro');
  const stepStarts = new Map<string, number>();
  const captures: { side: string; bytes: number }[] = [];
  window.benchStep = 'intro';
  flow.addEventListener('ekyc-step', ({ detail }: CustomEvent<EkycStepDetail>) => {
    const name = detail.step === 'processing' ? (detail.previousStep === 'selfie' ? 'processing:face' : 'processing:ocr') : detail.step;
    if (!stepStarts.has(detail.step)) stepStarts.set(detail.step, performance.now());
    window.benchStep = name;
    watch.phase(name);
  });
  flow.addEventListener('ekyc-capture', ({ detail }: CustomEvent<EkycCaptureDetail>) => {
    captures.push({ side: detail.side, bytes: detail.image.size });
  });
  const complete = new Promise<void>((resolve) => flow.addEventListener('ekyc-complete', () => resolve()));
  const failed = new Promise<never>((_, reject) => {
    flow.addEventListener('ekyc-error', ({ detail }) => {
      if (!detail.recoverable) reject(new Error(`ekyc-error ${detail.code} in ${detail.step}: ${detail.message}`));
    });
  });
  // A recoverable error shows its screen and waits for the user: the run then fails on a timeout that says which.
  let lastError = '';
  flow.addEventListener('ekyc-error', ({ detail }) => (lastError = `${detail.code} in ${detail.step}: ${detail.message}`));
  const unlessFailed = <T>(waiting: Promise<T>): Promise<T> =>
    Promise.race([waiting, failed]).catch((error: unknown) => {
      throw new Error(`${error instanceof Error ? error.message : String(error)}${lastError ? ` (last ekyc-error: ${lastError})` : ''}`);
    });

  await until(performance.now() + options.introMs);
  const firstFrame = firstFrameOf(flow);
  const startedAt = performance.now();
  flow.start();
  const firstFrameMs = (await firstFrame) - startedAt;
  const steps = options.documentType === 'passport' ? (['document-front', 'selfie'] as const) : (['document-front', 'document-back', 'selfie'] as const);
  let selfieUsableMs = Number.NaN;
  for (const step of steps) {
    const ready = (button: HTMLButtonElement): boolean => flow.step === step && enabled(button);
    await unlessFailed(whenPart(flow, 'capture-button', ready, 120_000));
    const stepStart = stepStarts.get(step) ?? performance.now();
    if (step === 'selfie') selfieUsableMs = performance.now() - stepStart;
    else await until(stepStart + options.paceMs);
    (await unlessFailed(whenPart(flow, 'capture-button', ready, 120_000))).click();
    (await unlessFailed(whenPart(flow, 'confirm-button', ready, 120_000))).click();
    await flow.updateComplete;
  }
  await unlessFailed(complete);
  const phases = await watch.stop();
  window.benchStep = 'done';
  const waitUntil = performance.now() + options.detectorWaitMs;
  while (Number.isNaN(faceWorker.readyAt()) && performance.now() < waitUntil) await until(performance.now() + 250);
  const selfieStart = stepStarts.get('selfie') ?? Number.NaN;
  const uploads = (performance.getEntriesByType('resource') as PerformanceResourceTiming[])
    .filter((entry) => /\/bench-api\/(ocr|face)/.test(entry.name))
    .map((entry, index) => {
      const endpoint = entry.name.includes('/face') ? 'face' : 'ocr';
      const capture = endpoint === 'face' ? captures.find((c) => c.side === 'selfie') : captures.filter((c) => c.side !== 'selfie')[index];
      return { endpoint, side: capture?.side ?? '', bytes: capture?.bytes ?? Number.NaN, ms: entry.responseEnd - entry.startTime };
    });
  flow.remove();
  return { phases, firstFrameMs, selfieUsableMs, detectorReadyMs: faceWorker.readyAt() - selfieStart, uploads };
}
