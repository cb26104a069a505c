import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, test } from 'node:test';
import { audienceOf } from '../../src/api/audience.js';
import { contractViolations, DOCUMENTED_HEADERS } from '../../src/api/contract.js';
import { CONTRACT_VIOLATION_STATUS } from '../../src/emulator/emulator.js';
import { startEmulatorServer, type EmulatorServer } from '../../src/emulator/node.js';
import { jpegHead } from './helpers/image-bytes.js';

/** Every request header FPT.AI's API document lists, on any route, written out from the document itself. */
const FROM_THE_DOCUMENT = [
  'api-key',
  'auto',
  'client_uuid',
  'content-type',
  'device-type',
  'document-type',
  'lang',
  'only-engine',
  'session-id',
  'side-type',
];

/** A few bytes that are a JPEG by their markers. */
const jpeg = (): Blob => new Blob([Uint8Array.of(...jpegHead(), 0xff, 0xd9)], { type: 'image/jpeg' });

describe('FPT.AI’s request contract', () => {
  const ocr = { 'session-id': 's-1', 'device-type': 'web-sdk', 'document-type': 'idr', 'side-type': 'front' };
  const oneFile = [{ field: 'files', file: true }];

  test('lists exactly the document’s headers', () => {
    assert.deepEqual([...DOCUMENTED_HEADERS].sort(), FROM_THE_DOCUMENT);
  });

  test('finds nothing wrong in a request that keeps to it, whatever the transport added', () => {
    const headers = { ...ocr, lang: 'vi', 'content-type': 'multipart/form-data; boundary=x', 'user-agent': 'x', 'sec-fetch-mode': 'cors', origin: 'http://a' };
    assert.deepEqual(contractViolations({ method: 'POST', path: '/ocr', headers, parts: oneFile }), []);
  });

  test('names every header, value, field and route it does not allow', () => {
    const found = (request: Parameters<typeof contractViolations>[0]): string[] =>
      contractViolations(request).map(({ kind, name }) => `${kind} ${name}`);
    assert.deepEqual(found({ method: 'POST', path: '/ocr', headers: { ...ocr, 'idempotency-key': 'k' }, parts: oneFile }), ['header idempotency-key']);
    assert.deepEqual(found({ method: 'POST', path: '/ocr', headers: { ...ocr, authorization: 'Bearer t' }, parts: oneFile }), ['header authorization']);
    assert.deepEqual(found({ method: 'POST', path: '/ocr', headers: { ...ocr, lang: 'klingon' }, parts: oneFile }), ['value lang']);
    assert.deepEqual(found({ method: 'POST', path: '/ocr', headers: { ...ocr, api_key: 'k' }, parts: oneFile }), ['header api_key']);
    assert.deepEqual(found({ method: 'POST', path: '/ocr', headers: { ...ocr, 'document-type': 'visa' }, parts: oneFile }), ['value document-type']);
    assert.deepEqual(found({ method: 'POST', path: '/ocr', headers: { 'device-type': 'web-sdk', 'document-type': 'idr' }, parts: [...oneFile, ...oneFile] }), ['missing session-id']);
    assert.deepEqual(found({ method: 'POST', path: '/ocr', headers: ocr, parts: [...oneFile, ...oneFile] }), ['field files']);
    assert.deepEqual(found({ method: 'POST', path: '/ocr', headers: ocr, parts: [{ field: 'image', file: true }] }), ['field image', 'field files']);
    assert.deepEqual(found({ method: 'POST', path: '/ocr', headers: ocr, parts: [...oneFile, { field: 'note', file: false }] }), ['field note']);
    assert.deepEqual(found({ method: 'POST', path: '/face/liveness', headers: { 'session-id': 's', 'device-type': 'web-sdk', auto: 'yes' }, parts: [{ field: 'selfies', file: true }] }), ['value auto']);
    assert.deepEqual(found({ method: 'POST', path: '/anything/prefix/ocr', headers: ocr, parts: oneFile }), ['route /anything/prefix/ocr']);
    assert.deepEqual(found({ method: 'GET', path: '/session/init', headers: { 'api-key': 'k', 'device-type': 'web-sdk' }, parts: null }), ['method GET']);
  });
});

