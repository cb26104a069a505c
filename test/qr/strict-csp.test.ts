import { expect } from '@open-wc/testing';
import type { QrCspPageReport } from './csp-page.js';
import { HOLDER_2021 } from './fixtures/people.js';

/** Opens reader.csp.html in a frame and waits for its report. */
async function reportFromStrictPage(): Promise<QrCspPageReport> {
  const frame = document.createElement('iframe');
  const report = new Promise<QrCspPageReport>((resolve) => {
    window.addEventListener('message', function onMessage(event: MessageEvent<unknown>) {
      const data = event.data as Partial<QrCspPageReport> | null;
      if (event.source !== frame.contentWindow || data?.type !== 'qr-csp-report') return;
      window.removeEventListener('message', onMessage);
      resolve(data as QrCspPageReport);
    });
  });
  frame.src = new URL('./reader.csp.html', import.meta.url).href;
  document.body.append(frame);
  try {
    return await report;
  } finally {
    frame.remove();
  }
}

describe('the QR reader on a page with a strict CSP and Trusted Types', function () {
  this.timeout(60_000);

  it('decodes in a worker started through the Trusted Types policy, with the self-hosted wasm and no violation', async () => {
    expect(await reportFromStrictPage()).to.deep.equal({
      type: 'qr-csp-report',
      thread: 'worker',
      id: HOLDER_2021.id,
      error: null,
      violations: [],
    });
  });
});
