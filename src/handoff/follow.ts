import { joinUrl } from '../api/request.js';
import type { ApiConfig } from '../api/types.js';
import { nthDelay, pause, waits } from '../platform/waits.js';
import { call, eventsPath, HandoffRefused, hostHeaders, type HandoffEvent } from './protocol.js';

export interface FollowOptions {
  api: ApiConfig;
  token: string;
  signal: AbortSignal;
  onEvent: (event: HandoffEvent) => void;
  /** The server no longer knows the token (expired, or the handoff is over). */
  onGone: () => void;
  /** Waits between tries (default: `pause`, real time). */
  sleep?: (ms: number, signal: AbortSignal) => Promise<unknown>;
}

/** Streams that break this many times in a row: the connection cannot stream (a buffering proxy), so it polls. */
const STREAM_FAILURES_BEFORE_POLLING = 3;

const isEnd = (event: HandoffEvent): boolean => event.state === 'done' || event.state === 'cancelled';

/** The `data:` of each complete event in `buffer`; the rest waits for more text. */
function takeEvents(buffer: string): { events: HandoffEvent[]; rest: string } {
  const blocks = buffer.split(/\r?\n\r?\n/);
  const rest = blocks.pop() ?? '';
  const events = blocks.flatMap((block) => {
    const data = block.split(/\r?\n/).filter((line) => line.startsWith('data:')).map((line) => line.slice(5).trim());
    return data.length > 0 ? [JSON.parse(data.join('\n')) as HandoffEvent] : [];
  });
  return { events, rest };
}

/**
 * Follows a handoff: Server-Sent Events read from `fetch` (so the host's own headers go with them, which
 * `EventSource` cannot send), reconnected after a break from the last event seen; polling once streams keep
 * failing. Stops at the end of the handoff, when the server no longer knows it, or on `signal`.
 */
export async function follow(options: FollowOptions): Promise<void> {
  const { api, token, signal, onEvent, onGone } = options;
  const sleep = options.sleep ?? pause;
  // Changed by `take`, called back from the reading: an object, so that its fields are read afresh.
  const seen = { after: 0, ended: false };
  let failures = 0;
  const take = (event: HandoffEvent): void => {
    if (event.seq <= seen.after || seen.ended) return;
    seen.after = event.seq;
    seen.ended = isEnd(event);
    onEvent(event);
  };
  const over = (): boolean => seen.ended || signal.aborted;
  while (!over()) {
    try {
      if (failures >= STREAM_FAILURES_BEFORE_POLLING) {
        const { events } = await call<{ events: HandoffEvent[] }>(api, eventsPath(token, seen.after), { method: 'GET', signal });
        events.forEach(take);
        failures = STREAM_FAILURES_BEFORE_POLLING;
        if (!over()) await sleep(waits.handoffPollMs, signal);
        continue;
      }
      const response = await (api.fetch ?? fetch)(joinUrl(api.apiBase, eventsPath(token, seen.after)), {
        headers: { ...(await hostHeaders(api.headers)), accept: 'text/event-stream' },
        credentials: api.credentials,
        cache: 'no-store',
        signal,
      });
      if (!response.ok) throw new HandoffRefused(response.status, 'events');
      if (!response.body || !/^text\/event-stream/.test(response.headers.get('content-type') ?? '')) throw new TypeError('not a stream');
      const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
      let buffer = '';
      let got = false;
      for (let chunk = await reader.read(); !chunk.done && !over(); chunk = await reader.read()) {
        const { events, rest } = takeEvents(buffer + chunk.value);
        buffer = rest;
        got ||= events.length > 0;
        events.forEach(take);
      }
      void reader.cancel().catch(() => undefined);
      // A stream that ended without news counts as a failure: some proxies close every stream at once.
      failures = got ? 0 : failures + 1;
    } catch (error) {
      if (over()) return;
      if (error instanceof HandoffRefused && (error.status === 404 || error.status === 403)) {
        onGone();
        return;
      }
      failures += 1;
      await sleep(nthDelay(waits.handoffRetryMs, failures - 1), signal);
    }
  }
}
