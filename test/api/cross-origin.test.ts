// The element on the test page's origin; FPT.AI's strict stand-in (the Node emulator) and ekyc-flow/server each on
// an origin of their own, so every upload crosses origins with a real CORS preflight, in every engine.
import { expect } from '@open-wc/testing';
import { executeServerCommand } from '@web/test-runner-commands';
import { API_CONTRACT, contractViolations, senderHeaders, type ApiRoute } from '../../src/api/contract.js';
import type { EmulatorViolation, RecordedRequest } from '../../src/emulator/index.js';
import type { EkycFlow } from '../../src/index.js';
import { eventsNamed, mountFlow, recordEvents, waitForStep } from '../helpers/flow.js';
import { throughSelfie } from '../helpers/journey.js';

const KEY = 'contract-test-key';
const LOGIN = { authorization: 'Bearer token-a' };

interface Stack {
  control: string;
  id: string;
  /** FPT.AI's stand-in. */
  fpt: string;
  /** ekyc-flow/server in front of it. */
  server: string;
}

async function call<T>(url: string, init: RequestInit = {}): Promise<T> {
  const response = await fetch(url, init);
  if (!response.ok) throw new Error(`${init.method ?? 'GET'} ${url}: ${response.status} ${await response.text()}`);
  return (await response.json()) as T;
}

/** A stack whose server weighs capture integrity as `integrity` says (`ignore` unless a test is about it). */
async function newStack(integrity: 'review' | 'ignore' = 'ignore'): Promise<Stack> {
  const { contract: control } = await executeServerCommand<{ contract: string }, undefined>('handoff-stack');
  return { control, ...(await call<Omit<Stack, 'control'>>(`${control}/stacks`, { method: 'POST', body: JSON.stringify({ integrity }) })) };
}

/** What ekyc-flow/server decided for the session, as its owner reads it. */
const serverResult = (stack: Stack, sessionId: string) =>
  call<{ status: string; reasons: string[]; integrity: { flagged: boolean; uploads: { signals: unknown[] | null }[] } }>(
    `${stack.control}/stacks/${stack.id}/result`,
    { method: 'POST', body: JSON.stringify({ sessionId, token: 'token-a' }) },
  );

const received = (stack: Stack) =>
  call<{ requests: RecordedRequest[]; violations: EmulatorViolation[] }>(`${stack.control}/stacks/${stack.id}/requests`);

const inject = (stack: Stack, fault: string, options: Record<string, unknown>) =>
  call(`${stack.control}/stacks/${stack.id}/inject`, { method: 'POST', body: JSON.stringify({ fault, ...options }) });

/** What each request FPT.AI received was: `init`, `front`, `back` or `face`. */
const callsOf = (requests: readonly RecordedRequest[]): string[] =>
  requests.map((request) => (request.endpoint === 'ocr' ? (request.headers['side-type'] ?? 'ocr') : request.endpoint));

/** What the page's own `fetch` sent to `base`: each upload's path and headers (the preflight is the browser's). */
function watchFetch(base: string, dropFirstAnswerOf?: string) {
  const sent: { path: string; headers: Record<string, string> }[] = [];
  const descriptor = Object.getOwnPropertyDescriptor(window, 'fetch')!;
  const original = window.fetch.bind(window);
  let dropped = false;
  window.fetch = async (input, init) => {
    const request = new Request(input, init);
    if (!request.url.startsWith(base)) return original(request);
    const path = request.url.slice(base.length);
    sent.push({ path, headers: senderHeaders(Object.fromEntries(request.headers)) });
    const response = await original(request);
    if (path === dropFirstAnswerOf && !dropped) {
      // The server got the upload and answered it; the answer is lost on the way back, as on a flaky link.
      dropped = true;
      await response.arrayBuffer();
      throw new TypeError('Failed to fetch');
    }
    return response;
  };
  return { sent, restore: () => Object.defineProperty(window, 'fetch', descriptor) };
}

async function completeFlow(element: EkycFlow): Promise<void> {
  await throughSelfie(element);
  await waitForStep(element, 'done', 30_000);
}

/** Every request's headers, all but the transport's, against the contract's own table. */
function expectContractShapes(requests: readonly RecordedRequest[], withKey: boolean): void {
  for (const request of requests) {
    const route = new URL(request.url).pathname as ApiRoute;
    const headers = senderHeaders(request.headers);
    expect(Object.keys(headers).every((name) => name in API_CONTRACT[route].headers), `${route}: ${Object.keys(headers).join(', ')}`).to.equal(true);
    expect('api-key' in headers, `${route} carries the key`).to.equal(withKey);
    expect(contractViolations({ method: request.method, path: route, headers: request.headers, parts: request.files.map(({ field }) => ({ field, file: true })) })).to.deep.equal([]);
  }
}

