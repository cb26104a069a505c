// A request the server answers before reading its body must not spoil its connection: browsers and
// proxies reuse connections, so the next request on it is parsed from its own first byte, and what the
// refused request still sends is dropped within the body limits or the connection is closed.
import assert from 'node:assert/strict';
import { Agent, request as httpRequest, type IncomingHttpHeaders } from 'node:http';
import { connect, type Socket } from 'node:net';
import { after, before, describe, test } from 'node:test';
import { rawSocket, readUntilClosed, startStack, type Stack } from './helpers/ekyc-stack.js';

const BODY_TIMEOUT_MS = 1_500;
const MAX_BODY_BYTES = 4 * 1024 * 1024;

interface Answer {
  status: number;
  headers: IncomingHttpHeaders;
  /** The client side's port: the same port, the same connection. */
  port: number;
}

/** One request through a keep-alive agent; a body still being sent when the answer came may fail to finish. */
function keepAliveRequest(agent: Agent, url: string, path: string, headers: Record<string, string>, body?: Buffer): Promise<Answer> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve, reject) => {
    const request = httpRequest({ host: hostname, port, path, method: body ? 'POST' : 'GET', headers, agent }, (response) => {
      const local = request.socket?.localPort ?? 0;
      response.resume();
      response.once('end', () => resolve({ status: response.statusCode ?? 0, headers: response.headers, port: local }));
    });
    request.once('error', (error) => {
      if (!request.headersSent || !request.writableEnded) reject(error);
    });
    request.end(body);
  });
}

/** The status lines of every answer in `text`, in order. */
const statusLines = (text: string): string[] => text.match(/HTTP\/1\.1 \d{3}/g) ?? [];

function upload(sessionId: string, length: number, extra = ''): string {
  return (
    `POST /ocr HTTP/1.1\r\nHost: x\r\nsession-id: ${sessionId}\r\ndocument-type: idr\r\n${extra}` +
    `content-type: multipart/form-data; boundary=b\r\ncontent-length: ${length}\r\n\r\n`
  );
}

/** A client that goes on sending after the server's end, as one sending a body does. */
function halfOpenSocket(url: string): Promise<Socket> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve, reject) => {
    const socket = connect({ host: hostname, port: Number(port), allowHalfOpen: true }, () => resolve(socket));
    socket.once('error', reject);
  });
}

/**
 * Writes `total` bytes as fast as the connection takes them; answers how many it took before the server
 * closed it (`total` when it took them all).
 */
function flood(socket: Socket, total: number, chunk: Buffer): Promise<number> {
  return new Promise((resolve) => {
    let written = 0;
    socket.once('close', () => resolve(written));
    socket.on('error', () => undefined);
    const more = (): void => {
      while (written < total && !socket.destroyed) {
        written += chunk.length;
        if (!socket.write(chunk)) {
          socket.once('drain', more);
          return;
        }
      }
      if (written >= total) resolve(written);
    };
    more();
  });
}

