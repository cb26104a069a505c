// The trust boundary of ekyc-flow/server, one finding of the example server's security
// review a group: each test drives the real server over HTTP in front of the emulator.
import assert from 'node:assert/strict';
import { createServer as createHttpServer } from 'node:http';
import { createServer, type Server, type Socket } from 'node:net';
import { after, before, beforeEach, describe, test } from 'node:test';
import { createEkycServer } from '../../src/server/index.js';
import { form, jpeg, KEY, png, rawSocket, readUntilClosed, startStack, type Stack } from './helpers/ekyc-stack.js';

const NAME = 'NGUYỄN THỊ MINH ANH';

describe('ekyc-flow/server', () => {
  let stack: Stack;

  before(async () => {
    // Many sessions a test here: the session limits are tested on stacks of their own, with the defaults.
    stack = await startStack({ limits: { sessionsPerSubjectPerHour: 1000, sessionsPerAddressPerHour: 1000 } });
  });
  after(() => stack.close());
  beforeEach(() => {
    stack.upstream.emulator.clearFaults();
    stack.upstream.emulator.clearRequests();
    stack.completed.length = 0;
  });

  /** A stack of its own for one test, with other options. */
  const withStack = async (overrides: Parameters<typeof startStack>[0], run: (other: Stack) => Promise<void>) => {
    const other = await startStack(overrides);
    try {
      await run(other);
    } finally {
      await other.close();
    }
  };

  describe('one request cannot crash it', () => {
    test('GET // answers 404 as JSON, and the server still answers GET /health', async () => {
      const socket = await rawSocket(stack.url);
      socket.write('GET // HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n');
      const { text } = await readUntilClosed(socket, 3000);
      assert.match(text, /^HTTP\/1\.1 404/);
      assert.match(text, /content-type: application\/json/i);
      const health = await fetch(`${stack.url}/health`);
      assert.deepEqual(await health.json(), { status: 'ok', store: 'ok' });
    });

    test('targets that are not URLs (//host:port, *, absolute junk) answer JSON errors, never a crash', async () => {
      for (const target of ['//evil.example:99/x', '*', 'http://[::1', '/%', '/ocr?%%']) {
        const socket = await rawSocket(stack.url);
        socket.write(`GET ${target} HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n`);
        const { text } = await readUntilClosed(socket, 3000);
        assert.match(text, /^HTTP\/1\.1 4\d\d/, target);
      }
      assert.equal((await fetch(`${stack.url}/health`)).status, 200);
    });

    test('a failing authorize answers 500 as JSON and the server goes on', async () => {
      await withStack({ authorize: () => Promise.reject(new Error('login service down')) }, async (other) => {
        const response = await fetch(`${other.url}/session`, { method: 'POST' });
        assert.equal(response.status, 500);
        assert.equal(((await response.json()) as { error: string }).error, 'authorize-failed');
        assert.equal((await fetch(`${other.url}/health`)).status, 200);
      });
    });
  });

  describe('sessions only for signed-in users, within limits', () => {
    test('POST /session without a login is refused with 401, before FPT.AI is called', async () => {
      const response = await fetch(`${stack.url}/session`, { method: 'POST' });
      assert.equal(response.status, 401);
      assert.equal(stack.calls('init'), 0);
    });

    test('a signed-in user gets { sessionId, expiresAt, flow, documentTypes } and FPT.AI saw the key', async () => {
      const response = await fetch(`${stack.url}/session`, { method: 'POST', headers: stack.auth('alice') });
      const body = (await response.json()) as { sessionId: string; expiresAt: string };
      assert.equal(response.status, 200);
      assert.deepEqual(Object.keys(body).sort(), ['documentTypes', 'expiresAt', 'flow', 'sessionId']);
      const lifetime = Date.parse(body.expiresAt) - Date.now();
      assert.ok(lifetime > 29 * 60_000 && lifetime <= 30 * 60_000, String(lifetime));
      assert.equal(stack.upstream.emulator.requests[0]?.headers['api-key'], KEY);
    });

    test('the 11th session of one user in an hour gets 429 with Retry-After, and FPT.AI is not called', async () => {
      await withStack({}, async (other) => {
        for (let index = 0; index < 10; index++) await other.session('bob');
        const calls = other.calls('init');
        const response = await fetch(`${other.url}/session`, { method: 'POST', headers: other.auth('bob') });
        assert.equal(response.status, 429);
        const retryAfter = Number(response.headers.get('retry-after'));
        assert.ok(retryAfter > 3500 && retryAfter <= 3600, String(retryAfter));
        assert.equal(other.calls('init'), calls);
        assert.equal((await fetch(`${other.url}/session`, { method: 'POST', headers: other.auth('carol') })).status, 200);
      });
    });

    test('the 31st session from one address in an hour gets 429, whoever asks', async () => {
      const limits = { sessionsPerSubjectPerHour: 100 };
      await withStack({ limits, authorize: (request) => request.headers.get('x-user') }, async (other) => {
        for (let index = 0; index < 30; index++) {
          const response = await fetch(`${other.url}/session`, { method: 'POST', headers: { 'x-user': `u${index}` } });
          assert.equal(response.status, 200);
        }
        const response = await fetch(`${other.url}/session`, { method: 'POST', headers: { 'x-user': 'fresh' } });
        assert.equal(response.status, 429);
        assert.ok(response.headers.get('retry-after'));
      });
    });

    test('a page from an origin not allowed is refused before FPT.AI, with or without a login', async () => {
      const headers = { ...stack.auth('alice'), origin: 'http://elsewhere.example' };
      const response = await fetch(`${stack.url}/session`, { method: 'POST', headers });
      assert.equal(response.status, 403);
      assert.equal(stack.calls('init'), 0);
    });

    test('anonymous use needs the development switch, and then only from loopback', async () => {
      assert.throws(() => createEkycServer({ apiKey: KEY }), /authorize\(request\) is required/);
      await withStack({ authorize: undefined, allowAnonymousOnLoopback: true }, async (other) => {
        assert.equal((await fetch(`${other.url}/session`, { method: 'POST' })).status, 200);
        const remote = await other.server.fetch(new Request('http://x/session', { method: 'POST' }), { peer: '203.0.113.9' });
        assert.equal(remote.status, 403);
      });
    });
  });

  describe('uploads bound to a session this server issued to the same user', () => {
    test('a made-up session id is refused with 403 before FPT.AI is called', async () => {
      const response = await stack.ocr('0f4c3b1e-made-up-id');
      assert.equal(response.status, 403);
      assert.equal(stack.calls('ocr'), 0);
    });

    test('a session FPT.AI knows but this server did not issue is refused', async () => {
      const foreign = stack.upstream.emulator.createSession({ apiKey: KEY });
      assert.equal((await stack.ocr(foreign)).status, 403);
      assert.equal(stack.calls('ocr'), 0);
    });

    test('another user who learned the session id cannot upload into it or read its result', async () => {
      const sessionId = await stack.session('alice');
      assert.equal((await stack.ocr(sessionId, { user: 'bob' })).status, 403);
      assert.equal((await stack.ocr(sessionId, { user: null })).status, 401);
      assert.equal((await stack.result(sessionId, 'bob')).status, 404);
      assert.equal(stack.calls('ocr'), 0);
      assert.equal((await stack.ocr(sessionId)).status, 200);
      assert.equal((await stack.result(sessionId, 'alice')).status, 200);
    });

    test('an expired session is refused before FPT.AI', async () => {
      let now = Date.now();
      await withStack({ now: () => now }, async (other) => {
        const sessionId = await other.session();
        now += 30 * 60_000 + 1;
        const response = await other.ocr(sessionId);
        assert.equal(response.status, 403);
        assert.equal(((await response.json()) as { error: string }).error, 'session-expired');
        assert.equal(other.calls('ocr'), 0);
      });
    });
  });

  describe('one deadline upstream, a deadline for the body, and 413 closes', () => {
    let silent: Server;
    let silentPort = 0;
    const held: Socket[] = [];
    before(async () => {
      // Accepts connections and never says a word: a TLS handshake that never completes.
      silent = createServer((socket) => {
        socket.on('error', () => undefined);
        held.push(socket);
      });
      await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
      silentPort = (silent.address() as { port: number }).port;
    });
    after(() => {
      for (const socket of held) socket.destroy();
      return new Promise<void>((resolve) => silent.close(() => resolve()));
    });

    test('the upstream deadline covers connecting: a handshake that never ends answers 504 in time', async () => {
      const base = `https://127.0.0.1:${silentPort}`;
      await withStack({ apiBase: base, limits: { upstreamTimeoutMs: 400 } }, async (other) => {
        const started = Date.now();
        const response = await fetch(`${other.url}/session`, { method: 'POST', headers: other.auth('alice') });
        assert.equal(response.status, 504);
        assert.ok(Date.now() - started < 3000, `took ${Date.now() - started} ms`);
      });
    });

    test('a body trickled byte by byte is cut at the body deadline with 408, the connection closed, nothing sent upstream', async () => {
      await withStack({ limits: { bodyTimeoutMs: 600 } }, async (other) => {
        const sessionId = await other.session();
        const socket = await rawSocket(other.url);
        socket.write(
          `POST /ocr HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer token-a\r\nsession-id: ${sessionId}\r\n` +
            `document-type: idr\r\ncontent-type: multipart/form-data; boundary=b\r\ncontent-length: 1000\r\n\r\n`,
        );
        const trickle = setInterval(() => socket.writable && socket.write('-'), 150);
        const started = Date.now();
        const { text, closed } = await readUntilClosed(socket, 6000);
        clearInterval(trickle);
        assert.match(text, /^HTTP\/1\.1 408/);
        assert.match(text, /connection: close/i);
        assert.ok(closed, 'the server closed the connection');
        assert.ok(Date.now() - started < 4500, `closed after ${Date.now() - started} ms`);
        assert.equal(other.calls('ocr'), 0);
      });
    });

    test('a body growing past the limit undeclared gets 413 and the connection is closed while the client still sends', async () => {
      await withStack({ limits: { maxBodyBytes: 64 * 1024 } }, async (other) => {
        const sessionId = await other.session();
        const socket = await rawSocket(other.url);
        socket.write(
          `POST /ocr HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer token-a\r\nsession-id: ${sessionId}\r\n` +
            `document-type: idr\r\ncontent-type: multipart/form-data; boundary=b\r\ntransfer-encoding: chunked\r\n\r\n`,
        );
        const chunk = `4000\r\n${'a'.repeat(0x4000)}\r\n`;
        const flood = setInterval(() => socket.writable && socket.write(chunk), 20);
        const { text, closed } = await readUntilClosed(socket, 8000);
        clearInterval(flood);
        assert.match(text, /^HTTP\/1\.1 413/);
        assert.match(text, /connection: close/i);
        assert.ok(closed, 'the server closed the connection instead of reading on');
        assert.equal(other.calls('ocr'), 0);
      });
    });

    test('a body declared larger than the limit gets 413 at once', async () => {
      const sessionId = await stack.session();
      const response = await stack.ocr(sessionId, { body: form('files', jpeg(11 * 1024 * 1024)) });
      assert.equal(response.status, 413);
      assert.equal(response.headers.get('connection'), 'close');
      assert.equal(stack.calls('ocr'), 0);
    });

    test('FPT_API_BASE must be https unless it is a loopback address', () => {
      const options = { apiKey: KEY, authorize: () => 'x' };
      assert.throws(() => createEkycServer({ ...options, apiBase: 'http://ekyc.fpt.ai' }), /https/);
      assert.throws(() => createEkycServer({ ...options, apiBase: 'ftp://127.0.0.1' }), /https/);
      assert.doesNotThrow(() => createEkycServer({ ...options, apiBase: 'http://127.0.0.1:8787' }));
      assert.doesNotThrow(() => createEkycServer({ ...options, apiBase: 'https://web-ekyc-uat.fpt.ai' }));
    });
  });

  describe('Idempotency-Key: FPT.AI is called once per capture', () => {
    test('a retry after a hook’s 500 gets the answer without a second FPT.AI call', async () => {
      let fail = true;
      const hooks = {
        onUpload: () => {
          if (fail) throw new Error('database down');
        },
      };
      await withStack({ hooks }, async (other) => {
        const sessionId = await other.session();
        const first = await other.ocr(sessionId, { key: 'capture-front-1' });
        assert.equal(first.status, 500);
        fail = false;
        const retry = await other.ocr(sessionId, { key: 'capture-front-1' });
        assert.equal(retry.status, 200);
        assert.equal(retry.headers.get('idempotent-replayed'), 'true');
        assert.equal(((await retry.json()) as { errorCode: string }).errorCode, '0');
        assert.equal(other.calls('ocr'), 1);
      });
    });

    test('a retry after the server’s own 504 calls FPT.AI again: no answer came, so none is kept', async () => {
      await withStack({ limits: { upstreamTimeoutMs: 300 } }, async (other) => {
        const sessionId = await other.session();
        other.upstream.emulator.inject('timeout', { endpoint: 'ocr' });
        assert.equal((await other.ocr(sessionId, { key: 'capture-front-2' })).status, 504);
        const retry = await other.ocr(sessionId, { key: 'capture-front-2' });
        assert.equal(retry.status, 200);
        assert.equal(retry.headers.get('idempotent-replayed'), null);
        assert.equal(other.calls('ocr'), 2);
      });
    });

    test('concurrent duplicates reach FPT.AI once and get the same answer', async () => {
      const sessionId = await stack.session();
      stack.upstream.emulator.latencyMs = 150;
      try {
        const answers = await Promise.all(
          Array.from({ length: 5 }, () => stack.ocr(sessionId, { key: 'capture-front-3' })),
        );
        const bodies = await Promise.all(answers.map((answer) => answer.text()));
        assert.deepEqual(answers.map((answer) => answer.status), [200, 200, 200, 200, 200]);
        assert.equal(new Set(bodies).size, 1);
        assert.equal(stack.calls('ocr'), 1);
      } finally {
        stack.upstream.emulator.latencyMs = 0;
      }
    });

    test('the same key with other bytes is refused with 422; a new key is a new call', async () => {
      const sessionId = await stack.session();
      assert.equal((await stack.ocr(sessionId, { key: 'capture-front-4' })).status, 200);
      const other = await stack.ocr(sessionId, { key: 'capture-front-4', body: form('files', jpeg(80)) });
      assert.equal(other.status, 422);
      assert.equal((await stack.ocr(sessionId, { key: 'capture-back-5', side: 'back', body: form('files', jpeg(80)) })).status, 200);
      assert.equal(stack.calls('ocr'), 2);
    });

    test('a retry in the other language is the same upload: replayed, not refused', async () => {
      const sessionId = await stack.session();
      assert.equal((await stack.ocr(sessionId, { key: 'capture-front-6', headers: { lang: 'vi' } })).status, 200);
      const retry = await stack.ocr(sessionId, { key: 'capture-front-6', headers: { lang: 'en' } });
      assert.equal(retry.status, 200);
      assert.equal(retry.headers.get('idempotent-replayed'), 'true');
      assert.equal(stack.calls('ocr'), 1);
    });

    test('a replay counts no attempt: the sixth OCR call’s retries still get its answer', async () => {
      const sessionId = await stack.session();
      stack.upstream.emulator.inject('document-not-found', { endpoint: 'ocr', times: 6 });
      for (let attempt = 1; attempt <= 6; attempt++) await stack.ocr(sessionId, { key: `attempt-${attempt}-key` });
      const replay = await stack.ocr(sessionId, { key: 'attempt-6-key' });
      assert.equal(replay.status, 200);
      assert.equal(((await replay.json()) as { errorCode: string }).errorCode, '3');
      assert.equal(stack.calls('ocr'), 6);
    });
  });

  describe('per-session limits', () => {
    test('a seventh OCR attempt is refused with 409 before FPT.AI', async () => {
      const sessionId = await stack.session();
      stack.upstream.emulator.inject('document-not-found', { endpoint: 'ocr', times: 6 });
      for (let attempt = 0; attempt < 6; attempt++) assert.equal((await stack.ocr(sessionId)).status, 200);
      const seventh = await stack.ocr(sessionId);
      assert.equal(seventh.status, 409);
      assert.equal(((await seventh.json()) as { error: string }).error, 'attempts-exhausted');
      assert.equal(stack.calls('ocr'), 6);
    });

    test('after two accepted sides, no more OCR calls', async () => {
      const sessionId = await stack.session();
      assert.equal((await stack.ocr(sessionId, { side: 'front' })).status, 200);
      assert.equal((await stack.ocr(sessionId, { side: 'back' })).status, 200);
      const third = await stack.ocr(sessionId, { side: 'back' });
      assert.equal(third.status, 409);
      assert.equal(stack.calls('ocr'), 2);
    });

    test('a sixth face attempt is refused with 409 before FPT.AI', async () => {
      await withStack({ limits: { faceAttemptsPerSession: 2 } }, async (other) => {
        const sessionId = await other.session();
        await other.ocr(sessionId, { side: 'front' });
        await other.ocr(sessionId, { side: 'back' });
        other.upstream.emulator.inject('multiple-faces', { endpoint: 'face', times: 2 });
        assert.equal((await other.face(sessionId)).status, 200);
        assert.equal((await other.face(sessionId)).status, 200);
        assert.equal((await other.face(sessionId)).status, 409);
        assert.equal(other.calls('face'), 2);
      });
    });
  });

  describe('uploads inspected before FPT.AI', () => {
    const refused = async (path: 'ocr' | 'face', body: FormData | string, headers: Record<string, string> = {}) => {
      const sessionId = await stack.session();
      const response = await stack[path](sessionId, { body, side: null, headers });
      assert.ok(response.status >= 400 && response.status < 500, String(response.status));
      assert.equal(stack.calls(path), 0);
      return response;
    };

    test('three files on /ocr are refused', async () => {
      const response = await refused('ocr', form('files', jpeg(), jpeg(), jpeg()));
      assert.equal(((await response.json()) as { error: string }).error, 'too-many-parts');
    });

    test('bytes that are not a JPEG or PNG are refused with 415, whatever their declared type', async () => {
      const data = new FormData();
      data.append('files', new Blob(['<html>not an image</html>'], { type: 'image/jpeg' }), 'front.jpg');
      assert.equal((await refused('ocr', data)).status, 415);
    });

    test('a text field, or a file under another name, is refused', async () => {
      const data = form('files', jpeg());
      data.append('note', 'hello');
      await refused('ocr', data);
      await refused('ocr', form('selfies', jpeg()));
    });

    test('four selfies are refused; one to three pass', async () => {
      await refused('face', form('selfies', jpeg(), jpeg(), jpeg(), jpeg()));
      const sessionId = await stack.session();
      await stack.ocr(sessionId, { side: 'front' });
      await stack.ocr(sessionId, { side: 'back' });
      assert.equal((await stack.face(sessionId, { body: form('selfies', jpeg(), jpeg(), jpeg()) })).status, 200);
    });

    test('an image past the file limit is refused with 413', async () => {
      await withStack({ limits: { maxFileBytes: 1000 } }, async (other) => {
        const sessionId = await other.session();
        const response = await other.ocr(sessionId, { body: form('files', jpeg(2000)) });
        assert.equal(response.status, 413);
        assert.equal(other.calls('ocr'), 0);
      });
    });

    test('a body that is not multipart, or broken multipart, is refused', async () => {
      await refused('ocr', '{"files":[]}', { 'content-type': 'application/json' });
      await refused('ocr', '--b\r\nContent-Disposition: form-data; name="files"; filename="a.jpg"\r\n\r\nabc', {
        'content-type': 'multipart/form-data; boundary=b',
      });
      await refused('ocr', 'junk', { 'content-type': 'multipart/form-data' });
    });

    test('a PNG passes, and FPT.AI gets exactly the images, renamed', async () => {
      const sessionId = await stack.session();
      const data = new FormData();
      data.append('files', new Blob([png()], { type: 'application/octet-stream' }), '../../etc/passwd');
      assert.equal((await stack.ocr(sessionId, { body: data })).status, 200);
      const sent = stack.upstream.emulator.requests.find((request) => request.endpoint === 'ocr');
      assert.deepEqual(sent?.files, [{ field: 'files', name: 'front.png', type: 'image/png', size: png().length }]);
    });
  });

  describe('answers', () => {
    test('every answer is JSON with nosniff and no-store: refusals, errors and upstream answers', async () => {
      const sessionId = await stack.session();
      const answers = await Promise.all([
        fetch(`${stack.url}/nowhere`),
        fetch(`${stack.url}/ocr`),
        fetch(`${stack.url}/session`, { method: 'POST' }),
        stack.ocr(sessionId),
      ]);
      for (const answer of answers) {
        assert.match(answer.headers.get('content-type') ?? '', /^application\/json/);
        assert.equal(answer.headers.get('x-content-type-options'), 'nosniff');
        assert.equal(answer.headers.get('cache-control'), 'no-store');
        assert.ok(!(await answer.text()).includes(KEY));
      }
      assert.deepEqual(answers.map((answer) => answer.status), [404, 405, 401, 200]);
    });

    test('an upstream answer that is not JSON becomes a 502 JSON answer: upstream-unavailable', async () => {
      const sessionId = await stack.session();
      stack.upstream.emulator.inject('html', { endpoint: 'ocr' });
      const response = await stack.ocr(sessionId);
      assert.equal(response.status, 502);
      assert.equal(((await response.json()) as { error: string }).error, 'upstream-unavailable');
    });

    test('forwards only the API headers and the server’s key', async () => {
      const sessionId = await stack.session();
      await stack.ocr(sessionId, { headers: { cookie: 'a=b', 'api-key': 'browser-key', 'x-forwarded-for': '10.0.0.1' } });
      const sent = stack.upstream.emulator.requests.find((request) => request.endpoint === 'ocr');
      assert.equal(sent?.headers['api-key'], KEY);
      for (const name of ['cookie', 'authorization', 'x-forwarded-for', 'idempotency-key']) {
        assert.equal(sent.headers[name], undefined, name);
      }
    });
  });

  describe('mounting', () => {
    test('as Express/Connect middleware: its routes answered, any other path handed to next()', async () => {
      const passed: string[] = [];
      const app = createHttpServer((req, res) => {
        stack.server.middleware(req, res, () => {
          passed.push(req.url ?? '');
          res.writeHead(200, { 'content-type': 'text/plain' }).end('the app');
        });
      });
      await new Promise<void>((resolve) => app.listen(0, '127.0.0.1', resolve));
      const base = `http://127.0.0.1:${(app.address() as { port: number }).port}`;
      try {
        assert.deepEqual(await (await fetch(`${base}/health`)).json(), { status: 'ok', store: 'ok' });
        assert.equal((await fetch(`${base}/session`, { method: 'POST' })).status, 401);
        assert.equal(await (await fetch(`${base}/shop/cart`)).text(), 'the app');
        assert.deepEqual(passed, ['/shop/cart']);
      } finally {
        app.closeAllConnections();
        await new Promise((resolve) => app.close(resolve));
      }
    });

    test('as a Fetch handler under a basePath, as in a Next.js catch-all route', async () => {
      const server = createEkycServer({ apiKey: KEY, apiBase: stack.upstream.url, basePath: '/api/kyc', authorize: () => 'dora' });
      try {
        const health = await server.fetch(new Request('https://shop.example/api/kyc/health'));
        assert.deepEqual(await health.json(), { status: 'ok', store: 'ok' });
        const session = await server.fetch(new Request('https://shop.example/api/kyc/session', { method: 'POST' }), { peer: '198.51.100.7' });
        assert.equal(session.status, 200);
        assert.equal((await server.fetch(new Request('https://shop.example/health'))).status, 404);
      } finally {
        await server.close();
      }
    });
  });

  describe('the verdict lives on the server', () => {
    test('both sides and a live matching selfie: passed, onComplete called once, the result for the owner', async () => {
      const sessionId = await stack.session();
      assert.equal(((await (await stack.result(sessionId)).json()) as { status: string }).status, 'pending');
      await stack.ocr(sessionId, { side: 'front' });
      await stack.ocr(sessionId, { side: 'back' });
      const face = await stack.face(sessionId, { key: 'selfie-capture-1' });
      assert.equal(face.status, 200);
      await stack.face(sessionId, { key: 'selfie-capture-1' });
      const result = (await (await stack.result(sessionId)).json()) as {
        status: string;
        reasons: string[];
        ocr: { front: { data: { key: string; value: string }[] } };
        face: { code: string };
      };
      assert.equal(result.status, 'passed');
      assert.deepEqual(result.reasons, []);
      assert.equal(result.ocr.front.data.find((field) => field.key === 'Name')?.value, NAME);
      assert.equal(result.face.code, '200');
      assert.equal(stack.completed.length, 1);
      assert.equal(stack.completed[0]?.subject, 'alice');
      assert.equal(stack.completed[0].status, 'passed');
      assert.equal((await stack.face(sessionId)).status, 409);
    });

    test('a face refusal that ends the session: failed, with its reason', async () => {
      const sessionId = await stack.session();
      await stack.ocr(sessionId, { side: 'front' });
      await stack.ocr(sessionId, { side: 'back' });
      stack.upstream.emulator.inject('face-mismatch-final', { endpoint: 'face' });
      await stack.face(sessionId);
      const result = (await (await stack.result(sessionId)).json()) as { status: string; reasons: string[] };
      assert.equal(result.status, 'failed');
      assert.deepEqual(result.reasons, ['face-refused', 'no-match']);
      assert.equal(stack.completed[0]?.status, 'failed');
    });

    test('a stricter similarity threshold turns the same answers into failed', async () => {
      await withStack({ verdict: { minSimilarity: 99 } }, async (other) => {
        const sessionId = await other.session();
        await other.ocr(sessionId, { side: 'front' });
        await other.ocr(sessionId, { side: 'back' });
        await other.face(sessionId);
        const result = (await (await other.result(sessionId)).json()) as { status: string; reasons: string[] };
        assert.equal(result.status, 'failed');
        assert.deepEqual(result.reasons, ['similarity-below-threshold']);
      });
    });

    test('an onComplete that fails answers 500; the retry keeps the result without calling FPT.AI again', async () => {
      let fail = true;
      const kept: string[] = [];
      const onComplete = (result: { status: string }) => {
        if (fail) throw new Error('webhook down');
        kept.push(result.status);
      };
      await withStack({ hooks: { onComplete } }, async (other) => {
        const sessionId = await other.session();
        await other.ocr(sessionId, { side: 'front' });
        await other.ocr(sessionId, { side: 'back' });
        assert.equal((await other.face(sessionId, { key: 'selfie-capture-2' })).status, 500);
        fail = false;
        assert.equal((await other.face(sessionId, { key: 'selfie-capture-2' })).status, 200);
        assert.deepEqual(kept, ['passed']);
        assert.equal(other.calls('face'), 1);
      });
    });
  });
});
