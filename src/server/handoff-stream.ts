import type { Exchange } from './context.js';
import type { HandoffEvent, HandoffRecord } from './handoff.js';
import type { Release } from './stream-slots.js';

const HEARTBEAT_MS = 15_000;
/** How long a browser waits before it reconnects a stream that broke or ended. */
const RETRY_MS = 2_000;

const frame = (event: HandoffEvent): string => `id: ${event.seq}\nevent: handoff\ndata: ${JSON.stringify(event)}\n\n`;

/**
 * Server-Sent Events: the backlog, then each event as any instance appends it, until the client goes
 * away or `limits.eventStreamLifetimeMs` has passed (the browser then reconnects from its last event).
 * Holds `slot` while open, and gives it back however the stream ends.
 */
export function eventStream(exchange: Exchange, record: HandoffRecord, after: number, slot: Release): Response {
  const { handoffs, options } = exchange;
  const signal = exchange.signal ?? exchange.request.signal;
  const encoder = new TextEncoder();
  let sent = after;
  let stop: (() => Promise<void>) | null = null;
  let heartbeat: ReturnType<typeof setInterval> | undefined;
  let lifetime: ReturnType<typeof setTimeout> | undefined;
  let reading = Promise.resolve();
  let closed = false;
  const close = (): void => {
    closed = true;
    clearInterval(heartbeat);
    clearTimeout(lifetime);
    void stop?.().catch(() => undefined);
    stop = null;
    slot();
  };
  const body = new ReadableStream<Uint8Array>({
    async start(controller) {
      const send = (text: string): void => {
        try {
          controller.enqueue(encoder.encode(text));
        } catch {
          close();
        }
      };
      // One reading at a time, in order: each sends what is new since the last.
      const catchUp = (): void => {
        reading = reading.then(async () => {
          for (const event of await handoffs.eventsAfter(record.id, sent)) {
            send(frame(event));
            sent = event.seq;
          }
        }).catch(() => undefined);
      };
      lifetime = setTimeout(() => {
        close();
        try {
          controller.close();
        } catch {
          // Cancelled meanwhile.
        }
      }, options.limits.eventStreamLifetimeMs);
      if (signal.aborted) close();
      signal.addEventListener('abort', close, { once: true });
      send(`retry: ${RETRY_MS}\n\n`);
      try {
        // Listening first, then reading: an event appended in between is read either way.
        const listening = await handoffs.listen(record.id, catchUp);
        if (closed) {
          void listening().catch(() => undefined);
          return;
        }
        stop = listening;
      } catch (error) {
        close();
        throw error;
      }
      catchUp();
      heartbeat = setInterval(() => send(': still here\n\n'), HEARTBEAT_MS);
    },
    cancel: close,
  });
  return new Response(body, {
    status: 200,
    headers: {
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-store',
      'x-content-type-options': 'nosniff',
      // Proxies such as nginx would hold the stream back otherwise.
      'x-accel-buffering': 'no',
    },
  });
}
