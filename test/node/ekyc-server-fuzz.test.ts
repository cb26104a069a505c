// Thousands of malformed requests, over raw sockets and over HTTP, at ekyc-flow/server running
// in a process of its own: afterwards the process must still be running and answer GET /health.
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { resolve } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { seeded } from '../quality/fixtures/random.js';
import { rawSocket, readUntilClosed } from './helpers/ekyc-stack.js';

const SEED = Number(process.env['FUZZ_SEED'] ?? 20261202);
// Seeded, so that a failing run can be repeated with FUZZ_SEED.
const next = seeded(SEED);
const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)] as T;
const junk = (length: number): string =>
  Array.from({ length }, () => String.fromCharCode(Math.floor(next() * 256))).join('');

const PATHS = ['/', '//', '///x', '/health', '/session', '/ocr', '/face/liveness', '/session/x/result', '/session//result',
  '/session/%00/result', '/%2e%2e/%2e%2e', '/ocr?x=%', '/ocr#frag', '/..%2f', '//evil.example/ocr', '/face/liveness/',
  '/handoff', `/handoff/${'A'.repeat(43)}/claim`, '/handoff/x/events?after=-1', '/handoff//progress', '/handoff/%2e%2e/claim'];
const METHODS = ['GET', 'POST', 'PUT', 'DELETE', 'OPTIONS', 'HEAD', 'PATCH', 'TRACE', 'CONNECT', 'FOO', 'G\u00e9T'];

/** Requests no HTTP client would send. */
function rawRequest(sessionId: string): string {
  const kind = Math.floor(next() * 9);
  const path = pick(PATHS);
  switch (kind) {
    case 0:
      return `${junk(1 + Math.floor(next() * 60))}\r\n\r\n`;
    case 1:
      return `${pick(METHODS)} ${path} HTTP/1.1\r\nHost: x\r\n${junk(20)}: ${junk(10)}\r\n\r\n`;
    case 2:
      return `GET ${path} HTTP/${pick(['0.9', '1.0', '1.1', '2.0', '9.9', 'x'])}\r\nHost: x\r\n\r\n`;
    case 3:
      return `POST /ocr HTTP/1.1\r\nHost: x\r\ncontent-length: 5\r\ncontent-length: 9\r\n\r\nabcde`;
    case 4:
      return `POST /ocr HTTP/1.1\r\nHost: x\r\ntransfer-encoding: chunked\r\nsession-id: ${sessionId}\r\nauthorization: Bearer token-a\r\ndocument-type: idr\r\ncontent-type: multipart/form-data; boundary=b\r\n\r\nzz\r\n${junk(30)}\r\n`;
    case 5:
      return `POST /session HTTP/1.1\r\nHost: x\r\nauthorization: Bearer token-a\r\ncontent-type: application/json\r\ncontent-length: 40\r\n\r\n${junk(40)}`;
    case 6:
      return `GET /health HTTP/1.1\r\nHost: x\r\nX-Long: ${'a'.repeat(20_000 + Math.floor(next() * 60_000))}\r\n\r\n`;
    case 7:
      return `POST /face/liveness HTTP/1.1\r\nHost: x\r\nsession-id: ${sessionId}\r\nauthorization: Bearer token-a\r\nauto: True\r\ncontent-type: multipart/form-data; boundary=${junk(8).replace(/[\r\n]/g, '')}\r\ncontent-length: 200\r\n\r\n${junk(200)}`;
    default:
      return `${pick(METHODS)} ${path}${junk(3)} HTTP/1.1\r\nHost: ${junk(5)}\r\nOrigin: ${junk(12)}\r\n\r\n`;
  }
}

const JPEG_START = '\xff\xd8\xff\xe0';

/** Broken multipart bodies that look almost right. */
function multipartBody(boundary: string, field: string): string {
  const part = (name: string, filename: string, data: string) =>
    `--${boundary}\r\nContent-Disposition: form-data; name="${name}"; filename="${filename}"\r\nContent-Type: image/jpeg\r\n\r\n${data}\r\n`;
  const image = `${JPEG_START}${junk(20)}\xff\xd9`;
  switch (Math.floor(next() * 8)) {
    case 0:
      return part(field, 'a.jpg', image); // no closing boundary
    case 1:
      return `${part(field, 'a.jpg', image)}--${boundary}--${junk(10)}`;
    case 2:
      return `${junk(10)}${part(field, 'a.jpg', image)}--${boundary}--\r\n`;
    case 3:
      return `--${boundary}\r\nContent-Disposition: ${junk(30)}\r\n\r\n${image}\r\n--${boundary}--\r\n`;
    case 4:
      return `${part(field, 'a.jpg', junk(50))}--${boundary}--\r\n`;
    case 5:
      return `--${boundary}\r\n${'X-Header: y\r\n'.repeat(200)}\r\n${image}\r\n--${boundary}--\r\n`;
    case 6:
      return `${Array.from({ length: 5 }, () => part(field, 'a.jpg', image)).join('')}--${boundary}--\r\n`;
    default:
      return `${part(junk(4), junk(4), image)}--${boundary}--\r\n`;
  }
}