describe('a connection after an answer given before the body was read', () => {
  let stack: Stack;
  let sessionId = '';
  before(async () => {
    stack = await startStack({ limits: { bodyTimeoutMs: BODY_TIMEOUT_MS, maxBodyBytes: MAX_BODY_BYTES } });
    sessionId = await stack.session();
  });
  after(() => stack.close());

  test('a keep-alive client: refused uploads of any size within the limit leave the connection serving the next request', async () => {
    const agent = new Agent({ keepAlive: true, maxSockets: 1 });
    try {
      const refusals: [Record<string, string>, number][] = [
        [{ ...stack.auth('alice'), 'session-id': 'made-up' }, 403],
        [{ 'session-id': sessionId }, 401],
        [{ ...stack.auth('bob'), 'session-id': sessionId }, 403],
      ];
      for (const size of [1_000, 300_000, 3_000_000]) {
        for (const [headers, status] of refusals) {
          const refused = await keepAliveRequest(agent, stack.url, '/ocr', { ...headers, 'document-type': 'idr', 'content-type': 'multipart/form-data; boundary=b' }, Buffer.alloc(size, 0x41));
          assert.equal(refused.status, status);
          const next = await keepAliveRequest(agent, stack.url, '/health', {});
          assert.equal(next.status, 200, `after a ${status} to ${size} bytes`);
          assert.equal(next.port, refused.port, `the connection was kept after a ${status} to ${size} bytes`);
        }
      }
    } finally {
      agent.destroy();
    }
    assert.equal(stack.calls('ocr'), 0);
  });

  test('a keep-alive client: a refused upload past the body limit is answered with Connection: close, and the next request gets a new connection', async () => {
    const agent = new Agent({ keepAlive: true, maxSockets: 1 });
    try {
      const refused = await keepAliveRequest(agent, stack.url, '/ocr', { 'session-id': sessionId, 'content-type': 'multipart/form-data; boundary=b' }, Buffer.alloc(MAX_BODY_BYTES + 1, 0x41));
      assert.equal(refused.status, 401);
      assert.equal(refused.headers.connection, 'close');
      const next = await keepAliveRequest(agent, stack.url, '/health', {});
      assert.equal(next.status, 200);
    } finally {
      agent.destroy();
    }
  });

  test('raw: the body of a refused request is never read as a request, and the request after it is answered', async () => {
    const socket = await rawSocket(stack.url);
    // What an attacker would hide in the body: a request of alice's, to be run with her login.
    const hidden = `POST /session HTTP/1.1\r\nHost: x\r\n${Object.entries(stack.auth('alice')).map(([name, value]) => `${name}: ${value}`).join('\r\n')}\r\ncontent-length: 0\r\n\r\n`;
    const body = hidden + 'x'.repeat(2_000);
    const initsBefore = stack.calls('init');
    const answers = readUntilClosed(socket, 3_000);
    socket.write(upload(sessionId, Buffer.byteLength(body)) + hidden);
    // The rest of the body comes after the answer, in pieces, the next request right behind it.
    await new Promise((resolve) => socket.once('data', resolve));
    for (let at = hidden.length; at < body.length; at += 500) socket.write(body.slice(at, at + 500));
    socket.write('GET /health HTTP/1.1\r\nHost: x\r\nconnection: close\r\n\r\n');
    const { text, closed } = await answers;
    assert.deepEqual(statusLines(text), ['HTTP/1.1 401', 'HTTP/1.1 200']);
    assert.match(text, /"status":"ok"/);
    assert.ok(closed);
    assert.equal(stack.calls('init'), initsBefore);
  });

  test('raw: a refused request whose body trickles is not held past the body deadline', async () => {
    const socket = await rawSocket(stack.url);
    socket.write(upload(sessionId, 100_000, 'authorization: Bearer token-b\r\n'));
    const trickle = setInterval(() => socket.writable && socket.write('x'), 100);
    try {
      // Waits a generous while beyond the deadline: a connection held open stays so for a minute.
      const { text, closed } = await readUntilClosed(socket, BODY_TIMEOUT_MS + 5_000);
      assert.deepEqual(statusLines(text), ['HTTP/1.1 403']);
      assert.ok(closed, 'the server closed the connection');
    } finally {
      clearInterval(trickle);
      socket.destroy();
    }
  });

  test('raw: a request refused with 401 does not have its 45 MB body read, declared or chunked', async () => {
    const chunk = Buffer.alloc(64 * 1024, 0x41);
    const total = 45 * 1024 * 1024;
    for (const framing of [`content-length: ${total}\r\n`, 'transfer-encoding: chunked\r\n']) {
      const socket = await halfOpenSocket(stack.url);
      let text = '';
      socket.on('data', (data: Buffer) => (text += data.toString('latin1')));
      socket.write(`POST /ocr HTTP/1.1\r\nHost: x\r\nsession-id: ${sessionId}\r\ncontent-type: multipart/form-data; boundary=b\r\n${framing}\r\n`);
      const chunked = framing.startsWith('transfer');
      const piece = chunked ? Buffer.concat([Buffer.from(`${chunk.length.toString(16)}\r\n`), chunk, Buffer.from('\r\n')]) : chunk;
      const written = await flood(socket, total, piece);
      assert.deepEqual(statusLines(text), ['HTTP/1.1 401'], framing);
      assert.match(text, /connection: close/i);
      assert.ok(written < total, `${framing.trim()}: the server took all ${written} bytes`);
      socket.destroy();
    }
  });
});

describe('the time limit of a request’s headers', () => {
  const HEADERS_TIMEOUT_MS = 1_000;
  let stack: Stack;
  before(async () => {
    stack = await startStack({ limits: { headersTimeoutMs: HEADERS_TIMEOUT_MS } });
  });
  after(() => stack.close());

  test('headers that trickle in are answered 408 and their connection closed once the configured limit has passed', async () => {
    const socket = await rawSocket(stack.url);
    socket.write('POST /session HTTP/1.1\r\nHost: x\r\n');
    let line = 0;
    const trickle = setInterval(() => socket.writable && socket.write(`x-slow-${line++}: y\r\n`), 200);
    try {
      // Generous beside the limit, and far short of the 30 s Node would otherwise let pass between checks.
      const { text, closed } = await readUntilClosed(socket, HEADERS_TIMEOUT_MS + 5_000);
      assert.ok(closed, 'the server closed the connection');
      assert.deepEqual(statusLines(text), ['HTTP/1.1 408']);
      assert.match(text, /"error":"request-timeout"/);
    } finally {
      clearInterval(trickle);
      socket.destroy();
    }
    assert.equal(stack.calls('init'), 0);
  });

  test('an idle kept connection is not cut by the header limit: the next request on it is served', async () => {
    const socket = await rawSocket(stack.url);
    const answers = readUntilClosed(socket, 10_000);
    socket.write('GET /health HTTP/1.1\r\nHost: x\r\n\r\n');
    await new Promise((resolve) => socket.once('data', resolve));
    // Idle for well past the header limit, then the next request.
    await new Promise((resolve) => setTimeout(resolve, HEADERS_TIMEOUT_MS * 2.5));
    socket.write('GET /health HTTP/1.1\r\nHost: x\r\nconnection: close\r\n\r\n');
    const { text, closed } = await answers;
    assert.ok(closed);
    assert.deepEqual(statusLines(text), ['HTTP/1.1 200', 'HTTP/1.1 200']);
  });
});