describe('<ekyc-flow> across origins, against FPT.AI’s strict stand-in', function () {
  this.timeout(90_000);

  it('completes with a development api-key: exactly the contract on every call, one dropped upload retried', async () => {
    const stack = await newStack();
    await inject(stack, 'network', { endpoint: 'ocr', side: 'front' });
    const events = recordEvents();
    const element = await mountFlow({ apiBase: stack.fpt, apiKey: KEY });
    await completeFlow(element);
    const { requests, violations } = await received(stack);
    expect(violations).to.deep.equal([]);
    expect(callsOf(requests)).to.deep.equal(['init', 'front', 'front', 'back', 'face']);
    expectContractShapes(requests, true);
    const sessionId = requests[0]?.answer && (requests[0].answer as Record<string, string>)['session-id'];
    expect(senderHeaders(requests[1]!.headers)).to.deep.equal({
      'api-key': KEY,
      'device-type': 'web-sdk',
      'session-id': sessionId,
      'document-type': 'idr',
      'side-type': 'front',
      lang: 'en',
    });
    expect(eventsNamed(events, 'ekyc-complete')).to.have.length(1);
  });

  it('completes with a session the integrator’s server made with the key: no key and nothing else in the page’s calls', async () => {
    const stack = await newStack();
    const { sessionId } = await call<{ sessionId: string }>(`${stack.control}/stacks/${stack.id}/session`, { method: 'POST' });
    await inject(stack, 'network', { endpoint: 'face' });
    const element = await mountFlow({ apiBase: stack.fpt, sessionId });
    await completeFlow(element);
    const { requests, violations } = await received(stack);
    expect(violations).to.deep.equal([]);
    expect(callsOf(requests)).to.deep.equal(['init', 'front', 'back', 'face', 'face']);
    expectContractShapes(requests.slice(1), false);
    expect(senderHeaders(requests[3]!.headers)).to.deep.equal({ 'device-type': 'web-sdk', 'session-id': sessionId, auto: 'False', lang: 'en' });
  });

  it('completes through ekyc-flow/server on a third origin: an Idempotency-Key on every upload, one FPT.AI call a capture', async () => {
    const stack = await newStack();
    const { sessionId } = await call<{ sessionId: string }>(`${stack.server}/session`, { method: 'POST', headers: LOGIN });
    const watched = watchFetch(stack.server, '/ocr');
    try {
      const element = await mountFlow({ apiBase: stack.server, sessionId });
      element.headers = LOGIN;
      await completeFlow(element);
    } finally {
      watched.restore();
    }
    const keys = watched.sent.map(({ path, headers }) => `${path} ${headers['side-type'] ?? ''} ${headers['idempotency-key'] ?? 'none'}`);
    expect(watched.sent.map(({ path }) => path)).to.deep.equal(['/ocr', '/ocr', '/ocr', '/face/liveness']);
    expect(watched.sent.every(({ headers }) => /^[A-Za-z0-9._:-]{8,255}$/.test(headers['idempotency-key'] ?? '')), keys.join('\n')).to.equal(true);
    expect(watched.sent[1]!.headers['idempotency-key'], 'the retry of the front').to.equal(watched.sent[0]!.headers['idempotency-key']);
    expect(new Set(watched.sent.map(({ headers }) => headers['idempotency-key'])).size).to.equal(3);
    const { requests, violations } = await received(stack);
    expect(violations).to.deep.equal([]);
    expect(callsOf(requests)).to.deep.equal(['init', 'front', 'back', 'face']);
    expectContractShapes(requests, true);
  });

  /** A whole flow through ekyc-flow/server on its own origin; the server's result, and what FPT.AI received. */
  async function throughServer(integrity: 'review' | 'ignore') {
    const stack = await newStack(integrity);
    const { sessionId } = await call<{ sessionId: string }>(`${stack.server}/session`, { method: 'POST', headers: LOGIN });
    const events = recordEvents();
    const element = await mountFlow({ apiBase: stack.server, sessionId });
    element.headers = LOGIN;
    await completeFlow(element);
    return { complete: eventsNamed(events, 'ekyc-complete')[0], result: await serverResult(stack, sessionId), ...(await received(stack)) };
  }

  // The test camera is synthetic in every engine (Chromium's fake device, Firefox's fake stream, WebKit's mock
  // camera) and the browser is driven by WebDriver: this is what an injected stream looks like to the server.
  it('through ekyc-flow/server weighing integrity, the synthetic camera ends in review with capture-integrity; FPT.AI never sees the signals', async () => {
    const { complete, result, requests, violations } = await throughServer('review');
    expect(complete?.integrity.flagged).to.equal(true);
    expect(result.status).to.equal('review');
    expect(result.reasons).to.include('capture-integrity');
    expect(result.integrity.uploads.map((upload) => upload.signals !== null)).to.deep.equal([true, true, true]);
    expect(violations).to.deep.equal([]);
    expect(requests.flatMap((request) => request.textFields)).to.deep.equal([]);
    expectContractShapes(requests, true);
  });

  it('through ekyc-flow/server with integrity: ignore, the same flow passes, its signals kept as evidence', async () => {
    const { result, violations } = await throughServer('ignore');
    expect(result.status).to.equal('passed');
    expect(result.integrity.flagged).to.equal(true);
    expect(violations).to.deep.equal([]);
  });
});
