import assert from 'node:assert/strict';
import { request } from 'node:http';
import { after, afterEach, before, beforeEach, describe, test } from 'node:test';
import type { ProxyHooks, UploadResult } from '../../examples/server/hooks.js';
import { startProxyServer, type ProxyOptions, type ProxyServer } from '../../examples/server/proxy.js';
import { startEmulatorServer, type EmulatorServer } from '../../src/emulator/node.js';

const KEY = 'server-key-7f3a';
const SHOP = 'http://shop.example';
const LIMIT = 64 * 1024;

/** A few bytes that look like a JPEG to a server that checks type and size. */
const jpeg = (size = 10): Blob => {
  const bytes = new Uint8Array(size);
  bytes.set([0xff, 0xd8, 0xff, 0xe0]);
  bytes.set([0xff, 0xd9], size - 2);
  return new Blob([bytes], { type: 'image/jpeg' });
};

const form = (field: string, blob: Blob, name: string): FormData => {
  const data = new FormData();
  data.append(field, blob, name);
  return data;
};

describe('the example proxy in front of the emulator', () => {
  let upstream: EmulatorServer;
  let proxy: ProxyServer;
  const hooks: ProxyHooks = {};

  const options = (overrides: Partial<ProxyOptions> = {}): ProxyOptions => ({
    apiKey: KEY,
    apiBase: upstream.url,
    allowedOrigins: [SHOP],
    maxBodyBytes: LIMIT,
    upstreamTimeoutMs: 10_000,
    port: 0,
    host: '127.0.0.1',
    hooks,
    ...overrides,
  });

  /** Starts a second proxy for one test, closed when the test ends. */
  const withProxy = async <T>(overrides: Partial<ProxyOptions>, run: (url: string) => Promise<T>): Promise<T> => {
    const other = await startProxyServer(options(overrides));
    try {
      return await run(other.url);
    } finally {
      await other.close();
    }
  };

  const ocrFront = (
    sessionId: string,
    headers: Record<string, string> = {},
    body: BodyInit = form('files', jpeg(), 'front.jpg'),
    base = proxy.url,
  ): Promise<Response> =>
    fetch(`${base}/ocr`, {
      method: 'POST',
      headers: { 'session-id': sessionId, 'document-type': 'idr', 'side-type': 'front', ...headers },
      body,
    });

  const upstreamCalls = (endpoint: string): number =>
    upstream.emulator.requests.filter((recorded) => recorded.endpoint === endpoint).length;

  before(async () => {
    upstream = await startEmulatorServer({ apiKeys: [KEY] });
    proxy = await startProxyServer(options());
  });

  after(async () => {
    await proxy.close();
    await upstream.close();
  });

  beforeEach(() => {
    upstream.emulator.clearFaults();
    upstream.emulator.clearRequests();
  });

  afterEach(() => {
    delete hooks.onResult;
    delete hooks.onSession;
  });

  describe('sessions', () => {
    test('creates a session upstream with the key and gives the browser only its id', async () => {
      const response = await fetch(`${proxy.url}/session`, { method: 'POST' });
      const body = (await response.json()) as Record<string, unknown>;
      assert.equal(response.status, 200);
      assert.deepEqual(Object.keys(body), ['sessionId']);
      const init = upstream.emulator.requests.find((recorded) => recorded.endpoint === 'init');
      assert.equal(init?.headers['api-key'], KEY);
      assert.equal(init.headers['device-type'], 'web-sdk');
    });

    test('passes clientUuid and onlyEngine from the JSON body to the session init', async () => {
      await fetch(`${proxy.url}/session`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ clientUuid: 'device-42', onlyEngine: true }),
      });
      const init = upstream.emulator.requests.find((recorded) => recorded.endpoint === 'init');
      assert.equal(init?.headers['client_uuid'], 'device-42');
      assert.equal(init.headers['only-engine'], '1');
    });

    test('answers 502 without the key when the upstream refuses to create a session', async () => {
      await withProxy({ apiKey: 'revoked-key-91c2' }, async (url) => {
        const response = await fetch(`${url}/session`, { method: 'POST' });
        const text = await response.text();
        assert.equal(response.status, 502);
        assert.ok(!text.includes('revoked-key-91c2'));
      });
    });

    test('calls onSession with the new session before answering', async () => {
      const seen: string[] = [];
      hooks.onSession = ({ sessionId }) => {
        seen.push(sessionId);
      };
      const response = await fetch(`${proxy.url}/session`, { method: 'POST' });
      const body = (await response.json()) as { sessionId: string };
      assert.deepEqual(seen, [body.sessionId]);
    });
  });

  describe('uploads', () => {
    test('adds the server’s key to an OCR upload upstream', async () => {
      const response = await ocrFront(upstream.emulator.createSession({ apiKey: KEY }));
      assert.equal(response.status, 200);
      const ocr = upstream.emulator.requests.find((recorded) => recorded.endpoint === 'ocr');
      assert.equal(ocr?.headers['api-key'], KEY);
    });

    test('never returns the key to the browser, in headers or body', async () => {
      const response = await ocrFront(upstream.emulator.createSession({ apiKey: KEY }));
      const text = await response.text();
      assert.ok(!text.includes(KEY));
      assert.ok(![...response.headers].some(([name, value]) => name.includes('api') || value.includes(KEY)));
    });

    test('forwards the multipart files unchanged', async () => {
      await ocrFront(upstream.emulator.createSession({ apiKey: KEY }));
      const ocr = upstream.emulator.requests.find((recorded) => recorded.endpoint === 'ocr');
      assert.deepEqual(ocr?.files, [{ field: 'files', name: 'front.jpg', type: 'image/jpeg', size: 10 }]);
    });

    test('forwards a selfie to /face/liveness with its auto and lang headers', async () => {
      const sessionId = upstream.emulator.createSession({ apiKey: KEY });
      await ocrFront(sessionId);
      const response = await fetch(`${proxy.url}/face/liveness`, {
        method: 'POST',
        headers: { 'session-id': sessionId, auto: 'True', lang: 'vi' },
        body: form('selfies', jpeg(), 'selfie-1.jpg'),
      });
      const body = (await response.json()) as { code: string };
      assert.equal(body.code, '200');
      const face = upstream.emulator.requests.find((recorded) => recorded.endpoint === 'face');
      assert.equal(face?.headers['auto'], 'True');
      assert.equal(face.headers['lang'], 'vi');
    });

    test('forwards no header beyond the API’s own', async () => {
      await ocrFront(upstream.emulator.createSession({ apiKey: KEY }), {
        cookie: 'shop-session=abc',
        authorization: 'Bearer user-token',
        'x-forwarded-for': '10.0.0.1',
        auto: 'True',
      });
      const ocr = upstream.emulator.requests.find((recorded) => recorded.endpoint === 'ocr');
      for (const name of ['cookie', 'authorization', 'x-forwarded-for', 'auto']) {
        assert.equal(ocr?.headers[name], undefined, name);
      }
    });

    test('drops an api-key and an api_key sent by the browser: the upstream sees the server’s key', async () => {
      const response = await ocrFront(upstream.emulator.createSession({ apiKey: KEY }), {
        'api-key': 'browser-key',
        api_key: 'browser-key',
      });
      assert.equal(response.status, 200);
      const ocr = upstream.emulator.requests.find((recorded) => recorded.endpoint === 'ocr');
      assert.equal(ocr?.headers['api-key'], KEY);
      assert.equal(ocr.headers['api_key'], undefined);
    });

    test('passes an API refusal through unchanged', async () => {
      upstream.emulator.inject('document-not-found', { endpoint: 'ocr' });
      const response = await ocrFront(upstream.emulator.createSession({ apiKey: KEY }));
      const body = (await response.json()) as { errorCode: string };
      assert.equal(response.status, 200);
      assert.equal(body.errorCode, '3');
    });

    test('calls onResult with the upstream JSON of an OCR', async () => {
      const results: UploadResult[] = [];
      hooks.onResult = (result) => {
        results.push(result);
      };
      const sessionId = upstream.emulator.createSession({ apiKey: KEY });
      await ocrFront(sessionId);
      assert.equal(results.length, 1);
      assert.equal(results[0]?.endpoint, 'ocr');
      assert.equal(results[0].sessionId, sessionId);
      assert.equal(results[0].headers['document-type'], 'idr');
      assert.equal(results[0].response['errorCode'], '0');
    });

    test('answers 500 and withholds the result when onResult fails', async () => {
      hooks.onResult = () => Promise.reject(new Error('database down'));
      const response = await ocrFront(upstream.emulator.createSession({ apiKey: KEY }));
      const text = await response.text();
      assert.equal(response.status, 500);
      assert.ok(!text.includes('036195012345'));
    });
  });

  describe('what it refuses', () => {
    test('answers 404 for a path it does not proxy, /session/init included', async () => {
      for (const path of ['/session/init', '/admin', '/ocr/extra']) {
        const response = await fetch(`${proxy.url}${path}`, { method: 'POST' });
        assert.equal(response.status, 404, path);
      }
      assert.equal(upstream.emulator.requests.length, 0);
    });

    test('answers 405 with Allow to a method other than POST', async () => {
      const response = await fetch(`${proxy.url}/ocr`, { method: 'GET' });
      assert.equal(response.status, 405);
      assert.equal(response.headers.get('allow'), 'POST, OPTIONS');
    });

    test('answers 415 to an upload that is not multipart/form-data', async () => {
      const response = await ocrFront(
        upstream.emulator.createSession({ apiKey: KEY }),
        { 'content-type': 'application/json' },
        JSON.stringify({ files: [] }),
      );
      assert.equal(response.status, 415);
      assert.equal(upstreamCalls('ocr'), 0);
    });

    test('answers 413 to a body declared larger than the limit, and sends nothing upstream', async () => {
      const response = await ocrFront(
        upstream.emulator.createSession({ apiKey: KEY }),
        {},
        form('files', jpeg(LIMIT + 1024), 'front.jpg'),
      );
      assert.equal(response.status, 413);
      assert.equal(upstreamCalls('ocr'), 0);
    });

    test('answers 413 to a streamed body that grows past the limit undeclared', { timeout: 5000 }, async () => {
      const status = await new Promise<number | undefined>((resolve, reject) => {
        const req = request(`${proxy.url}/ocr`, {
          method: 'POST',
          headers: {
            'content-type': 'multipart/form-data; boundary=edge',
            'session-id': upstream.emulator.createSession({ apiKey: KEY }),
            'document-type': 'idr',
            'side-type': 'front',
          },
        });
        req.on('response', (response) => {
          response.resume();
          resolve(response.statusCode);
        });
        req.on('error', reject);
        for (let sent = 0; sent <= LIMIT; sent += 16 * 1024) req.write(Buffer.alloc(16 * 1024, 0x61));
        req.end();
      });
      assert.equal(status, 413);
      assert.ok(upstream.emulator.requests.every((recorded) => recorded.files.length === 0));
    });

    test('answers 400 without a session-id', async () => {
      const response = await fetch(`${proxy.url}/ocr`, {
        method: 'POST',
        headers: { 'document-type': 'idr' },
        body: form('files', jpeg(), 'front.jpg'),
      });
      assert.equal(response.status, 400);
    });

    for (const [path, name, value] of [
      ['/ocr', 'document-type', 'id-card'],
      ['/ocr', 'side-type', 'left'],
      ['/ocr', 'lang', 'fr'],
      ['/ocr', 'device-type', 'android'],
      ['/face/liveness', 'auto', 'yes'],
      ['/face/liveness', 'session-id', '../../etc'],
    ] as const) {
      test(`answers 400 to ${path} when ${name} is "${value}", before calling the upstream`, async () => {
        const headers: Record<string, string> = {
          'session-id': upstream.emulator.createSession({ apiKey: KEY }),
          'document-type': 'idr',
          auto: 'False',
          [name]: value,
        };
        const field = path === '/ocr' ? 'files' : 'selfies';
        const body = form(field, jpeg(), 'a.jpg');
        const response = await fetch(`${proxy.url}${path}`, { method: 'POST', headers, body });
        assert.equal(response.status, 400);
        assert.equal(upstream.emulator.requests.length, 0);
      });
    }
  });

  describe('upstream failures', () => {
    test('answers 502 when the upstream cannot be reached', async () => {
      const gone = await startEmulatorServer();
      await gone.close();
      await withProxy({ apiBase: gone.url }, async (url) => {
        const response = await fetch(`${url}/session`, { method: 'POST' });
        assert.equal(response.status, 502);
      });
    });

    test('answers 504 when the upstream does not answer in time', { timeout: 5000 }, async () => {
      upstream.emulator.inject('timeout', { endpoint: 'ocr' });
      await withProxy({ upstreamTimeoutMs: 200 }, async (url) => {
        const response = await ocrFront(upstream.emulator.createSession({ apiKey: KEY }), {}, undefined, url);
        assert.equal(response.status, 504);
      });
    });
  });

  describe('CORS', () => {
    const preflight = (origin: string): Promise<Response> =>
      fetch(`${proxy.url}/ocr`, {
        method: 'OPTIONS',
        headers: {
          origin,
          'access-control-request-method': 'POST',
          'access-control-request-headers': 'session-id, document-type, side-type',
        },
      });

    test('allows a preflight from a configured origin, with the API’s headers but not api-key', async () => {
      const response = await preflight(SHOP);
      const allowed = (response.headers.get('access-control-allow-headers') ?? '').split(/,\s*/);
      assert.equal(response.status, 204);
      assert.equal(response.headers.get('access-control-allow-origin'), SHOP);
      assert.ok(allowed.includes('session-id') && allowed.includes('document-type'));
      assert.ok(!allowed.includes('api-key'));
    });

    test('refuses a preflight from another origin', async () => {
      const response = await preflight('http://elsewhere.example');
      assert.equal(response.status, 403);
      assert.equal(response.headers.get('access-control-allow-origin'), null);
    });

    test('lets a configured origin read the answer to its POST', async () => {
      const response = await ocrFront(upstream.emulator.createSession({ apiKey: KEY }), { origin: SHOP });
      assert.equal(response.status, 200);
      assert.equal(response.headers.get('access-control-allow-origin'), SHOP);
    });

    test('refuses a POST from another origin before calling the upstream', async () => {
      const headers = { origin: 'http://elsewhere.example' };
      const response = await fetch(`${proxy.url}/session`, { method: 'POST', headers });
      assert.equal(response.status, 403);
      assert.equal(upstream.emulator.requests.length, 0);
    });
  });
});
