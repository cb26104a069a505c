import { expect } from '@open-wc/testing';
import { waitUntil } from '../helpers/wait.js';
import { http, HttpResponse } from 'msw';
import { en } from '../../src/i18n/en.js';
import { requestCalls, useEmulator, useIntegratorServer, type ReceivedRequest } from '../helpers/emulator.js';
import { click, eventsNamed, mountFlow, part, recordEvents, shootAndConfirm, waitForStep, flowErrors, type Recorded } from '../helpers/flow.js';
import { useFastWaits } from '../helpers/fast-waits.js';
import { throughDocument, throughSelfie, waitForErrorScreen } from '../helpers/journey.js';

/** What a request the integrator's server received was: `front`, `back` (OCR by `side-type`) or `face`. */
const callOf = ({ path, headers }: ReceivedRequest): string => (path === '/ocr' ? (headers['side-type'] ?? 'ocr') : 'face');

/** The Idempotency-Key of every request of one kind (`front`, `back`, `face`) the integrator's server received, in order. */
const keysOf = (received: readonly ReceivedRequest[], call: string): (string | undefined)[] =>
  received.filter((request) => callOf(request) === call).map((request) => request.headers['idempotency-key']);

describe('<ekyc-flow> calls to the integrator’s server', function () {
  this.timeout(30_000);
  useFastWaits();
  let events: Recorded[];
  beforeEach(() => {
    events = recordEvents();
  });

  it('sends one Idempotency-Key a capture: the same on its automatic retries and on the user’s retry', async () => {
    const { emulator, apiBase, received } = await useIntegratorServer();
    emulator.inject('http-502', { endpoint: 'ocr', side: 'front' });
    emulator.inject('http-500', { endpoint: 'ocr', side: 'back', times: 3 });
    const element = await mountFlow({ apiBase, sessionId: emulator.createSession() });
    await throughDocument(element);
    await waitForErrorScreen(element);
    await click(element, 'retry-button');
    await waitForStep(element, 'selfie');
    const front = keysOf(received, 'front');
    const back = keysOf(received, 'back');
    expect(front).to.have.length(2);
    expect(back).to.have.length(4);
    expect(front[0]).to.match(/^[A-Za-z0-9._:-]{8,255}$/);
    expect(new Set(front).size).to.equal(1);
    expect(new Set(back).size).to.equal(1);
    expect(back[0]).to.not.equal(front[0]);
    // Each upload, its retries too, carries the capture's integrity report (our own field: never forwarded).
    const reports = received.map((request) => JSON.parse(request.integrity ?? 'null') as { signals?: unknown[] } | null);
    expect(reports.map((report) => (report?.signals?.length ?? 0) > 0)).to.deep.equal(received.map(() => true));
  });

  it('sends a new Idempotency-Key for a photo taken again', async () => {
    const { emulator, apiBase, received } = await useIntegratorServer();
    emulator.inject('unknown-code', { endpoint: 'ocr', side: 'back' });
    const element = await mountFlow({ apiBase, sessionId: emulator.createSession() });
    await throughDocument(element);
    await waitUntil(() => element.step === 'document-back' && part(element, 'notice') !== null, 'back to the back', { timeout: 10_000 });
    await shootAndConfirm(element);
    await waitForStep(element, 'selfie');
    const back = keysOf(received, 'back');
    expect(back).to.have.length(2);
    expect(back[1]).to.not.equal(back[0]);
  });

  it('takes the server’s 422 side-mismatch back to that side, in its own words, keeping the front', async () => {
    const { emulator, apiBase, worker } = await useIntegratorServer();
    const refusal = {
      code: '422',
      error: 'side-mismatch',
      message: 'This picture looks like the front of an ID card, not the back of an ID card.',
      expected: { documentType: 'idr', side: 'back' },
      looksLike: { documentType: 'idr', side: 'front' },
    };
    let refused = 0;
    // The first back is answered as ekyc-flow/server answers a picture FPT.AI read as a front; the rest go through.
    worker.use(
      http.post(`${apiBase}/ocr`, ({ request }) =>
        request.headers.get('side-type') === 'back' && refused++ === 0 ? HttpResponse.json(refusal, { status: 422 }) : undefined,
      ),
    );
    const element = await mountFlow({ apiBase, sessionId: emulator.createSession() });
    await throughDocument(element);
    await waitUntil(() => element.step === 'document-back' && part(element, 'notice') !== null, 'back to the back', { timeout: 10_000 });
    expect(part(element, 'notice')?.textContent).to.contain(en['error.side-mismatch']);
    expect(flowErrors(events)[0]).to.deep.include({ code: 'side-mismatch', recoverable: true, step: 'document-back' });
    await shootAndConfirm(element);
    await waitForStep(element, 'selfie');
    expect(requestCalls(emulator.requests)).to.deep.equal(['front', 'back']);
    expect(refused).to.equal(2);
  });

  it('sends the headers property with every call, asking a function each time, and never puts them in an event', async () => {
    const { emulator, apiBase, received } = await useIntegratorServer();
    const element = await mountFlow({ apiBase, sessionId: emulator.createSession() });
    let asked = 0;
    element.headers = () => {
      asked += 1;
      return Promise.resolve({ authorization: `Bearer host-secret-${asked}` });
    };
    await throughSelfie(element);
    await waitForStep(element, 'done');
    expect(requestCalls(emulator.requests)).to.deep.equal(['front', 'back', 'face']);
    expect(received.map((request) => request.headers['authorization'])).to.deep.equal([
      'Bearer host-secret-1',
      'Bearer host-secret-2',
      'Bearer host-secret-3',
    ]);
    expect(JSON.stringify(events.map((event) => event.detail))).to.not.include('host-secret');
    expect(eventsNamed(events, 'ekyc-complete')).to.have.length(1);
    expect(emulator.violations).to.deep.equal([]);
  });

  it('passes the credentials attribute to fetch, same-origin by default', async () => {
    const { emulator, apiBase } = await useEmulator();
    const seen: RequestCredentials[] = [];
    const descriptor = Object.getOwnPropertyDescriptor(window, 'fetch')!;
    const original = window.fetch.bind(window);
    window.fetch = (input, init) => {
      const request = new Request(input, init);
      if (request.url.startsWith(apiBase)) seen.push(request.credentials);
      return original(request);
    };
    try {
      const element = await mountFlow({ apiBase, sessionId: emulator.createSession() });
      await throughDocument(element);
      await waitForStep(element, 'selfie');
      element.setAttribute('credentials', 'omit');
      await shootAndConfirm(element);
      await waitForStep(element, 'done');
    } finally {
      Object.defineProperty(window, 'fetch', descriptor);
    }
    expect(seen).to.deep.equal(['same-origin', 'same-origin', 'omit']);
  });

  it('reports a credentials value that fetch does not know as bad-config', async () => {
    const { emulator, apiBase } = await useEmulator();
    const element = await mountFlow({ apiBase, sessionId: emulator.createSession() });
    element.setAttribute('credentials', 'always');
    await click(element, 'start-button');
    await waitUntil(() => flowErrors(events).length > 0, 'ekyc-error');
    expect(flowErrors(events)[0]?.code).to.equal('bad-config');
    expect(emulator.requests).to.deep.equal([]);
  });
});
