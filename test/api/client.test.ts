import { expect, waitUntil } from '@open-wc/testing';
import {
  checkFace,
  EkycApiError,
  EkycFaceError,
  initSession,
  readDocument,
  type ApiConfig,
} from '../../src/api/index.js';
import { idempotencyKeyOf } from '../../src/api/idempotency.js';
import { CONTRACT_VIOLATION_STATUS, type RecordedRequest } from '../../src/emulator/index.js';
import { apiHeaders, useEmulator, useIntegratorServer } from '../helpers/emulator.js';
import { jpegBlob } from '../helpers/images.js';

const KEY = 'demo-key';

async function setup(options: { key?: boolean; timeoutMs?: number } = {}) {
  const { emulator, apiBase } = await useEmulator();
  const config: ApiConfig = { apiBase, timeoutMs: options.timeoutMs ?? 5000 };
  if (options.key !== false) config.apiKey = KEY;
  return { emulator, config };
}

function lastRequest(requests: readonly RecordedRequest[]): RecordedRequest {
  const request = requests.at(-1);
  if (!request) throw new Error('the emulator received no request');
  return request;
}

async function rejection(promise: Promise<unknown>): Promise<EkycApiError> {
  try {
    await promise;
  } catch (error) {
    expect(error).to.be.instanceOf(EkycApiError);
    return error as EkycApiError;
  }
  throw new Error('expected the call to fail');
}

describe('API client: POST /session/init', () => {
  it('sends api-key, device-type, client_uuid and only-engine and returns the session id', async () => {
    const { emulator, config } = await setup();
    const result = await initSession(config, { clientUuid: 'device-42', onlyEngine: true });
    const request = lastRequest(emulator.requests);
    expect(request.method).to.equal('POST');
    expect(new URL(request.url).pathname).to.equal('/session/init');
    expect(apiHeaders(request.headers)).to.deep.equal({
      'api-key': KEY,
      'device-type': 'web-sdk',
      client_uuid: 'device-42',
      'only-engine': '1',
    });
    expect(request.files).to.deep.equal([]);
    expect(result.sessionId).to.match(/^[0-9a-f-]{36}$/);
    expect(result.response).to.deep.equal({ code: '200', message: 'success', 'session-id': result.sessionId });
  });

  it('sends only api-key and device-type when nothing else is asked', async () => {
    const { emulator, config } = await setup();
    await initSession(config);
    expect(apiHeaders(lastRequest(emulator.requests).headers)).to.deep.equal({
      'api-key': KEY,
      'device-type': 'web-sdk',
    });
  });

  it('turns a refused key into an http error with the status', async () => {
    const { config } = await setup();
    const error = await rejection(initSession({ ...config, apiKey: 'wrong-key' }));
    expect(error.code).to.equal('http');
    expect(error.status).to.equal(401);
    expect(error.apiCode).to.equal('401');
  });

  it('never puts the key in the URL or the error message', async () => {
    const { emulator, config } = await setup();
    const error = await rejection(initSession({ ...config, apiKey: 'secret-123' }));
    expect(lastRequest(emulator.requests).url).not.to.contain('secret-123');
    expect(error.message).not.to.contain('secret-123');
    expect(JSON.stringify(error.body)).not.to.contain('secret-123');
  });
});

