import assert from 'node:assert/strict';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, test } from 'node:test';
import { EkycApiError } from '../../src/api/errors.js';
import { claimHandoff, HandoffRefused } from '../../src/handoff/protocol.js';

/** The integrator's server as each test wants it to answer a claim. */
let answer: (request: IncomingMessage, response: ServerResponse) => void = () => undefined;
const received: { headers: IncomingMessage['headers'] }[] = [];
const server = createServer((request, response) => {
  received.push({ headers: request.headers });
  answer(request, response);
});
let apiBase = '';

before(async () => {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  apiBase = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
after(() => {
  server.closeAllConnections();
  server.close();
});

const api = (timeoutMs = 5000) => ({ apiBase, timeoutMs, handoff: true, headers: { authorization: 'Bearer host' } });
const rejection = (promise: Promise<unknown>): Promise<unknown> => promise.then(() => assert.fail('resolved'), (error: unknown) => error);

test('a claim the server never answers ends at the request time limit, as a call that got no answer', { timeout: 5000 }, async () => {
  answer = () => undefined;
  const error = await rejection(claimHandoff(api(200), 'token-that-waits-forever-0000'));
  assert.ok(error instanceof EkycApiError);
  assert.equal(error.code, 'timeout');
});

test("the server's refusal keeps its word; a proxy's page that is not JSON is a refusal with its status", async () => {
  answer = (_, response) => response.writeHead(409, { 'content-type': 'application/json' }).end('{"error":"handoff-used"}');
  const used = await rejection(claimHandoff(api(), 'token-already-used-00000000'));
  assert.ok(used instanceof HandoffRefused);
  assert.deepEqual([used.status, used.code], [409, 'handoff-used']);
  answer = (_, response) => response.writeHead(502, { 'content-type': 'text/html' }).end('<h1>Bad gateway</h1>');
  const proxy = await rejection(claimHandoff(api(), 'token-behind-a-broken-proxy'));
  assert.ok(proxy instanceof HandoffRefused);
  assert.deepEqual([proxy.status, proxy.code], [502, 'server']);
});

test("a claim carries the host's headers and JSON, and answers the server's body", async () => {
  received.length = 0;
  const claimed = { sessionId: 's', phoneKey: 'k', settings: { documentType: 'idr', flow: 'full', lang: 'vi', livenessChallenge: 'none' } };
  answer = (_, response) => response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(claimed));
  assert.deepEqual(await claimHandoff(api(), 'token-claimed-at-last-00000'), claimed);
  const claim = received.at(0);
  assert.equal(received.length, 1);
  assert.ok(claim);
  assert.equal(claim.headers.authorization, 'Bearer host');
  assert.equal(claim.headers['content-type'], 'application/json');
});
