import { expect } from '@open-wc/testing';
import type { CspPageReport } from './csp-page.js';

/** Opens analyzer.csp.html in a frame and waits for its report. */
async function reportFromStrictPage(): Promise<CspPageReport> {
  const frame = document.createElement('iframe');
  const report = new Promise<CspPageReport>((resolve) => {
    window.addEventListener('message', function onMessage(event: MessageEvent<unknown>) {
      const data = event.data as Partial<CspPageReport> | null;
      if (event.source !== frame.contentWindow || data?.type !== 'quality-csp-report') return;
      window.removeEventListener('message', onMessage);
      resolve(data as CspPageReport);
    });
  });
  frame.src = new URL('./analyzer.csp.html', import.meta.url).href;
  document.body.append(frame);
  try {
    return await report;
  } finally {
    frame.remove();
  }
}

describe('the document analyzer on a page with a strict CSP and Trusted Types', () => {
  it('measures in a worker started through the Trusted Types policy, with no violation', async () => {
    const report = await reportFromStrictPage();
    expect(report).to.deep.equal({
      type: 'quality-csp-report',
      thread: 'worker',
      hint: 'ready',
      error: null,
      violations: [],
    });
  });
});