describe('API client: POST /ocr', () => {
  it('sends the front with side-type front: headers and the one files part, checked one by one', async () => {
    const { emulator, config } = await setup();
    const { sessionId } = await initSession(config);
    const front = await jpegBlob();
    const result = await readDocument(config, {
      sessionId,
      documentType: 'idr',
      side: 'front',
      files: [front],
      lang: 'vi',
    });
    const request = lastRequest(emulator.requests);
    expect(new URL(request.url).pathname).to.equal('/ocr');
    expect(request.headers['content-type']).to.match(/^multipart\/form-data; boundary=/);
    expect(apiHeaders(request.headers)).to.deep.equal({
      'api-key': KEY,
      'session-id': sessionId,
      'device-type': 'web-sdk',
      'document-type': 'idr',
      'side-type': 'front',
      lang: 'vi',
    });
    expect(request.files).to.deep.equal([{ field: 'files', name: 'front.jpg', type: 'image/jpeg', size: front.size }]);
    expect(request.textFields).to.deep.equal([]);
    expect(result.fields['ID']).to.deep.equal({
      key: 'ID',
      name: 'Số / No',
      value: '036195012345',
      score: 98.66,
      locale: 'vn',
    });
    expect(result.fields['Type']?.score).to.equal(null);
    expect(result.response.errorCode).to.equal('0');
    expect(result.response.data[0]?.score).to.equal('98.66');
  });

  it('sends the back after the front and reads the back fields', async () => {
    const { emulator, config } = await setup();
    const { sessionId } = await initSession(config);
    await readDocument(config, { sessionId, documentType: 'idr', side: 'front', files: [await jpegBlob()] });
    const back = await jpegBlob(80, 50);
    const result = await readDocument(config, { sessionId, documentType: 'idr', side: 'back', files: [back] });
    const request = lastRequest(emulator.requests);
    expect(apiHeaders(request.headers)).to.deep.equal({
      'api-key': KEY,
      'session-id': sessionId,
      'device-type': 'web-sdk',
      'document-type': 'idr',
      'side-type': 'back',
    });
    expect(request.files).to.deep.equal([{ field: 'files', name: 'back.jpg', type: 'image/jpeg', size: back.size }]);
    expect(Object.keys(result.fields)).to.deep.equal(['Features', 'Issue Date', 'Issue Location']);
    expect(result.fields['Issue Date']?.name).to.equal('Date of issue');
  });

  it('sends both sides in one request as two files parts, front then back', async () => {
    const { emulator, config } = await setup();
    const { sessionId } = await initSession(config);
    const front = await jpegBlob(64, 40);
    const back = await jpegBlob(90, 60);
    const result = await readDocument(config, { sessionId, documentType: 'dlr', files: [front, back], lang: 'en' });
    const request = lastRequest(emulator.requests);
    expect(apiHeaders(request.headers)).to.deep.equal({
      'api-key': KEY,
      'session-id': sessionId,
      'device-type': 'web-sdk',
      'document-type': 'dlr',
      lang: 'en',
    });
    expect(request.files.map(({ field, name, size }) => ({ field, name, size }))).to.deep.equal([
      { field: 'files', name: 'front.jpg', size: front.size },
      { field: 'files', name: 'back.jpg', size: back.size },
    ]);
    expect(result.fields['Class']?.value).to.equal('B2');
    expect(result.fields['Issue Location']?.value).to.equal('SỞ GIAO THÔNG VẬN TẢI HÀ NỘI');
  });

  it('sends a passport as a single file without side-type', async () => {
    const { emulator, config } = await setup();
    const { sessionId } = await initSession(config);
    const page = await jpegBlob();
    const result = await readDocument(config, { sessionId, documentType: 'passport', files: [page] });
    const request = lastRequest(emulator.requests);
    expect(apiHeaders(request.headers)).to.deep.equal({
      'api-key': KEY,
      'session-id': sessionId,
      'device-type': 'web-sdk',
      'document-type': 'passport',
    });
    expect(request.files).to.have.length(1);
    expect(result.fields['ID']?.value).to.equal('C4815162');
  });

  it('works without a key when the session came from the integrator server', async () => {
    const { emulator, config } = await setup({ key: false });
    const sessionId = emulator.createSession();
    await readDocument(config, { sessionId, documentType: 'idr', side: 'front', files: [await jpegBlob()] });
    expect(lastRequest(emulator.requests).headers).not.to.have.property('api-key');
  });

  it('refuses to send a wrong number of files before any request', async () => {
    const { emulator, config } = await setup();
    const blob = await jpegBlob();
    let thrown: unknown;
    try {
      await readDocument(config, { sessionId: 'x', documentType: 'passport', files: [blob, blob] });
    } catch (error) {
      thrown = error;
    }
    expect(thrown).to.be.instanceOf(RangeError);
    expect(emulator.requests).to.have.length(0);
  });

  it('maps errorCode 3 to document-not-found with the server message in lang', async () => {
    const { emulator, config } = await setup();
    const { sessionId } = await initSession(config);
    emulator.inject('document-not-found');
    const error = await rejection(
      readDocument(config, { sessionId, documentType: 'idr', side: 'front', files: [await jpegBlob()], lang: 'vi' }),
    );
    expect(error.code).to.equal('document-not-found');
    expect(error.apiCode).to.equal('3');
    expect(error.message).to.equal('Không tìm thấy tài liệu đã chọn trong ảnh');
    expect(apiHeaders(lastRequest(emulator.requests).headers)['side-type']).to.equal('front');
  });

  it('maps an expired session to session-expired', async () => {
    const { emulator, config } = await setup();
    const { sessionId } = await initSession(config);
    emulator.expireSession(sessionId);
    const error = await rejection(
      readDocument(config, { sessionId, documentType: 'idr', side: 'front', files: [await jpegBlob()] }),
    );
    expect(error.code).to.equal('session-expired');
    expect(error.status).to.equal(403);
    expect(error.message).to.equal('Session has expired');
  });

  it('maps an unknown session to session-expired', async () => {
    const { config } = await setup();
    const error = await rejection(
      readDocument(config, { sessionId: 'not-a-session', documentType: 'idr', side: 'front', files: [await jpegBlob()] }),
    );
    expect(error.code).to.equal('session-expired');
  });

  it('reads errorCode "403" in a 200 answer as session-expired too', async () => {
    const { config } = await setup();
    const fake: typeof fetch = () =>
      Promise.resolve(new Response(JSON.stringify({ errorCode: '403', errorMessage: 'Phiên làm việc đã hết hạn' })));
    const error = await rejection(
      readDocument({ ...config, fetch: fake }, { sessionId: 's', documentType: 'idr', side: 'front', files: [await jpegBlob()] }),
    );
    expect(error.code).to.equal('session-expired');
    expect(error.message).to.equal('Phiên làm việc đã hết hạn');
  });

  it('answers the back before the front with the API error, kept verbatim', async () => {
    const { config } = await setup();
    const { sessionId } = await initSession(config);
    const error = await rejection(
      readDocument(config, { sessionId, documentType: 'idr', side: 'back', files: [await jpegBlob()] }),
    );
    expect(error.code).to.equal('api');
    expect(error.apiCode).to.equal('2');
  });

  it('keeps other API codes verbatim', async () => {
    const { emulator, config } = await setup();
    const { sessionId } = await initSession(config);
    emulator.inject('document-expired');
    const error = await rejection(
      readDocument(config, { sessionId, documentType: 'passport', files: [await jpegBlob()], lang: 'en' }),
    );
    expect(error.code).to.equal('api');
    expect(error.apiCode).to.equal('4');
    expect(error.message).to.equal('The document has expired');
  });
});

