import { createServer, type IncomingMessage, type RequestListener, type ServerResponse } from 'node:http';
import { Readable } from 'node:stream';
import { startListening } from '../server/listening.js';
import { EkycEmulator, type EmulatorOptions, type EmulatorOutcome } from './emulator.js';

/** One answered request, without headers or bodies: enough for a log line. */
export interface EmulatorExchange {
  method: string;
  path: string;
  /** The HTTP status sent, or what happened instead. */
  outcome: number | 'preflight' | 'network-error' | 'hang';
}

export interface EmulatorServerOptions extends EmulatorOptions {
  /** Port to listen on (default 0: any free port). */
  port?: number;
  /** Interface to listen on (default `127.0.0.1`). */
  host?: string;
  /** Called once a request has been answered, dropped or left hanging. */
  onExchange?: (exchange: EmulatorExchange) => void;
}

export interface EmulatorServer {
  /** Base URL to give as `api-base` or `FPT_API_BASE`, without a trailing slash. */
  url: string;
  emulator: EkycEmulator;
  /** Stops listening and drops every open connection, hanging ones included. */
  close(): Promise<void>;
}

/** The Fetch `Request` for a Node request: same method, headers and URL, the body streamed. */
export function toFetchRequest(req: IncomingMessage, base: string): Request {
  const headers = new Headers();
  for (const [name, values] of Object.entries(req.headersDistinct)) {
    for (const value of values ?? []) headers.append(name, value);
  }
  const method = req.method ?? 'GET';
  const init: RequestInit & { duplex?: 'half' } = { method, headers };
  if (method !== 'GET' && method !== 'HEAD') {
    init.body = Readable.toWeb(req) as ReadableStream<Uint8Array>;
    init.duplex = 'half';
  }
  return new Request(new URL(req.url ?? '/', base), init);
}

async function sendResponse(res: ServerResponse, response: Response): Promise<void> {
  const headers: Record<string, string> = {};
  response.headers.forEach((value, name) => {
    headers[name] = value;
  });
  const body = Buffer.from(await response.arrayBuffer());
  res.writeHead(response.status, { ...headers, 'content-length': String(body.length) });
  res.end(body);
}

async function deliver(res: ServerResponse, outcome: EmulatorOutcome): Promise<void> {
  switch (outcome.kind) {
    case 'response':
      return sendResponse(res, outcome.response);
    case 'network-error':
      res.socket?.destroy();
      return;
    case 'hang':
      // Never answer: the connection stays open until the client gives up or the server closes.
      return;
  }
}

/** A `node:http` request listener that lets `emulator` answer every request. */
export function emulatorListener(
  emulator: EkycEmulator,
  base: string,
  onExchange?: (exchange: EmulatorExchange) => void,
): RequestListener {
  return (req, res) => {
    const method = req.method ?? 'GET';
    const path = new URL(req.url ?? '/', base).pathname;
    emulator
      .handle(toFetchRequest(req, base))
      .then(async (outcome) => {
        await deliver(res, outcome);
        const answered = method === 'OPTIONS' ? 'preflight' : outcome.kind === 'response' ? outcome.response.status : outcome.kind;
        onExchange?.({ method, path, outcome: answered });
      })
      .catch(() => {
        if (!res.headersSent) res.writeHead(500, { 'content-type': 'text/plain' });
        res.end('The emulator failed to answer.');
        onExchange?.({ method, path, outcome: 500 });
      });
  };
}

/**
 * Runs an `EkycEmulator` as a real HTTP server, for back ends and for
 * browsers (CORS from any origin, for the API's documented headers only).
 */
export async function startEmulatorServer(options: EmulatorServerOptions = {}): Promise<EmulatorServer> {
  const { port = 0, host = '127.0.0.1', onExchange, ...emulatorOptions } = options;
  const emulator = new EkycEmulator(emulatorOptions);
  // As FPT.AI's front servers: idle connections kept longer than a client keeps them, so a request
  // never goes out on a connection the server is closing.
  const server = createServer({ keepAliveTimeout: 65_000 });
  const listening = await startListening(server, port, host);
  server.on('request', emulatorListener(emulator, listening.url, onExchange));
  return { ...listening, emulator };
}
