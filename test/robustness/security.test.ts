import { expect } from '@open-wc/testing';
import { waitUntil } from '../helpers/wait.js';
import { http, HttpResponse } from 'msw';
import { isLocalHostname, keyExposureWarning } from '../../src/flow/key-warning.js';
import type { EkycFlow } from '../../src/index.js';
import { apiHeaders, requestCalls, useEmulator } from '../helpers/emulator.js';
import { mountFlow, part, recordEvents, shootAndConfirm, waitForStep, flowErrors, type Recorded } from '../helpers/flow.js';
import { textOf, throughDocument, throughSelfie } from '../helpers/journey.js';
import { spyConsole, spyStorage } from '../helpers/spies.js';
import type { FlowCspReport } from './flow-csp-page.js';

const KEY = 'demo-key';
const MARKUP = '<img src=x onerror="window.ekycInjected=1">';

const injected = (): unknown => (window as unknown as Record<string, unknown>)['ekycInjected'];
const images = (element: EkycFlow): number => element.shadowRoot?.querySelectorAll('img').length ?? 0;

/** Every piece of text the host page can see or log. */
function eventText(events: Recorded[]): string {
  return JSON.stringify(events.map((event) => event.detail));
}

describe('<ekyc-flow> and the API key', function () {
  this.timeout(60_000);

  it('never puts the key in an event, the DOM, the console or a URL, even through a session renewal', async () => {
    const logged = spyConsole();
    try {
      const events = recordEvents();
      const { emulator, apiBase } = await useEmulator();
      emulator.inject('session-expired', { endpoint: 'ocr', side: 'back' });
      emulator.inject('http-502', { endpoint: 'face' });
      const element = await mountFlow({ apiBase });
      element.apiKey = KEY;
      await throughSelfie(element);
      await waitForStep(element, 'done', 15_000);
      expect(apiHeaders(emulator.requests[0]!.headers)['api-key'], 'the key was sent where it belongs').to.equal(KEY);
      expect(requestCalls(emulator.requests)).to.include.members(['init', 'face']);
      expect(eventText(events)).not.to.contain(KEY);
      expect(element.shadowRoot?.innerHTML).not.to.contain(KEY);
      expect(document.documentElement.outerHTML).not.to.contain(KEY);
      expect(logged.calls.filter((call) => call.text.includes(KEY))).to.deep.equal([]);
      expect(emulator.requests.filter((request) => request.url.includes(KEY))).to.deep.equal([]);
    } finally {
      logged.restore();
    }
  });

  it('does not warn about the key on a page served from this device', async () => {
    const logged = spyConsole();
    try {
      const { apiBase } = await useEmulator();
      const element = await mountFlow({ apiBase, apiKey: KEY });
      await element.updateComplete;
      expect(logged.calls.filter((call) => call.text.includes('api-key'))).to.deep.equal([]);
    } finally {
      logged.restore();
    }
  });

  it('counts only names that reach this device as local', () => {
    for (const local of ['localhost', 'app.localhost', '127.0.0.1', '127.0.0.2', '127.255.1.9', '[::1]']) {
      expect(isLocalHostname(local), local).to.equal(true);
    }
    for (const public_ of ['example.com', 'shop.example.vn', 'localhost.example.com', '127.0.0.1.nip.io', '10.0.0.2', '192.168.1.5', '']) {
      expect(isLocalHostname(public_), public_).to.equal(false);
    }
  });

  it('words the public-origin warning so that it says what to do and never repeats the key', () => {
    const warning = keyExposureWarning('shop.example.vn');
    expect(warning).to.contain('api-key').and.contain('session-id');
    expect(warning).not.to.contain(KEY);
    expect(keyExposureWarning('127.0.0.2')).to.equal(null);
  });
});

describe('<ekyc-flow> and the browser\'s stores', function () {
  this.timeout(60_000);

  it('uses no Web Storage, IndexedDB, cookie or Cache API during a whole check', async () => {
    // The emulator's service-worker client reads document.cookie for every request it answers.
    const storage = spyStorage((stack) => stack.includes('/node_modules/msw/'));
    try {
      const { emulator, apiBase } = await useEmulator();
      const element = await mountFlow({ apiBase, apiKey: KEY });
      await throughSelfie(element);
      await waitForStep(element, 'done', 15_000);
      expect(storage.used).to.deep.equal([]);
      expect(requestCalls(emulator.requests)).to.deep.equal(['init', 'front', 'back', 'face']);
    } finally {
      storage.restore();
    }
  });
});

