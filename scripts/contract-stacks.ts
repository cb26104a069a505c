// The cross-origin contract tests' servers, one set a test: a strict FPT.AI emulator on a port of its own (an
// origin other than the test page's), the integrator's server making sessions with the key (the pattern that
// gives the page only a session-id), and ekyc-flow/server in front of that emulator on a third origin. The
// browser tests drive them through this control server (CORS open to the test pages):
//   POST   /stacks { integrity? }  → { id, fpt, server }   the server's integrity mode, default 'ignore'
//   POST   /stacks/{id}/session   → { sessionId }     a session made with the key, as a host server does
//   POST   /stacks/{id}/inject    { fault, endpoint?, side?, times? }
//   POST   /stacks/{id}/result { sessionId, token } → the server's result of that session
//   GET    /stacks/{id}/requests  → { requests, violations }   what FPT.AI received, headers and files
//   DELETE /stacks/{id}
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { startEmulatorServer, type EmulatorServer } from '../src/emulator/node.js';
import type { EmulatorFault } from '../src/emulator/index.js';
import { createEkycServer, type EkycServer, type IntegrityMode } from '../src/server/index.js';

const KEY = 'contract-test-key';

interface Stack {
  fpt: EmulatorServer;
  server: EkycServer;
  serverUrl: string;
}

async function readJson(request: IncomingMessage): Promise<Record<string, unknown>> {
  let text = '';
  for await (const chunk of request) text += String(chunk);
  return text === '' ? {} : (JSON.parse(text) as Record<string, unknown>);
}

/** Starts the control server; answers its base URL. `users` maps a bearer token to the user it signs in. */
export async function startContractStacks(origins: readonly string[], users: Readonly<Record<string, string>>): Promise<{ url: string; close(): Promise<void> }> {
  const stacks = new Map<string, Stack>();
  let made = 0;

  /**
   * A stack: FPT.AI's stand-in and a server in front of it. The test browsers' cameras are synthetic (a fake device,
   * a canvas stand-in) and driven by automation, so their sessions are flagged: a test of something else asks
   * for nothing (`integrity: 'ignore'`), a test of the integrity weighing for the mode it checks.
   */
  async function create(options: { integrity?: unknown }): Promise<Record<string, string>> {
    const fpt = await startEmulatorServer({ apiKeys: [KEY] });
    const server = createEkycServer({
      integrity: (options.integrity as IntegrityMode | undefined) ?? 'ignore',
      apiKey: KEY,
      apiBase: fpt.url,
      allowedOrigins: [...origins],
      authorize: (request) => users[/^Bearer (\S+)$/.exec(request.headers.get('authorization') ?? '')?.[1] ?? ''] ?? null,
      limits: { sessionsPerSubjectPerHour: 1_000, sessionsPerAddressPerHour: 1_000 },
    });
    const { url } = await server.listen();
    const id = String(++made);
    stacks.set(id, { fpt, server, serverUrl: url });
    return { id, fpt: fpt.url, server: url };
  }

  async function hostSession(stack: Stack): Promise<Record<string, string>> {
    const response = await fetch(`${stack.fpt.url}/session/init`, { method: 'POST', headers: { 'api-key': KEY, 'device-type': 'web-sdk' } });
    const body = (await response.json()) as Record<string, string>;
    return { sessionId: body['session-id'] ?? '' };
  }

  /** The server's result of a session, read as its owner (`token`) reads it. */
  async function serverResult(stack: Stack, { sessionId, token }: Record<string, unknown>): Promise<unknown> {
    const response = await fetch(`${stack.serverUrl}/session/${String(sessionId)}/result`, { headers: { authorization: `Bearer ${String(token)}` } });
    return response.json();
  }

  async function close(id: string): Promise<void> {
    const stack = stacks.get(id);
    stacks.delete(id);
    await Promise.allSettled([stack?.server.close(), stack?.fpt.close()]);
  }

  async function route(request: IncomingMessage, response: ServerResponse): Promise<unknown> {
    const [, root, id, action] = new URL(request.url ?? '/', 'http://control').pathname.split('/');
    if (root !== 'stacks') return null;
    if (id === undefined || id === '') return request.method === 'POST' ? create(await readJson(request)) : null;
    const stack = stacks.get(id);
    if (!stack) return null;
    if (request.method === 'DELETE') return close(id).then(() => ({}));
    if (action === 'session') return hostSession(stack);
    if (action === 'result' && request.method === 'POST') return serverResult(stack, await readJson(request));
    if (action === 'requests') return { requests: stack.fpt.emulator.requests, violations: stack.fpt.emulator.violations };
    if (action === 'inject') {
      const { fault, ...options } = await readJson(request);
      stack.fpt.emulator.inject(fault as EmulatorFault, options);
      return {};
    }
    response.statusCode = 404;
    return null;
  }

  const control = createServer((request, response) => {
    response.setHeader('access-control-allow-origin', '*');
    response.setHeader('access-control-allow-methods', 'GET, POST, DELETE');
    response.setHeader('access-control-allow-headers', 'content-type');
    if (request.method === 'OPTIONS') return void response.writeHead(204).end();
    route(request, response).then(
      (body) => {
        if (body === null) response.statusCode = 404;
        response.setHeader('content-type', 'application/json');
        response.end(JSON.stringify(body ?? { error: 'not found' }));
      },
      (error: unknown) => {
        response.statusCode = 500;
        response.end(JSON.stringify({ error: String(error) }));
      },
    );
  });
  await new Promise<void>((resolve) => control.listen(0, '127.0.0.1', resolve));
  const { port } = control.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: async () => {
      await Promise.allSettled([...stacks.keys()].map(close));
      control.closeAllConnections();
      await new Promise<void>((resolve) => control.close(() => resolve()));
    },
  };
}
