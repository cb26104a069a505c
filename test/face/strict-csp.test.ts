import { expect } from '@open-wc/testing';
import type { CspPageReport } from './csp-page.js';
import { workersHaveWebgl } from '../helpers/webgl.js';

/** Opens detector.csp.html in a frame and waits for its report. */
async function reportFromStrictPage(thread: 'worker' | 'main'): Promise<CspPageReport> {
  const frame = document.createElement('iframe');
  const report = new Promise<CspPageReport>((resolve) => {
    window.addEventListener('message', function onMessage(event: MessageEvent<unknown>) {
      const data = event.data as Partial<CspPageReport> | null;
      if (event.source !== frame.contentWindow || data?.type !== 'face-csp-report') return;
      window.removeEventListener('message', onMessage);
      resolve(data as CspPageReport);
    });
  });
  frame.src = new URL(`./detector.csp.html?thread=${thread}`, import.meta.url).href;
  document.body.append(frame);
  try {
    return await report;
  } finally {
    frame.remove();
  }
}

describe('the face detector on a page with a strict CSP and Trusted Types', function () {
  this.timeout(60_000);

  it('serves the test page with the strict policy', async () => {
    const response = await fetch(new URL('./detector.csp.html', import.meta.url));
    expect(response.headers.get('content-security-policy')).to.contain("require-trusted-types-for 'script'");
  });

  it('runs in a worker started through its Trusted Types policy, with no violation (or says the worker has no WebGL)', async () => {
    const report = await reportFromStrictPage('worker');
    const expected = (await workersHaveWebgl())
      ? { thread: 'worker', faces: 2, error: null }
      : { thread: null, faces: 0, error: 'FaceDetectorError: face detector unavailable: no WebGL on this thread' };
    expect(report).to.deep.equal({ type: 'face-csp-report', ...expected, violations: [] });
  });

  it('runs on the main thread without injecting a script, with no violation', async () => {
    const report = await reportFromStrictPage('main');
    expect(report).to.deep.equal({ type: 'face-csp-report', thread: 'main', faces: 2, error: null, violations: [] });
  });
});