describe('API client: POST /face/liveness', () => {
  async function sessionWithFront(config: ApiConfig): Promise<string> {
    const { sessionId } = await initSession(config);
    await readDocument(config, { sessionId, documentType: 'idr', side: 'front', files: [await jpegBlob()] });
    return sessionId;
  }

  it('sends auto True, lang and one selfies part, and types the answer', async () => {
    const { emulator, config } = await setup();
    const sessionId = await sessionWithFront(config);
    const selfie = await jpegBlob(48, 64);
    const result = await checkFace(config, { sessionId, selfies: [selfie], auto: true, lang: 'vi' });
    const request = lastRequest(emulator.requests);
    expect(new URL(request.url).pathname).to.equal('/face/liveness');
    expect(apiHeaders(request.headers)).to.deep.equal({
      'api-key': KEY,
      'session-id': sessionId,
      'device-type': 'web-sdk',
      auto: 'True',
      lang: 'vi',
    });
    expect(request.files).to.deep.equal([
      { field: 'selfies', name: 'selfie-1.jpg', type: 'image/jpeg', size: selfie.size },
    ]);
    expect(result.code).to.equal('200');
    expect(result.isLive).to.equal(true);
    expect(result.isMatch).to.equal(true);
    expect(result.similarity).to.equal(95.84);
    expect(result.spoofProb).to.equal(null);
    expect(result.completeSession).to.equal(false);
    expect(result.response.face_match?.similarity).to.equal('95.84');
  });

  it('sends auto False for a manual selfie', async () => {
    const { emulator, config } = await setup();
    const sessionId = await sessionWithFront(config);
    await checkFace(config, { sessionId, selfies: [await jpegBlob()], auto: false });
    expect(apiHeaders(lastRequest(emulator.requests).headers)['auto']).to.equal('False');
  });

  it('maps code 303 to face-mismatch with the typed result', async () => {
    const { emulator, config } = await setup();
    const sessionId = await sessionWithFront(config);
    emulator.inject('face-mismatch');
    const error = await rejection(checkFace(config, { sessionId, selfies: [await jpegBlob()], auto: true, lang: 'en' }));
    expect(error.code).to.equal('face-mismatch');
    expect(error.apiCode).to.equal('303');
    expect(error.message).to.equal('face is not matching with document');
    expect(error).to.be.instanceOf(EkycFaceError);
    const { result } = error as EkycFaceError;
    expect(result.isMatch).to.equal(false);
    expect(result.similarity).to.equal(5.84);
    expect(result.completeSession).to.equal(false);
  });

  it('maps code 407 to multiple-faces', async () => {
    const { emulator, config } = await setup();
    const sessionId = await sessionWithFront(config);
    emulator.inject('multiple-faces');
    const error = await rejection(checkFace(config, { sessionId, selfies: [await jpegBlob()], auto: true }));
    expect(error.code).to.equal('multiple-faces');
    expect(error.apiCode).to.equal('407');
    expect((error as EkycFaceError).result.isMatch).to.equal(null);
  });

  it('reports is_complete_session true when the session is used up', async () => {
    const { emulator, config } = await setup();
    const sessionId = await sessionWithFront(config);
    emulator.inject('face-mismatch-final');
    const error = await rejection(checkFace(config, { sessionId, selfies: [await jpegBlob()], auto: true }));
    expect((error as EkycFaceError).result.completeSession).to.equal(true);
    const next = await rejection(checkFace(config, { sessionId, selfies: [await jpegBlob()], auto: true }));
    expect(next.code).to.equal('session-expired');
  });

  it('maps an expired session to session-expired', async () => {
    const { emulator, config } = await setup();
    const sessionId = await sessionWithFront(config);
    emulator.inject('session-expired', { endpoint: 'face' });
    const error = await rejection(checkFace(config, { sessionId, selfies: [await jpegBlob()], auto: true }));
    expect(error.code).to.equal('session-expired');
    expect(error.status).to.equal(403);
  });

  it('keeps other face codes verbatim', async () => {
    const { emulator, config } = await setup();
    const sessionId = await sessionWithFront(config);
    emulator.inject('selfie-invalid');
    const error = await rejection(checkFace(config, { sessionId, selfies: [await jpegBlob()], auto: true }));
    expect(error.code).to.equal('api');
    expect(error.apiCode).to.equal('406');
  });
});

