// A complete run of the element from the built bundle against the API emulator: where the
// page's thread is blocked in each step, what each request uploads, and how long the end takes.
import { startBrowserEmulator } from '../../src/emulator/index.js';
import type { EkycCaptureDetail, EkycStepDetail } from '../../src/index.js';
import { enabled, mountFlow, whenPart } from './element.js';
import { watchMainThread, type PhaseLoad } from './main-thread.js';

export interface FlowRunOptions {
  documentType: 'idr' | 'passport';
  /** Sides photographed with the button instead of waiting for auto-capture (nothing to detect in the scene). */
  manual: ('front' | 'back' | 'selfie')[];
}

export interface Upload {
  endpoint: string;
  side: string;
  bytes: number;
}

export interface FlowRun {
  phases: PhaseLoad[];
  captures: { side: string; auto: boolean; width: number; height: number; bytes: number }[];
  uploads: Upload[];
  /** From the click on the last capture's confirm button to `ekyc-complete`. */
  confirmToCompleteMs: number;
}

const SIDES = { 'document-front': 'front', 'document-back': 'back', selfie: 'selfie' } as const;

/** `processing` is named after what it sends: the document after the document steps, the selfie after the selfie. */
function phaseName({ step, previousStep }: EkycStepDetail): string {
  if (step !== 'processing') return step;
  return previousStep === 'selfie' ? 'processing:face' : 'processing:ocr';
}

export async function run(options: FlowRunOptions): Promise<FlowRun> {
  const { emulator, apiBase } = await startBrowserEmulator();
  const flow = await mountFlow({ apiBase, sessionId: emulator.createSession(), documentType: options.documentType });
  const watch = watchMainThread('intro');
  const captures: FlowRun['captures'] = [];
  flow.addEventListener('ekyc-step', (event) => watch.phase(phaseName(event.detail)));
  flow.addEventListener('ekyc-capture', ({ detail }: CustomEvent<EkycCaptureDetail>) => {
    captures.push({ side: detail.side, auto: detail.auto, width: detail.width, height: detail.height, bytes: detail.image.size });
  });
  const complete = new Promise<number>((resolve) => {
    flow.addEventListener('ekyc-complete', () => resolve(performance.now()));
  });
  // Any error ends the run: the benchmark measures the happy path.
  const failed = new Promise<never>((_, reject) => {
    flow.addEventListener('ekyc-error', ({ detail }) => {
      reject(new Error(`ekyc-error ${detail.code} in ${detail.step}: ${detail.message}`));
    });
  });
  const unlessFailed = <T>(waiting: Promise<T>): Promise<T> => Promise.race([waiting, failed]);

  flow.start();
  let confirmedAt = Number.NaN;
  const steps = options.documentType === 'passport' ? (['document-front', 'selfie'] as const) : (['document-front', 'document-back', 'selfie'] as const);
  for (const step of steps) {
    const ready = (button: HTMLButtonElement): boolean => flow.step === step && enabled(button);
    if (options.manual.includes(SIDES[step])) {
      (await unlessFailed(whenPart(flow, 'capture-button', ready))).click();
    }
    const confirm = await unlessFailed(whenPart(flow, 'confirm-button', ready));
    confirmedAt = performance.now();
    confirm.click();
    // The click moves `step` at once; the old review leaves the screen at the next render.
    await flow.updateComplete;
  }
  const completedAt = await unlessFailed(complete);
  const phases = await watch.stop();
  flow.remove();
  return {
    phases,
    captures,
    uploads: emulator.requests.flatMap((request) =>
      request.files.map((file) => ({
        endpoint: request.endpoint,
        side: request.headers['side-type'] ?? (request.endpoint === 'face' ? 'selfie' : 'document'),
        bytes: file.size,
      })),
    ),
    confirmToCompleteMs: completedAt - confirmedAt,
  };
}