describe('<ekyc-flow> and markup in the server\'s text', function () {
  this.timeout(60_000);
  afterEach(async () => {
    const { worker } = await useEmulator();
    worker.resetHandlers();
  });

  it('shows markup in an OCR errorMessage as text, creating no element', async () => {
    const { worker, emulator, apiBase } = await useEmulator();
    worker.use(
      http.post(`${apiBase}/ocr`, ({ request }) => {
        if (request.headers.get('side-type') !== 'back') return undefined;
        return HttpResponse.json({ errorCode: '3', errorMessage: `${MARKUP} not found` });
      }),
    );
    const events = recordEvents();
    const element = await mountFlow({ apiBase, sessionId: emulator.createSession() });
    await throughDocument(element);
    await waitUntil(() => part(element, 'notice') !== null, 'the notice', { timeout: 10_000 });
    expect(textOf(element, 'notice')).to.equal(`${MARKUP} not found`);
    expect(flowErrors(events)[0]?.message).to.equal(`${MARKUP} not found`);
    expect(images(element)).to.equal(0);
    expect(injected()).to.equal(undefined);
  });

  it('shows markup in OCR field names and values as text on the final screen', async () => {
    const { worker, emulator, apiBase } = await useEmulator();
    worker.use(
      http.post(`${apiBase}/ocr`, async ({ request }) => {
        if (request.headers.get('side-type') !== 'front') return undefined;
        const outcome = await emulator.handle(request);
        if (outcome.kind !== 'response') return HttpResponse.error();
        const body = (await outcome.response.json()) as { data: { key: string; name: string; value: string }[] };
        for (const field of body.data) {
          if (field.key === 'Name') field.value = `${MARKUP}NGUYỄN`;
          if (field.key === 'ID') field.name = `${MARKUP}No`;
        }
        return HttpResponse.json(body);
      }),
    );
    const element = await mountFlow({ apiBase, sessionId: emulator.createSession() });
    await throughSelfie(element);
    await waitForStep(element, 'done', 15_000);
    await element.updateComplete;
    expect(textOf(element, 'result')).to.contain(`${MARKUP}NGUYỄN`).and.contain(`${MARKUP}No`);
    expect(images(element)).to.equal(0);
    expect(injected()).to.equal(undefined);
  });

  it('shows markup in a face message as text when the selfie is refused', async () => {
    const { worker, emulator, apiBase } = await useEmulator();
    worker.use(
      http.post(`${apiBase}/face/liveness`, () =>
        HttpResponse.json({ code: '303', message: `${MARKUP} mismatch`, is_complete_session: false }),
      ),
    );
    const element = await mountFlow({ apiBase, sessionId: emulator.createSession() });
    await throughSelfie(element);
    await waitUntil(() => element.step === 'selfie' && part(element, 'notice') !== null, 'the notice', { timeout: 10_000 });
    expect(textOf(element, 'notice')).to.equal(`${MARKUP} mismatch`);
    expect(images(element)).to.equal(0);
    expect(injected()).to.equal(undefined);
    worker.resetHandlers();
    await shootAndConfirm(element);
    await waitForStep(element, 'done');
  });
});

/** Opens flow.csp.html, served under the strict policy, and waits for its report. */
async function reportFromStrictPage(query: URLSearchParams): Promise<FlowCspReport> {
  const frame = document.createElement('iframe');
  frame.allow = 'camera';
  frame.style.width = '480px';
  frame.style.height = '800px';
  const report = new Promise<FlowCspReport>((resolve) => {
    window.addEventListener('message', function onMessage(event: MessageEvent<unknown>) {
      const data = event.data as Partial<FlowCspReport> | null;
      if (event.source !== frame.contentWindow || data?.type !== 'flow-csp-report') return;
      window.removeEventListener('message', onMessage);
      resolve(data as FlowCspReport);
    });
  });
  frame.src = new URL(`./flow.csp.html?${query.toString()}`, import.meta.url).href;
  document.body.append(frame);
  try {
    return await report;
  } finally {
    frame.remove();
  }
}

describe('<ekyc-flow> under a strict CSP with Trusted Types', function () {
  this.timeout(60_000);

  it('goes from the intro through a live camera, a photo, its review and the API to the selfie, with no violation', async () => {
    const { emulator, apiBase } = await useEmulator();
    const sessionId = emulator.createSession();
    const report = await reportFromStrictPage(new URLSearchParams({ apiBase, sessionId }));
    expect(report).to.deep.equal({
      type: 'flow-csp-report',
      steps: [
        'intro',
        'document-front (camera live)',
        'review (photo drawn)',
        'document-back (camera live)',
        'review (photo drawn)',
        'selfie (camera live)',
      ],
      error: null,
      violations: [],
    });
  });
});
