// Runs in reader.csp.html, served under the strict CSP: reads one card's code and reports to the page that framed it.
import { createQrReader } from '../../src/qr/reader.js';
import { reportToParent } from '../helpers/framed-page.js';
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

reportToParent('qr-csp-report', async (): Promise<Omit<QrCspPageReport, 'type' | 'violations'>> => {
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
});
