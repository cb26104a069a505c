import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import type { NodeRequestBody } from './node-body.js';

/**
 * How long, and for how many bytes at most, a closing connection still has its incoming bytes read and
 * dropped, so that a client still sending its body reads the answer instead of meeting a reset.
 */
export const LINGER_MS = 2_000;
const LINGER_MAX_BYTES = 256 * 1024;

/** The limits a body is read within, whether the server reads it or drops it. */
export interface BodyLimits {
  maxBodyBytes: number;
  bodyTimeoutMs: number;
}

/** Connections answered with `Connection: close`: a request that still comes on one is not served. */
const closing = new WeakSet<Socket>();

export const isClosing = (socket: Socket): boolean => closing.has(socket);

function declaredLength(req: IncomingMessage): number | undefined {
  const value = req.headers['content-length'];
  return value === undefined || req.headers['transfer-encoding'] !== undefined ? undefined : Number(value);
}

/**
 * Reads and drops the rest of a body, keeping the connection for its next request; a body not over by
 * the deadline closes the connection instead, so that the next request is always parsed from its own
 * first byte and a body that trickles holds nothing past the deadline.
 */
function drain(req: IncomingMessage, body: NodeRequestBody, leftMs: number): void {
  const socket = req.socket;
  const timer = setTimeout(() => socket.destroy(), leftMs);
  timer.unref();
  req.once('close', () => clearTimeout(timer));
  body.abandon();
}

/** Ends the connection after the answer, still reading and dropping what arrives for a moment (`LINGER_MS`, `LINGER_MAX_BYTES`). */
function closeAfter(res: ServerResponse, socket: Socket, body: NodeRequestBody): void {
  closing.add(socket);
  res.shouldKeepAlive = false;
  res.setHeader('connection', 'close');
  res.once('finish', () => {
    // Node destroys the socket as soon as its end is sent: a client still sending its body would meet
    // a reset, and could lose the answer with it.
    // eslint-disable-next-line @typescript-eslint/unbound-method -- the very listener Node added, to take it off
    socket.removeListener('finish', socket.destroy);
    setTimeout(() => socket.destroy(), LINGER_MS).unref();
  });
  body.abandon((bytes) => {
    if (bytes > LINGER_MAX_BYTES) socket.destroy();
  });
}

/**
 * Settles the body of a request as its answer is written, before the answer's headers go out. The
 * connection is kept when the body arrived whole (what was not read is dropped), or when its declared
 * length is within `maxBodyBytes` and the body deadline has time left (the rest is read and dropped as
 * it comes, `drain`). Otherwise (an answer that closes, a body of unknown length, one declared past the
 * limit, or the deadline gone) the answer says `Connection: close` and the connection ends with it: a
 * body the server refused is never read whole.
 */
export function settleBody(
  req: IncomingMessage,
  res: ServerResponse,
  body: NodeRequestBody,
  limits: BodyLimits,
  options: { startedAt: number; close: boolean },
): void {
  const socket = req.socket;
  if (options.close) {
    closeAfter(res, socket, body);
    return;
  }
  if (body.complete) {
    body.abandon();
    return;
  }
  const declared = declaredLength(req);
  const leftMs = options.startedAt + limits.bodyTimeoutMs - performance.now();
  if (declared !== undefined && declared <= limits.maxBodyBytes && leftMs > 0) {
    drain(req, body, leftMs);
    return;
  }
  closeAfter(res, socket, body);
}
