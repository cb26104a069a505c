// Runs in flow.csp.html, served under the strict CSP with Trusted Types required: drives the
// element from the intro to the selfie with the fake camera and the emulator of the page that
// framed it, then reports every step it saw and every policy violation.
import '../../src/index.js';
import type { EkycFlow } from '../../src/index.js';

/** What the framed page posts back. */
export interface FlowCspReport {
  type: 'flow-csp-report';
  steps: string[];
  error: string | null;
  violations: string[];
}

const violations: string[] = [];
document.addEventListener('securitypolicyviolation', (event) => {
  violations.push(`${event.effectiveDirective} ${event.blockedURI} ${event.sourceFile}:${event.lineNumber}`);
});

async function until(condition: () => boolean, what: string, timeoutMs = 15_000): Promise<void> {
  const deadline = performance.now() + timeoutMs;
  while (!condition()) {
    if (performance.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

function button(element: EkycFlow, part: string): HTMLButtonElement | null {
  return element.shadowRoot?.querySelector<HTMLButtonElement>(`button[part~="${part}"]`) ?? null;
}

async function press(element: EkycFlow, part: string): Promise<void> {
  await until(() => button(element, part)?.disabled === false, part);
  button(element, part)?.click();
}

async function cameraLive(element: EkycFlow, step: string, steps: string[]): Promise<void> {
  await until(() => element.step === step && button(element, 'capture-button')?.disabled === false, `${step} with a live camera`);
  steps.push(`${step} (camera live)`);
}

async function photoReviewed(element: EkycFlow, steps: string[]): Promise<void> {
  await press(element, 'capture-button');
  await until(() => (element.shadowRoot?.querySelector<HTMLCanvasElement>('canvas[part="review-image"]')?.width ?? 0) > 0, 'the photo drawn');
  steps.push('review (photo drawn)');
  await press(element, 'confirm-button');
}

async function run(steps: string[]): Promise<void> {
  const query = new URLSearchParams(location.search);
  const element = document.createElement('ekyc-flow');
  element.apiBase = query.get('apiBase') ?? '';
  element.sessionId = query.get('sessionId') ?? '';
  element.lang = 'en';
  element.manualCapture = true;
  element.assetsBase = '/public/ekyc-assets/';
  document.body.append(element);
  await element.updateComplete;
  if (button(element, 'start-button')) steps.push('intro');
  await press(element, 'start-button');
  await cameraLive(element, 'document-front', steps);
  await photoReviewed(element, steps);
  await cameraLive(element, 'document-back', steps);
  await photoReviewed(element, steps);
  await cameraLive(element, 'selfie', steps);
  element.remove();
}

const steps: string[] = [];
void run(steps)
  .then(
    () => null,
    (error: unknown) => String(error),
  )
  .then(async (error) => {
    // Violation events are queued as tasks: let any pending ones arrive first.
    await new Promise((resolve) => setTimeout(resolve, 0));
    const report: FlowCspReport = { type: 'flow-csp-report', steps, error, violations };
    parent.postMessage(report, location.origin);
  });