describe('API client: transport failures', () => {
  const ocrCall = async (config: ApiConfig, sessionId: string) =>
    readDocument(config, { sessionId, documentType: 'idr', side: 'front', files: [await jpegBlob()] });

  it('turns a dropped connection into network', async () => {
    const { emulator, config } = await setup();
    const { sessionId } = await initSession(config);
    emulator.inject('network');
    const error = await rejection(ocrCall(config, sessionId));
    expect(error.code).to.equal('network');
    expect(error.transient).to.equal(true);
  });

  it('turns a request that never answers into timeout after the configured time', async () => {
    const { emulator, config } = await setup({ timeoutMs: 300 });
    const { sessionId } = await initSession(config);
    emulator.inject('timeout');
    const error = await rejection(ocrCall(config, sessionId));
    expect(error.code).to.equal('timeout');
    expect(error.message).to.contain('300 ms');
  });

  it('turns the caller aborting into aborted', async () => {
    const { emulator, config } = await setup();
    const { sessionId } = await initSession(config);
    emulator.inject('timeout');
    const controller = new AbortController();
    const call = readDocument(config, {
      sessionId,
      documentType: 'idr',
      side: 'front',
      files: [await jpegBlob()],
      signal: controller.signal,
    });
    // Aborted once the emulator holds it: a request aborted before it arrived could reach the next test.
    await waitUntil(() => emulator.queuedFaults.length === 0, 'the emulator holds the request', { timeout: 5000 });
    controller.abort();
    const error = await rejection(call);
    expect(error.code).to.equal('aborted');
  });

  for (const [fault, status] of [
    ['http-500', 500],
    ['http-502', 502],
    ['http-503', 503],
  ] as const) {
    it(`turns HTTP ${status} into a transient http error`, async () => {
      const { emulator, config } = await setup();
      const { sessionId } = await initSession(config);
      emulator.inject(fault);
      const error = await rejection(ocrCall(config, sessionId));
      expect(error.code).to.equal('http');
      expect(error.status).to.equal(status);
      expect(error.transient).to.equal(true);
    });
  }

  it('turns an HTML page instead of JSON into bad-response', async () => {
    const { emulator, config } = await setup();
    const { sessionId } = await initSession(config);
    emulator.inject('html');
    const error = await rejection(ocrCall(config, sessionId));
    expect(error.code).to.equal('bad-response');
    expect(error.transient).to.equal(false);
  });

  it('turns truncated JSON into bad-response', async () => {
    const { emulator, config } = await setup();
    const { sessionId } = await initSession(config);
    emulator.inject('truncated-json');
    expect((await rejection(ocrCall(config, sessionId))).code).to.equal('bad-response');
  });

  it('turns JSON of the wrong shape into bad-response', async () => {
    const { emulator, config } = await setup();
    const { sessionId } = await initSession(config);
    emulator.inject('malformed-json', { endpoint: 'ocr' });
    expect((await rejection(ocrCall(config, sessionId))).code).to.equal('bad-response');
    emulator.inject('malformed-json', { endpoint: 'face' });
    const face = await rejection(checkFace(config, { sessionId, selfies: [await jpegBlob()], auto: true }));
    expect(face.code).to.equal('bad-response');
  });

  it('turns an unknown errorCode into api, kept verbatim', async () => {
    const { emulator, config } = await setup();
    const { sessionId } = await initSession(config);
    emulator.inject('unknown-code');
    const error = await rejection(ocrCall(config, sessionId));
    expect(error.code).to.equal('api');
    expect(error.apiCode).to.equal('999');
  });
});

