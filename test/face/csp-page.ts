// Runs in detector.csp.html, served under the strict CSP: loads the face detector, detects the
// faces of one photo and reports to the page that framed it.
import { loadFaceDetector } from '../../src/face/detector/load-detector.js';
import type { DetectorThread } from '../../src/face/detector/handle.js';

/** What the framed page posts back. */
export interface CspPageReport {
  type: 'face-csp-report';
  thread: DetectorThread | null;
  faces: number;
  error: string | null;
  violations: string[];
}

const violations: string[] = [];
document.addEventListener('securitypolicyviolation', (event) => {
  violations.push(`${event.effectiveDirective} ${event.blockedURI}`);
});

async function run(): Promise<Omit<CspPageReport, 'type' | 'violations'>> {
  const requested = new URLSearchParams(location.search).get('thread');
  const thread = requested === 'main' || requested === 'worker' ? requested : 'auto';
  try {
    const detector = await loadFaceDetector({ assetsBase: '/public/ekyc-assets/', thread });
    const response = await fetch('/test/fixtures/faces/two-people.jpg');
    const faces = await detector.detect(await createImageBitmap(await response.blob()));
    detector.close();
    return { thread: detector.thread, faces: faces.length, error: null };
  } catch (error) {
    return { thread: null, faces: 0, error: String(error) };
  }
}

void run().then(async (result) => {
  // Violation events are queued as tasks: let any pending ones arrive first.
  await new Promise((resolve) => setTimeout(resolve, 0));
  const report: CspPageReport = { type: 'face-csp-report', ...result, violations };
  parent.postMessage(report, location.origin);
});
