import { connect, type Socket } from 'node:net';
import { createEkycServer, type EkycResult, type EkycServer, type EkycServerOptions } from '../../../src/server/index.js';
import type { ListeningServer } from '../../../src/server/node.js';
import { startEmulatorServer, type EmulatorServer } from '../../../src/emulator/node.js';
import { encodedPng, jpegHead } from './image-bytes.js';

export const KEY = 'server-key-7f3a';
export const TOKENS: Readonly<Record<string, string>> = { alice: 'token-a', bob: 'token-b', carol: 'token-c' };
export type User = keyof typeof TOKENS;

/** The integrator's login in these tests: `Authorization: Bearer <token>`. */
export function bearerLogin(request: Request): string | null {
  const token = /^Bearer (\S+)$/.exec(request.headers.get('authorization') ?? '')?.[1];
  return Object.entries(TOKENS).find(([, value]) => value === token)?.[0] ?? null;
}

/** Bytes that pass for a JPEG: a 640×480 frame header, filler up to `size` bytes, the end marker. */
export function jpeg(size = 64, fill = 0x11): Uint8Array<ArrayBuffer> {
  const bytes = new Uint8Array(size).fill(fill);
  bytes.set(jpegHead());
  bytes.set([0xff, 0xd9], size - 2);
  return bytes;
}

/** A real 640×480 PNG. */
export const png = (): Uint8Array<ArrayBuffer> => encodedPng(640, 480);

export function form(field: string, ...files: Uint8Array<ArrayBuffer>[]): FormData {
  const data = new FormData();
  files.forEach((file, index) => data.append(field, new Blob([file], { type: 'image/jpeg' }), `${index}.jpg`));
  return data;
}

export interface UploadOptions {
  user?: User | null;
  side?: 'front' | 'back' | null;
  documentType?: string;
  body?: BodyInit;
  key?: string;
  headers?: Record<string, string>;
}

export interface Stack {
  url: string;
  upstream: EmulatorServer;
  server: EkycServer;
  listening: ListeningServer;
  /** What `onComplete` received. */
  completed: EkycResult[];
  /** Headers of one user's requests. */
  auth(user: User): Record<string, string>;
  /** A session for `user` (asserts it was created). */
  session(user?: User): Promise<string>;
  ocr(sessionId: string, options?: UploadOptions): Promise<Response>;
  face(sessionId: string, options?: UploadOptions): Promise<Response>;
  result(sessionId: string, user?: User): Promise<Response>;
  /** How many calls of `endpoint` reached the emulator. */
  calls(endpoint: 'init' | 'ocr' | 'face'): number;
  close(): Promise<void>;
}

/** The server on a real port in front of the emulator (started here unless given). */
export async function startStack(
  overrides: Partial<EkycServerOptions> = {},
  given?: EmulatorServer,
): Promise<Stack> {
  const upstream = given ?? (await startEmulatorServer({ apiKeys: [KEY] }));
  const completed: EkycResult[] = [];
  const server = createEkycServer({
    apiKey: KEY,
    apiBase: upstream.url,
    allowedOrigins: ['http://shop.example'],
    authorize: bearerLogin,
    hooks: { onComplete: (result) => void completed.push(result) },
    ...overrides,
  });
  const listening = await server.listen();
  const { url } = listening;
  const auth = (user: User): Record<string, string> => ({ authorization: `Bearer ${TOKENS[user] ?? ''}` });
  const upload = (path: string, field: string, defaults: Record<string, string>) =>
    (sessionId: string, options: UploadOptions = {}): Promise<Response> => {
      const headers: Record<string, string> = { 'session-id': sessionId, ...defaults };
      if (options.user !== null) Object.assign(headers, auth(options.user ?? 'alice'));
      if (options.documentType) headers['document-type'] = options.documentType;
      if (options.side === null) delete headers['side-type'];
      else if (options.side) headers['side-type'] = options.side;
      if (options.key) headers['idempotency-key'] = options.key;
      Object.assign(headers, options.headers);
      // Each side's default picture differs from the others', as two photos of a card do.
      const fill = field === 'selfies' ? 0x13 : headers['side-type'] === 'back' ? 0x12 : 0x11;
      return fetch(`${url}${path}`, { method: 'POST', headers, body: options.body ?? form(field, jpeg(64, fill)) });
    };
  return {
    url,
    upstream,
    server,
    listening,
    completed,
    auth,
    session: async (user = 'alice') => {
      const response = await fetch(`${url}/session`, { method: 'POST', headers: auth(user) });
      const body = (await response.json()) as { sessionId?: string };
      if (response.status !== 200 || !body.sessionId) throw new Error(`no session: ${response.status}`);
      return body.sessionId;
    },
    ocr: upload('/ocr', 'files', { 'document-type': 'idr', 'side-type': 'front' }),
    face: upload('/face/liveness', 'selfies', { auto: 'True' }),
    result: (sessionId, user = 'alice') => fetch(`${url}/session/${sessionId}/result`, { headers: auth(user) }),
    calls: (endpoint) => upstream.emulator.requests.filter((request) => request.endpoint === endpoint).length,
    close: async () => {
      await server.close();
      if (!given) await upstream.close();
    },
  };
}

/** A raw TCP connection to `url`, for requests no HTTP client would send. */
export function rawSocket(url: string): Promise<Socket> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve, reject) => {
    const socket = connect(Number(port), hostname, () => resolve(socket));
    socket.once('error', reject);
  });
}

/** Everything the server sends on `socket` until it closes it (or `ms` pass). */
export function readUntilClosed(socket: Socket, ms: number): Promise<{ text: string; closed: boolean }> {
  return new Promise((resolve) => {
    let text = '';
    const timer = setTimeout(() => resolve({ text, closed: false }), ms);
    socket.on('data', (chunk: Buffer) => (text += chunk.toString('latin1')));
    socket.on('error', () => undefined);
    socket.once('close', () => {
      clearTimeout(timer);
      resolve({ text, closed: true });
    });
  });
}
