import { expect } from 'chai';
import { describe, it } from 'node:test';
import { backoffDelay, runWork, type RunContext } from '../../src/flow/api-runner.js';
import { DEFAULT_WAITS } from '../../src/platform/waits.js';
import { initialState } from '../../src/flow/machine.js';
import type { ProcessingState } from '../../src/flow/types.js';

/** A flow waiting for the front to be read, in session `s-1`. */
function readingFront(): ProcessingState {
  // A photo's bytes: only their passing through counts here.
  const image = new Blob([Uint8Array.of(0xff, 0xd8, 0xff, 0xd9)], { type: 'image/jpeg' });
  return {
    ...initialState({ documentType: 'idr', flow: 'full', canInitSession: false }),
    step: 'processing',
    sessionId: 's-1',
    work: 'ocr-front',
    captures: { front: { side: 'front', image, width: 64, height: 40, auto: false, quality: null, source: 'camera', integrity: { signals: [], flagged: false } } },
  };
}

/** A `fetch` that always answers `status` with `body`, counting its calls. */
function answering(status: number, body: string): { fetch: typeof fetch; calls: () => number } {
  let calls = 0;
  const fake: typeof fetch = () => {
    calls += 1;
    return Promise.resolve(new Response(body, { status, headers: { 'content-type': 'application/json' } }));
  };
  return { fetch: fake, calls: () => calls };
}

function context(doFetch: typeof fetch, sleeps: number[], signal = new AbortController().signal): RunContext {
  return {
    api: { apiBase: 'https://api.invalid', fetch: doFetch, timeoutMs: 5000 },
    lang: 'en',
    clientUuid: undefined,
    signal,
    sleep: (ms) => {
      sleeps.push(ms);
      return Promise.resolve();
    },
  };
}

const [FIRST_DELAY_MS = 0, SECOND_DELAY_MS = 0] = DEFAULT_WAITS.apiRetryMs;
const RETRY_DELAYS_MS = DEFAULT_WAITS.apiRetryMs;

describe('automatic retries with backoff', () => {
  it('waits longer before the second retry than before the first, for the same random draw', () => {
    for (const draw of [0, 0.5, 0.999]) {
      expect(backoffDelay(1, () => draw)).to.be.greaterThan(backoffDelay(0, () => draw));
    }
  });

  it('keeps every delay within a quarter of its step, however many attempts', () => {
    for (let attempt = 0; attempt < 50; attempt++) {
      const step = RETRY_DELAYS_MS[Math.min(attempt, RETRY_DELAYS_MS.length - 1)]!;
      for (const draw of [0, 0.25, 0.5, 0.75, 0.999]) {
        const delay = backoffDelay(attempt, () => draw);
        expect(delay).to.be.within(step * 0.75, step * 1.25);
      }
    }
  });

  it('retries a 503 twice, sleeping the backoff delays, then hands the failure to the user', async () => {
    const server = answering(503, '<html>Service Unavailable</html>');
    const sleeps: number[] = [];
    const event = await runWork('ocr-front', readingFront(), context(server.fetch, sleeps));
    expect(server.calls()).to.equal(1 + RETRY_DELAYS_MS.length);
    expect(sleeps).to.have.length(RETRY_DELAYS_MS.length);
    expect(sleeps[0]).to.be.within(FIRST_DELAY_MS * 0.75, FIRST_DELAY_MS * 1.25);
    expect(sleeps[1]).to.be.within(SECOND_DELAY_MS * 0.75, SECOND_DELAY_MS * 1.25);
    expect(event).to.deep.include({ type: 'work-failed', work: 'ocr-front' });
    expect(event?.type === 'work-failed' ? event.failure : null).to.include({ code: 'server', status: 503 });
  });

  it('does not retry an answer that will not change: a body that is not JSON', async () => {
    const server = answering(200, '<!doctype html><p>Sign in to the Wi-Fi</p>');
    const sleeps: number[] = [];
    const event = await runWork('ocr-front', readingFront(), context(server.fetch, sleeps));
    expect(server.calls()).to.equal(1);
    expect(sleeps).to.deep.equal([]);
    expect(event?.type === 'work-failed' ? event.failure.code : null).to.equal('bad-response');
  });

  it('gives up quietly, with no further request, when the flow is cancelled during the wait', async () => {
    const server = answering(502, '<html>Bad Gateway</html>');
    const controller = new AbortController();
    const run = context(server.fetch, [], controller.signal);
    run.sleep = () => {
      controller.abort();
      return Promise.reject(new Error('aborted'));
    };
    const event = await runWork('ocr-front', readingFront(), run);
    expect(event).to.equal(null);
    expect(server.calls()).to.equal(1);
  });
});
