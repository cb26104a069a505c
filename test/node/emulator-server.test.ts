import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, test } from 'node:test';
import { startEmulatorServer, type EmulatorServer } from '../../src/emulator/node.js';
import { jpegHead } from './helpers/image-bytes.js';

/** A few bytes that look like a JPEG to a server that checks type and size. */
const jpeg = (): Blob =>
  new Blob([Uint8Array.of(...jpegHead(), 0xff, 0xd9)], { type: 'image/jpeg' });

describe('the emulator as a Node HTTP server', () => {
  let server: EmulatorServer;

  const init = (headers: Record<string, string> = {}): Promise<Response> =>
    fetch(`${server.url}/session/init`, {
      method: 'POST',
      headers: { 'api-key': 'demo-key', 'device-type': 'web-sdk', ...headers },
    });

  const ocrFront = (sessionId: string, signal?: AbortSignal): Promise<Response> => {
    const form = new FormData();
    form.append('files', jpeg(), 'front.jpg');
    return fetch(`${server.url}/ocr`, {
      method: 'POST',
      headers: { 'session-id': sessionId, 'device-type': 'web-sdk', 'document-type': 'idr', 'side-type': 'front' },
      body: form,
      signal: signal ?? null,
    });
  };

  before(async () => {
    server = await startEmulatorServer();
  });

  after(() => server.close());

  beforeEach(() => {
    server.emulator.clearFaults();
    server.emulator.clearRequests();
  });

  test('listens on a local address and reports it as the base URL', () => {
    assert.match(server.url, /^http:\/\/127\.0\.0\.1:\d+$/);
  });

  test('answers a session init with a session-id', async () => {
    const response = await init();
    const body = (await response.json()) as Record<string, unknown>;
    assert.equal(response.status, 200);
    assert.equal(body['code'], '200');
    assert.match(String(body['session-id']), /^[0-9a-f-]{36}$/);
  });

  test('passes the client_uuid and only-engine headers through unchanged', async () => {
    await init({ client_uuid: 'device-42', 'only-engine': '1' });
    const recorded = server.emulator.requests.at(0);
    assert.ok(recorded);
    assert.equal(recorded.headers['client_uuid'], 'device-42');
    assert.equal(recorded.headers['only-engine'], '1');
  });

  test('refuses a session init with an unknown key', async () => {
    const response = await init({ 'api-key': 'wrong-key' });
    assert.equal(response.status, 401);
  });

  test('reads the front of an identity card sent as a multipart JPEG', async () => {
    const sessionId = server.emulator.createSession();
    const response = await ocrFront(sessionId);
    const body = (await response.json()) as { errorCode: string; data: { key: string; value: string }[] };
    assert.equal(response.status, 200);
    assert.equal(body.errorCode, '0');
    assert.equal(body.data.find((field) => field.key === 'ID')?.value, '036195012345');
  });

  test('streams the multipart body to the emulator with each file’s type and size', async () => {
    await ocrFront(server.emulator.createSession());
    const recorded = server.emulator.requests.at(-1);
    assert.deepEqual(recorded?.files, [{ field: 'files', name: 'front.jpg', type: 'image/jpeg', size: 23 }]);
  });

  test('answers with access-control-allow-origin so a browser can read it', async () => {
    const response = await init();
    assert.equal(response.headers.get('access-control-allow-origin'), '*');
  });

  test('allows a cross-origin preflight with every header the API uses', async () => {
    const response = await fetch(`${server.url}/ocr`, {
      method: 'OPTIONS',
      headers: {
        origin: 'http://localhost:5173',
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'session-id, document-type',
      },
    });
    const allowed = (response.headers.get('access-control-allow-headers') ?? '').split(/,\s*/);
    assert.equal(response.status, 204);
    assert.equal(response.headers.get('access-control-allow-origin'), '*');
    assert.match(response.headers.get('access-control-allow-methods') ?? '', /\bPOST\b/);
    const apiHeaders = ['api-key', 'session-id', 'device-type', 'document-type', 'side-type', 'lang', 'auto'];
    assert.deepEqual(allowed.sort(), [...apiHeaders, 'client_uuid', 'only-engine', 'content-type'].sort());
  });

  test('answers 404 for a path the API does not have', async () => {
    const response = await fetch(`${server.url}/nothing-here`, { method: 'POST' });
    assert.equal(response.status, 404);
  });

  test('drops the connection without an answer when a network fault is injected', async () => {
    server.emulator.inject('network', { endpoint: 'init' });
    await assert.rejects(init(), TypeError);
  });

  test('answers HTTP 503 when a 503 is injected', async () => {
    server.emulator.inject('http-503', { endpoint: 'ocr' });
    const response = await ocrFront(server.emulator.createSession());
    assert.equal(response.status, 503);
  });

  test('never answers when a timeout is injected, so the client’s time limit fires', { timeout: 5000 }, async () => {
    server.emulator.inject('timeout', { endpoint: 'ocr' });
    const answer = ocrFront(server.emulator.createSession(), AbortSignal.timeout(200));
    await assert.rejects(answer, { name: 'TimeoutError' });
  });
});

describe('closing the emulator server', () => {
  test('ends a request that was left hanging', { timeout: 5000 }, async () => {
    const server = await startEmulatorServer();
    server.emulator.inject('timeout', { endpoint: 'init' });
    const pending = fetch(`${server.url}/session/init`, {
      method: 'POST',
      headers: { 'api-key': 'demo-key', 'device-type': 'web-sdk' },
    });
    while (server.emulator.requests.length === 0) await new Promise((resolve) => setTimeout(resolve, 10));
    await server.close();
    await assert.rejects(pending, TypeError);
  });
});
