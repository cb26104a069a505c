// Runs in analyzer.csp.html, served under the strict CSP: measures one frame of a clean card and
// reports to the page that framed it.
import { createDocumentAnalyzer } from '../../src/quality/analyzer.js';
import { guideOf } from './fixtures/frames.js';
import { renderScene } from './fixtures/scene.js';

/** What the framed page posts back. */
export interface CspPageReport {
  type: 'quality-csp-report';
  thread: 'worker' | 'main' | null;
  hint: string | null;
  error: string | null;
  violations: string[];
}

const violations: string[] = [];
document.addEventListener('securitypolicyviolation', (event) => {
  violations.push(`${event.effectiveDirective} ${event.blockedURI}`);
});

async function run(): Promise<Omit<CspPageReport, 'type' | 'violations'>> {
  try {
    const options = { card: 'dlr', background: 'dark' } as const;
    const analyzer = createDocumentAnalyzer();
    const result = await analyzer.analyze(await renderScene(options), guideOf(options));
    analyzer.dispose();
    return { thread: result.thread, hint: result.verdict.hint, error: null };
  } catch (error) {
    return { thread: null, hint: null, error: String(error) };
  }
}

void run().then(async (result) => {
  // Violation events are queued as tasks: let any pending ones arrive first.
  await new Promise((resolve) => setTimeout(resolve, 0));
  const report: CspPageReport = { type: 'quality-csp-report', ...result, violations };
  parent.postMessage(report, location.origin);
});
