import { createServer, type IncomingMessage, type RequestListener, type Server, type ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import { closesConnection } from './answer.js';
import { startListening, type Listening } from './listening.js';
import { NodeRequestBody } from './node-body.js';
import type { FetchHandler } from './server.js';
import { isClosing, LINGER_MS, settleBody, type BodyLimits } from './unread-body.js';

const BAD_REQUEST = JSON.stringify({ code: '400', error: 'bad-request', message: 'The request is malformed.' });
const REQUEST_TIMEOUT = JSON.stringify({ code: '408', error: 'request-timeout', message: 'The request did not arrive in time.' });

/** A Fetch `Request` for a Node request; `null` when its target or headers cannot make one. */
function toRequest(req: IncomingMessage, body: NodeRequestBody, signal: AbortSignal): Request | null {
  try {
    const target = req.url ?? '';
    // Origin-form targets are appended, never resolved: `//host` stays a path instead of naming a host.
    const url = target.startsWith('/') ? new URL(`http://server.invalid${target}`) : new URL(target);
    const headers = new Headers();
    for (const [name, values] of Object.entries(req.headersDistinct)) {
      for (const value of values ?? []) headers.append(name, value);
    }
    const method = req.method ?? 'GET';
    const init: RequestInit & { duplex?: 'half' } = { method, headers, signal };
    if (method !== 'GET' && method !== 'HEAD') {
      init.body = body.stream;
      init.duplex = 'half';
    }
    return new Request(url, init);
  } catch {
    return null;
  }
}

/** An event stream goes out as it comes, until either side stops it. */
async function stream(res: ServerResponse, body: ReadableStream<Uint8Array>, status: number, headers: Record<string, string>): Promise<void> {
  res.writeHead(status, headers);
  res.flushHeaders();
  const reader = body.getReader();
  res.once('close', () => void reader.cancel().catch(() => undefined));
  try {
    for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) res.write(chunk.value);
  } finally {
    res.end();
  }
}

async function write(res: ServerResponse, response: Response, settle: (close: boolean) => void): Promise<void> {
  const headers: Record<string, string> = {};
  response.headers.forEach((value, name) => {
    headers[name] = value;
  });
  if (response.body && headers['content-type']?.startsWith('text/event-stream')) {
    settle(false);
    return stream(res, response.body, response.status, headers);
  }
  const body = Buffer.from(await response.arrayBuffer());
  settle(closesConnection(response));
  res.writeHead(response.status, { ...headers, 'content-length': String(body.length) });
  res.end(body);
}

/**
 * The Fetch handler as a `node:http` request listener. A body the answer came before is dropped within
 * `limits` or the connection closes (see `settleBody`): the next request on a connection is always
 * parsed from its own first byte.
 */
export function nodeListener(handler: FetchHandler, limits: BodyLimits): RequestListener {
  return (req, res) => {
    if (isClosing(req.socket)) {
      // A request sent on after the answer that closed its connection.
      req.socket.destroy();
      return;
    }
    const startedAt = performance.now();
    const body = new NodeRequestBody(req);
    const settle = (close: boolean): void => settleBody(req, res, body, limits, { startedAt, close });
    const gone = new AbortController();
    res.once('close', () => {
      if (!res.writableFinished) gone.abort();
    });
    req.on('error', () => undefined);
    const request = toRequest(req, body, gone.signal);
    const answer = request
      ? handler(request, { peer: req.socket.remoteAddress, signal: gone.signal })
      : Promise.resolve(new Response(BAD_REQUEST, { status: 400, headers: { 'content-type': 'application/json' } }));
    answer
      .then((response) => (res.headersSent || res.destroyed ? undefined : write(res, response, settle)))
      .catch(() => {
        if (res.headersSent) {
          res.end();
          return;
        }
        settle(true);
        res.writeHead(500, { 'content-type': 'application/json' });
        res.end();
      });
  };
}

/** Express/Connect: answers this server's routes, and hands every other request to `next()`. */
export type Middleware = (req: IncomingMessage, res: ServerResponse, next: (error?: unknown) => void) => void;

export function middleware(listener: RequestListener, owns: (pathname: string) => boolean): Middleware {
  return (req, res, next) => {
    let pathname: string;
    try {
      pathname = new URL(`http://server.invalid${req.url ?? ''}`).pathname;
    } catch {
      next();
      return;
    }
    if (owns(pathname)) listener(req, res);
    else next();
  };
}

export interface ListeningServer extends Listening {
  server: Server;
}

/**
 * How often Node looks for requests past their time limits (its default, 30 s, let a request take up to
 * 30 s longer than its limit: a 10 s header limit cut slow headers after 10 to 40 s).
 */
const TIME_LIMITS_CHECKED_EVERY_MS = 1_000;

/** An answer written straight to the socket, for requests Node could not hand over. */
const rawAnswer = (status: string, body: string): string =>
  `HTTP/1.1 ${status}\r\ncontent-type: application/json\r\nx-content-type-options: nosniff\r\n` +
  `content-length: ${Buffer.byteLength(body)}\r\nconnection: close\r\n\r\n${body}`;

/** A `node:http` server for `listener`, with time limits that a slow client cannot stretch. */
export async function listen(
  listener: RequestListener,
  options: { port?: number | undefined; host?: string | undefined; bodyTimeoutMs: number; headersTimeoutMs: number },
): Promise<ListeningServer> {
  const server = createServer(
    {
      headersTimeout: options.headersTimeoutMs,
      // The handler's own body deadline answers first; this one ends a request nothing else ends.
      requestTimeout: options.headersTimeoutMs + options.bodyTimeoutMs + 5_000,
      connectionsCheckingInterval: TIME_LIMITS_CHECKED_EVERY_MS,
      // Longer than clients' and load balancers' idle timeouts, so that the client closes an idle
      // connection first: a server closing it just as a request goes out resets that request.
      keepAliveTimeout: 65_000,
    },
    listener,
  );
  server.on('clientError', (error: NodeJS.ErrnoException, socket: Socket) => {
    if (socket.writable && !socket.destroyed) {
      socket.end(error.code === 'ERR_HTTP_REQUEST_TIMEOUT' ? rawAnswer('408 Request Timeout', REQUEST_TIMEOUT) : rawAnswer('400 Bad Request', BAD_REQUEST));
    }
    setTimeout(() => socket.destroy(), LINGER_MS).unref();
  });
  return { ...(await startListening(server, options.port, options.host)), server };
}
