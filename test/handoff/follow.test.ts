// Following a handoff without a working stream: a proxy that closes every event stream at once, or
// answers it as a whole. The computer falls back to polling and still sees every event, once, in order.
import { expect } from '@open-wc/testing';
import { follow } from '../../src/handoff/follow.js';
import type { HandoffEvent } from '../../src/handoff/protocol.js';

const EVENTS: HandoffEvent[] = [
  { seq: 1, state: 'waiting' },
  { seq: 2, state: 'connected' },
  { seq: 3, state: 'step', step: 'document-front', previousStep: 'intro' },
  { seq: 4, state: 'cancelled' },
];

/** A server behind a proxy that ends every stream empty; its polls answer what is new since `after`. */
function proxiedServer(): { fetch: typeof fetch; urls: string[] } {
  const urls: string[] = [];
  let polls = 0;
  const fake: typeof fetch = (input, init) => {
    const url = new URL(input instanceof Request ? input.url : input);
    urls.push(`${url.pathname}${url.search}`);
    if (new Headers(init?.headers).get('accept') === 'text/event-stream') {
      return Promise.resolve(new Response('', { headers: { 'content-type': 'text/event-stream' } }));
    }
    // Each poll sees one more event than the last, as if they happened in between.
    polls += 1;
    const after = Number(url.searchParams.get('after'));
    const events = EVENTS.slice(0, polls + 1).filter((event) => event.seq > after);
    return Promise.resolve(Response.json({ events }));
  };
  return { fetch: fake, urls };
}

describe('following a handoff', () => {
  it('polls once streams keep ending empty, and sees every event once, in order', async () => {
    const server = proxiedServer();
    const seen: number[] = [];
    let gone = false;
    await follow({
      api: { apiBase: 'https://kyc.example', fetch: server.fetch, headers: { authorization: 'Bearer x' } },
      token: 'T'.repeat(43),
      signal: new AbortController().signal,
      onEvent: (event) => seen.push(event.seq),
      onGone: () => {
        gone = true;
      },
      sleep: () => Promise.resolve(),
    });
    expect(seen).to.deep.equal([1, 2, 3, 4]);
    expect(gone).to.equal(false);
    // Three empty streams, then polls from the last event seen.
    expect(server.urls.map((url) => url.replace(/^.*\?after=/, ''))).to.deep.equal(['0', '0', '0', '0', '2', '3']);
  });

  it('stops when the server no longer knows the token', async () => {
    let gone = false;
    await follow({
      api: { apiBase: 'https://kyc.example', fetch: () => Promise.resolve(Response.json({}, { status: 404 })) },
      token: 'T'.repeat(43),
      signal: new AbortController().signal,
      onEvent: () => undefined,
      onGone: () => {
        gone = true;
      },
      sleep: () => Promise.resolve(),
    });
    expect(gone).to.equal(true);
  });
});