describe('who an upload is for', () => {
  const page = 'https://shop.example/checkout';

  test('FPT.AI with a key, and for another origin unless the host says otherwise', () => {
    assert.equal(audienceOf({ apiBase: '/kyc', apiKey: 'k' }, page), 'fpt-ai');
    assert.equal(audienceOf({ apiBase: 'https://ekyc.fpt.ai' }, page), 'fpt-ai');
    assert.equal(audienceOf({ apiBase: 'https://kyc.shop.example' }, page), 'fpt-ai');
    assert.equal(audienceOf({ apiBase: '/kyc', audience: 'fpt-ai' }, page), 'fpt-ai');
  });

  test('the integrator’s server on the page’s own origin, for a handoff, with the host’s own headers, or when the host says so', () => {
    assert.equal(audienceOf({ apiBase: '/kyc' }, page), 'server');
    assert.equal(audienceOf({ apiBase: 'https://shop.example/kyc' }, page), 'server');
    assert.equal(audienceOf({ apiBase: 'https://kyc.shop.example', handoff: true }, page), 'server');
    assert.equal(audienceOf({ apiBase: 'https://kyc.shop.example', headers: { authorization: 'Bearer t' } }, page), 'server');
    assert.equal(audienceOf({ apiBase: 'https://kyc.shop.example', audience: 'server' }, page), 'server');
  });

  test('FPT.AI where there is no page to compare with, or the base is not a URL', () => {
    assert.equal(audienceOf({ apiBase: '/kyc' }, undefined), 'fpt-ai');
    assert.equal(audienceOf({ apiBase: 'http://[bad' }, page), 'fpt-ai');
  });
});

describe('the emulator keeps FPT.AI’s contract as strictly as FPT.AI', () => {
  let server: EmulatorServer;
  let sessionId: string;

  const ocrFront = (headers: Record<string, string> = {}, path = '/ocr', file: Blob = jpeg(), field = 'files'): Promise<Response> => {
    const form = new FormData();
    form.append(field, file, 'front.jpg');
    return fetch(`${server.url}${path}`, {
      method: 'POST',
      headers: { 'session-id': sessionId, 'device-type': 'web-sdk', 'document-type': 'idr', 'side-type': 'front', ...headers },
      body: form,
    });
  };

  const preflight = (asked: string): Promise<Response> =>
    fetch(`${server.url}/ocr`, {
      method: 'OPTIONS',
      headers: { origin: 'http://localhost:5173', 'access-control-request-method': 'POST', 'access-control-request-headers': asked },
    });

  before(async () => {
    server = await startEmulatorServer();
  });
  after(() => server.close());
  beforeEach(() => {
    server.emulator.clearRequests();
    sessionId = server.emulator.createSession();
  });

  test('allows in its CORS preflight exactly the document’s headers', async () => {
    const response = await preflight('session-id, document-type');
    assert.equal(response.status, 204);
    const allowed = (response.headers.get('access-control-allow-headers') ?? '').split(/,\s*/).sort();
    assert.deepEqual(allowed, FROM_THE_DOCUMENT);
    assert.deepEqual(server.emulator.violations, []);
  });

  test('records a preflight that asks for an undocumented header, and does not allow it', async () => {
    const response = await preflight('session-id, idempotency-key');
    assert.ok(!(response.headers.get('access-control-allow-headers') ?? '').includes('idempotency-key'));
    assert.deepEqual(server.emulator.violations.map(({ kind, name }) => `${kind} ${name}`), ['preflight idempotency-key']);
  });

  test('refuses an upload with an Idempotency-Key as a contract violation, and lists it', async () => {
    const response = await ocrFront({ 'idempotency-key': 'capture-1' });
    const body = (await response.json()) as Record<string, unknown>;
    assert.equal(response.status, CONTRACT_VIOLATION_STATUS);
    assert.equal(body['errorCode'], 'contract-violation');
    assert.deepEqual(server.emulator.violations.map(({ kind, name }) => `${kind} ${name}`), ['header idempotency-key']);
    assert.deepEqual(server.emulator.requests.at(-1)?.violations.map(({ name }) => name), ['idempotency-key']);
  });

  test('refuses a language it does not speak, a route it does not have and a field it does not take', async () => {
    assert.equal((await ocrFront({ lang: 'klingon' })).status, CONTRACT_VIOLATION_STATUS);
    assert.equal((await ocrFront({}, '/anything/prefix/ocr')).status, 404);
    assert.equal((await ocrFront({}, '/ocr', jpeg(), 'image')).status, CONTRACT_VIOLATION_STATUS);
    assert.deepEqual(server.emulator.violations.map(({ kind, name }) => `${kind} ${name}`), [
      'value lang',
      'route /anything/prefix/ocr',
      'field image',
      'field files',
    ]);
  });

  test('judges an image by its bytes, not its declared type', async () => {
    const response = await ocrFront({}, '/ocr', new Blob([Uint8Array.of(1)], { type: 'image/webp' }));
    assert.equal(response.status, 400);
    const png = await ocrFront({}, '/ocr', new Blob([Uint8Array.of(...jpegHead(), 0xff, 0xd9)], { type: 'text/plain' }));
    assert.equal(png.status, 200);
    const markersOnly = await ocrFront({}, '/ocr', new Blob([Uint8Array.of(0xff, 0xd8, 0xff, 0xe0, 0, 16, 0x4a, 0x46, 0xff, 0xd9)]));
    assert.equal(markersOnly.status, 400, 'start and end markers around no frame header are no image');
  });

  test('answers a request that keeps to the contract, with nothing recorded against it', async () => {
    const response = await ocrFront({ lang: 'vi' });
    assert.equal(response.status, 200);
    assert.deepEqual(server.emulator.violations, []);
  });
});