async function sendRaw(url: string, text: string): Promise<void> {
  try {
    const socket = await rawSocket(url);
    socket.write(Buffer.from(text, 'latin1'));
    socket.end();
    await readUntilClosed(socket, 3000);
    socket.destroy();
  } catch {
    // A refused or reset connection is the server's right.
  }
}

async function sendHttp(url: string, sessionId: string): Promise<void> {
  const path = pick(['/ocr', '/face/liveness', '/session', '/session/x/result', `/session/${sessionId}/result`, '/handoff',
    `/handoff/${'A'.repeat(43)}/claim`, `/handoff/${'A'.repeat(43)}/progress`, `/handoff/${'A'.repeat(43)}/events?after=${Math.floor(next() * 9)}`]);
  const field = path === '/ocr' ? 'files' : 'selfies';
  const boundary = pick(['b', 'xyz', '----WebKitFormBoundary7MA4YWxkTrZu0gW', '']);
  const all: Record<string, string> = {
    authorization: pick(['Bearer token-a', 'Bearer token-b', 'Bearer nope', 'Basic x', '']),
    'session-id': pick([sessionId, 'made-up', '../../etc', '', 'x'.repeat(200)]),
    'document-type': pick(['idr', 'passport', 'dlr', 'x']),
    'side-type': pick(['front', 'back', 'left']),
    auto: pick(['True', 'False', 'maybe']),
    'idempotency-key': pick(['k', 'capture-key-1', 'a'.repeat(300), 'key with spaces', `fuzz-${Math.floor(next() * 50)}-key`]),
    'content-type': pick([`multipart/form-data; boundary=${boundary}`, 'multipart/form-data', 'application/json', 'text/plain']),
    origin: pick(['http://shop.example', 'http://evil.example', 'null']),
    'ekyc-handoff': pick(['A'.repeat(43), 'x', '']),
  };
  const headers = Object.fromEntries(Object.entries(all).filter(() => next() >= 0.15));
  try {
    const response = await fetch(`${url}${path}`, {
      method: pick(['POST', 'POST', 'GET', 'PUT']),
      headers,
      body: next() < 0.1 ? undefined : multipartBody(boundary || 'b', field),
    }).catch(() => null);
    if (response) {
      assert.match(response.headers.get('content-type') ?? 'application/json', /json/, `${response.status} ${path}`);
      await response.arrayBuffer();
    }
  } catch (error) {
    if (error instanceof assert.AssertionError) throw error;
  }
}

/** A body that arrives slower than the body deadline allows. */
async function sendSlow(url: string, sessionId: string): Promise<void> {
  const socket = await rawSocket(url);
  socket.write(
    `POST /ocr HTTP/1.1\r\nHost: x\r\nauthorization: Bearer token-a\r\nsession-id: ${sessionId}\r\ndocument-type: idr\r\n` +
      `content-type: multipart/form-data; boundary=b\r\ncontent-length: 100000\r\n\r\n`,
  );
  const drip = setInterval(() => socket.writable && socket.write('x'), 100);
  await readUntilClosed(socket, 5000);
  clearInterval(drip);
  socket.destroy();
}

describe('fuzzing ekyc-flow/server', { timeout: 240_000 }, () => {
  let child: ChildProcess;
  let url = '';
  let sessionId = '';
  let stderr = '';

  before(async () => {
    child = spawn(process.execPath, ['--import', 'tsx', resolve(import.meta.dirname, 'helpers/fuzz-target.ts')], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const [line] = (await once(child.stdout!, 'data')) as [Buffer];
    ({ url, sessionId } = JSON.parse(line.toString().split('\n')[0] ?? '') as { url: string; sessionId: string });
  });

  after(() => {
    if (child.exitCode === null) child.kill('SIGTERM');
  });

  test(`a few thousand malformed requests leave the process answering GET /health (seed ${SEED})`, async () => {
    const rounds = 40;
    for (let round = 0; round < rounds; round++) {
      const batch: Promise<void>[] = [];
      for (let index = 0; index < 50; index++) batch.push(sendRaw(url, rawRequest(sessionId)));
      for (let index = 0; index < 25; index++) batch.push(sendHttp(url, sessionId));
      if (round % 10 === 0) batch.push(sendSlow(url, sessionId));
      await Promise.all(batch);
      assert.equal(child.exitCode, null, `the server exited in round ${round}: ${stderr}`);
    }
    const health = await fetch(`${url}/health`);
    assert.equal(health.status, 200);
    assert.deepEqual(await health.json(), { status: 'ok', store: 'ok' });
    assert.equal(child.exitCode, null);
    assert.equal(stderr.replace(/.*DEVELOPMENT MODE.*\n?/g, ''), '', 'nothing written to stderr');
  });
});
