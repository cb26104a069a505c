import { createServer, type IncomingMessage, type RequestListener, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { errorAnswer, send } from './answer.js';
import { corsHeaders, preflightHeaders } from './cors.js';
import { HttpError } from './errors.js';
import type { ProxyOptions } from './options.js';
import { routeOf, ROUTES } from './rules.js';
import { createSession } from './session.js';
import { forwardUpload } from './upload.js';

export type { ProxyOptions } from './options.js';

export interface ProxyServer {
  url: string;
  close(): Promise<void>;
}

const ALLOW = { allow: 'POST, OPTIONS' };

async function handle(req: IncomingMessage, res: ServerResponse, options: ProxyOptions): Promise<void> {
  const path = routeOf(new URL(req.url ?? '/', 'http://proxy.invalid').pathname);
  const origin = req.headers.origin;
  const cors = corsHeaders(origin, options.allowedOrigins);
  const browser = new AbortController();
  res.on('close', () => {
    if (!res.writableFinished) browser.abort();
  });
  try {
    if (!path) throw new HttpError(404, 'Not found.');
    if (req.method === 'OPTIONS') {
      if (!cors || origin === undefined) throw new HttpError(403, 'This origin is not allowed.');
      res.writeHead(204, { ...preflightHeaders(cors), ...ALLOW }).end();
      return;
    }
    if (req.method !== 'POST') throw new HttpError(405, 'Only POST is allowed.');
    if (!cors) throw new HttpError(403, 'This origin is not allowed.');
    const route = ROUTES[path].name;
    const answer =
      route === 'session'
        ? await createSession(req, options, browser.signal)
        : await forwardUpload(route, req, options, browser.signal);
    send(res, answer, cors);
  } catch (error) {
    // What is left of the body is read and dropped, so that the refusal reaches the browser.
    req.unpipe();
    req.resume();
    const status = error instanceof HttpError ? error.status : 500;
    const message = error instanceof HttpError ? error.message : 'The proxy failed.';
    if (!res.headersSent) send(res, errorAnswer(status, message), { ...cors, ...(status === 405 ? ALLOW : {}) });
  }
}

/** The proxy as a `node:http` request listener, to mount in a server of your own. */
export function proxyListener(options: ProxyOptions): RequestListener {
  return (req, res) => {
    const started = performance.now();
    const path = new URL(req.url ?? '/', 'http://proxy.invalid').pathname;
    void handle(req, res, options).finally(() => {
      const ms = Math.round(performance.now() - started);
      options.log?.(`${req.method ?? '?'} ${path} → ${res.statusCode} (${ms} ms)`);
    });
  };
}

/** Starts the proxy on `options.port` (0: any free port) and `options.host`. */
export async function startProxyServer(options: ProxyOptions): Promise<ProxyServer> {
  const server = createServer({ headersTimeout: 20_000, requestTimeout: 120_000 }, proxyListener(options));
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const address = server.address() as AddressInfo;
  const hostname = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  return {
    url: `http://${hostname}:${address.port}`,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}
