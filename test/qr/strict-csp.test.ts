import { expect } from '@open-wc/testing';
import { reportFromFramedPage } from '../helpers/framed-page.js';
import type { QrCspPageReport } from './csp-page.js';
import { HOLDER_2021 } from './fixtures/people.js';

describe('the QR reader on a page with a strict CSP and Trusted Types', function () {
  this.timeout(60_000);

  it('serves the test page with the strict policy', async () => {
    const response = await fetch(new URL('./reader.csp.html', import.meta.url));
    expect(response.headers.get('content-security-policy')).to.contain("require-trusted-types-for 'script'");
  });

  it('decodes in a worker started through the Trusted Types policy, with the self-hosted wasm and no violation', async () => {
    const url = new URL('./reader.csp.html', import.meta.url).href;
    expect(await reportFromFramedPage<QrCspPageReport>(url, 'qr-csp-report')).to.deep.equal({
      type: 'qr-csp-report',
      thread: 'worker',
      id: HOLDER_2021.id,
      error: null,
      violations: [],
    });
  });
});
