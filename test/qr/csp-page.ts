// Runs in reader.csp.html, served under the strict CSP: reads one card's code and reports to the page that framed it.
import { createQrReader } from '../../src/qr/reader.js';
import { fixtureImage } from './fixtures/load.js';
import { QR_FIXTURES } from './fixtures/specs.js';

/** What the framed page posts back. */
export interface QrCspPageReport {
  type: 'qr-csp-report';
  thread: 'worker' | 'main' | null;
  id: string | null;
  error: string | null;
  violations: string[];
}

const violations: string[] = [];
document.addEventListener('securitypolicyviolation', (event) => {
  violations.push(`${event.effectiveDirective} ${event.blockedURI}`);
});

async function run(): Promise<Omit<QrCspPageReport, 'type' | 'violations'>> {
  const fixture = QR_FIXTURES.find(({ kind }) => kind === 'clean');
  if (!fixture) return { thread: null, id: null, error: 'no fixture' };
  const reader = createQrReader({ assetsBase: '/public/ekyc-assets/' });
  try {
    const { reading, thread } = await reader.measure(await fixtureImage(fixture));
    return { thread, id: reading?.fields.id ?? null, error: null };
  } catch (error) {
    return { thread: null, id: null, error: String(error) };
  } finally {
    reader.dispose();
  }
}

void run().then(async (result) => {
  // Violation events are queued as tasks: let any pending ones arrive first.
  await new Promise((resolve) => setTimeout(resolve, 0));
  const report: QrCspPageReport = { type: 'qr-csp-report', ...result, violations };
  parent.postMessage(report, location.origin);
});