describe('API client: what goes to FPT.AI and what to the integrator’s server', () => {
  const ocrOf = (config: ApiConfig, sessionId: string, image: Blob, idempotencyKey?: string) =>
    readDocument(config, { sessionId, documentType: 'idr', side: 'front', files: [image], idempotencyKey });

  /** The integrator's server stand-in, and a session its key made. */
  async function serverSetup() {
    const server = await useIntegratorServer();
    const config: ApiConfig = { apiBase: server.apiBase, timeoutMs: 5000 };
    return { server, config, sessionId: server.emulator.createSession() };
  }

  it('sends FPT.AI exactly its contract: no Idempotency-Key and none of the host’s headers, whatever it is given', async () => {
    const { emulator, config } = await setup();
    const headers = { authorization: 'Bearer host-token', 'x-csrf': 'c1' };
    const { sessionId } = await initSession({ ...config, headers });
    await ocrOf({ ...config, headers }, sessionId, await jpegBlob(), 'capture-front-7');
    await checkFace({ ...config, headers }, { sessionId, selfies: [await jpegBlob(48, 64)], auto: true, idempotencyKey: 'capture-selfie-7' });
    expect(emulator.requests.map((request) => apiHeaders(request.headers))).to.deep.equal([
      { 'api-key': KEY, 'device-type': 'web-sdk' },
      { 'api-key': KEY, 'device-type': 'web-sdk', 'session-id': sessionId, 'document-type': 'idr', 'side-type': 'front' },
      { 'api-key': KEY, 'device-type': 'web-sdk', 'session-id': sessionId, auto: 'True' },
    ]);
    expect(emulator.violations).to.deep.equal([]);
  });

  it('sends FPT.AI exactly its contract with a session the integrator made, and the audience fpt-ai said outright', async () => {
    const { emulator, config } = await setup({ key: false });
    const sessionId = emulator.createSession();
    await ocrOf({ ...config, audience: 'fpt-ai', headers: { authorization: 'Bearer t' } }, sessionId, await jpegBlob(), 'capture-front-9');
    expect(apiHeaders(lastRequest(emulator.requests).headers)).to.deep.equal({
      'device-type': 'web-sdk',
      'session-id': sessionId,
      'document-type': 'idr',
      'side-type': 'front',
    });
    expect(emulator.violations).to.deep.equal([]);
  });

  it('is refused by the emulator, as FPT.AI’s CORS would refuse it, when an Idempotency-Key goes to FPT.AI', async () => {
    const { emulator, config } = await setup();
    const { sessionId } = await initSession(config);
    const error = await rejection(ocrOf({ ...config, audience: 'server' }, sessionId, await jpegBlob(), 'capture-front-1'));
    expect(error.code).to.equal('http');
    expect(error.status).to.equal(CONTRACT_VIOLATION_STATUS);
    expect(emulator.violations.map(({ kind, name }) => `${kind} ${name}`)).to.deep.equal(['header idempotency-key']);
  });

  it('sends the given Idempotency-Key with an upload to the integrator’s server, and none when none is given', async () => {
    const { server, config, sessionId } = await serverSetup();
    await ocrOf(config, sessionId, await jpegBlob(), 'capture-front-7');
    expect(server.received.at(-1)?.headers['idempotency-key']).to.equal('capture-front-7');
    await checkFace(config, { sessionId, selfies: [await jpegBlob(48, 64)], auto: true, idempotencyKey: 'capture-selfie-7' });
    expect(server.received.at(-1)?.headers['idempotency-key']).to.equal('capture-selfie-7');
    await ocrOf(config, sessionId, await jpegBlob());
    expect(server.received.at(-1)?.headers['idempotency-key']).to.equal(undefined);
    expect(server.emulator.violations).to.deep.equal([]);
  });

  it('gives one key a capture: the same Blob again gets the same key, another Blob another, a pair of Blobs a key of both', async () => {
    const photo = await jpegBlob();
    const other = await jpegBlob();
    const key = idempotencyKeyOf([photo]);
    expect(key).to.match(/^[A-Za-z0-9._:-]{8,255}$/);
    expect(idempotencyKeyOf([photo])).to.equal(key);
    expect(idempotencyKeyOf([other])).to.not.equal(key);
    expect(idempotencyKeyOf([photo, other])).to.equal(`${key}.${idempotencyKeyOf([other])}`);
  });

  it('adds the host’s headers from an object, or from an async function asked at each call', async () => {
    const { server, config, sessionId } = await serverSetup();
    let round = 0;
    await ocrOf({ ...config, headers: { Authorization: 'Bearer host-token-1' } }, sessionId, await jpegBlob());
    expect(server.received.at(-1)?.headers['authorization']).to.equal('Bearer host-token-1');
    const headers = async () => {
      await Promise.resolve();
      round += 1;
      return { authorization: `Bearer host-token-${round + 1}`, 'x-csrf': 'c1' };
    };
    await ocrOf({ ...config, headers }, sessionId, await jpegBlob());
    await ocrOf({ ...config, headers }, sessionId, await jpegBlob());
    expect(server.received.at(-1)?.headers['authorization']).to.equal('Bearer host-token-3');
    expect(server.received.at(-1)?.headers['x-csrf']).to.equal('c1');
  });

  it('keeps the API’s own headers over the host’s', async () => {
    const { server, config, sessionId } = await serverSetup();
    const headers = { 'Session-Id': 'forged', 'device-type': 'android', 'Idempotency-Key': 'forged-key-1' };
    await ocrOf({ ...config, headers }, sessionId, await jpegBlob(), 'capture-front-8');
    const sent = server.received.at(-1)?.headers ?? {};
    expect(sent['session-id']).to.equal(sessionId);
    expect(sent['device-type']).to.equal('web-sdk');
    expect(sent['idempotency-key']).to.equal('capture-front-8');
  });

  it('fails as network, sending nothing, when the host’s headers function throws', async () => {
    const { server, config, sessionId } = await serverSetup();
    const headers = () => Promise.reject(new Error('token refresh failed'));
    const error = await rejection(ocrOf({ ...config, headers }, sessionId, await jpegBlob()));
    expect(error.code).to.equal('network');
    expect(server.received).to.deep.equal([]);
  });

  it('sends cookies to its own origin by default, and as configured: omit or include', async () => {
    const { config } = await setup();
    const seen: RequestCredentials[] = [];
    const spy: typeof fetch = (input, init) => {
      const request = new Request(input, init);
      seen.push(request.credentials);
      return fetch(request);
    };
    await initSession({ ...config, fetch: spy });
    await initSession({ ...config, fetch: spy, credentials: 'omit' });
    await initSession({ ...config, fetch: spy, credentials: 'include' }).catch(() => undefined);
    expect(seen).to.deep.equal(['same-origin', 'omit', 'include']);
  });

  it('never writes the host’s headers to the console, even when a call fails', async () => {
    const { server, config, sessionId } = await serverSetup();
    const written: string[] = [];
    const methods = ['log', 'info', 'warn', 'error', 'debug'] as const;
    const originals = methods.map((method) => Object.getOwnPropertyDescriptor(console, method)!);
    for (const method of methods) console[method] = (...args: unknown[]) => void written.push(args.map(String).join(' '));
    try {
      const headers = { authorization: 'Bearer secret-host-token' };
      await ocrOf({ ...config, headers }, sessionId, await jpegBlob());
      expect(server.received.at(-1)?.headers['authorization']).to.equal('Bearer secret-host-token');
      server.emulator.inject('http-500');
      const error = await rejection(ocrOf({ ...config, headers }, sessionId, await jpegBlob()));
      expect(JSON.stringify(error)).to.not.include('secret-host-token');
      expect(error.message).to.not.include('secret-host-token');
    } finally {
      methods.forEach((method, index) => Object.defineProperty(console, method, originals[index]!));
    }
    expect(written.join('\n')).to.not.include('secret-host-token');
  });
});
