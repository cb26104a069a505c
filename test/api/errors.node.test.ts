import { expect } from 'chai';
import { describe, it } from 'node:test';
import { EkycApiError } from '../../src/api/errors.js';

const http = (status: number, body?: unknown): EkycApiError => new EkycApiError('http', `HTTP ${status}`, { status, body });

describe('which API errors are retried unchanged', () => {
  it('retries what may succeed a moment later: no answer, a 5xx, a 429', () => {
    expect(new EkycApiError('network', 'offline').transient).to.equal(true);
    expect(new EkycApiError('timeout', 'slow').transient).to.equal(true);
    expect([500, 502, 503, 429].map((status) => http(status).transient)).to.deep.equal([true, true, true, true]);
  });

  it("retries ekyc-flow/server's 409 upload-in-progress: another upload of the session was with FPT.AI", () => {
    const refusal = { code: '409', error: 'upload-in-progress', message: 'Another upload of this session is in progress; try again.', retryAfter: 1 };
    expect(http(409, refusal).transient).to.equal(true);
  });

  it('does not retry the other 409s, nor a 4xx that would be refused again', () => {
    expect(http(409, { code: '409', error: 'session-complete' }).transient).to.equal(false);
    expect(http(409, { code: '409', error: 'out-of-order' }).transient).to.equal(false);
    expect(http(409).transient).to.equal(false);
    expect(http(409, 'upload-in-progress').transient).to.equal(false);
    expect([400, 404, 413, 422].map((status) => http(status, { error: 'upload-in-progress' }).transient)).to.deep.equal([false, false, false, false]);
    expect(new EkycApiError('bad-response', 'html').transient).to.equal(false);
  });
});
