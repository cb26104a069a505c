import { expect } from '@open-wc/testing';
import { waitUntil } from '../helpers/wait.js';
import type { EkycFlow } from '../../src/index.js';
import type { RecordedRequest } from '../../src/emulator/index.js';
import { apiHeaders, useEmulator } from '../helpers/emulator.js';
import { click, eventsNamed, mountFlow, part, recordEvents, shootAndConfirm, stepsOf, waitForStep, flowErrors, type Recorded } from '../helpers/flow.js';
import { useFastWaits } from '../helpers/fast-waits.js';

/** `init`, `front`, `back`, `face`: what each request was. */
const calls = (requests: readonly RecordedRequest[]): string[] =>
  requests.map((request) => {
    if (request.endpoint === 'ocr') return apiHeaders(request.headers)['side-type'] ?? 'ocr';
    return request.endpoint;
  });

const sizes = (requests: readonly RecordedRequest[], call: string): number[] =>
  requests.filter((request) => calls([request])[0] === call).map((request) => request.files[0]?.size ?? 0);

async function throughDocument(element: EkycFlow): Promise<void> {
  await click(element, 'start-button');
  await waitForStep(element, 'document-front');
  await shootAndConfirm(element);
  await waitForStep(element, 'document-back');
  await shootAndConfirm(element);
}

async function throughSelfie(element: EkycFlow): Promise<void> {
  await throughDocument(element);
  await waitForStep(element, 'selfie');
  await shootAndConfirm(element);
}

describe('<ekyc-flow>: what each API answer does', () => {
  let events: Recorded[];
  beforeEach(() => {
    events = recordEvents();
  });

  it('OCR errorCode 3 on the back: the message, back to the back step; the accepted front is not sent again', async () => {
    const { emulator, apiBase } = await useEmulator();
    emulator.inject('document-not-found', { endpoint: 'ocr', side: 'back' });
    const element = await mountFlow({ apiBase, sessionId: emulator.createSession(), lang: 'vi' });
    await throughDocument(element);
    await waitUntil(() => element.step === 'document-back' && part(element, 'notice') !== null, 'back to the back');
    expect(part(element, 'notice')?.textContent).to.equal('Không tìm thấy tài liệu đã chọn trong ảnh');
    expect(flowErrors(events)[0]).to.deep.include({
      code: 'document-not-found',
      step: 'document-back',
      recoverable: true,
      apiCode: '3',
      message: 'Không tìm thấy tài liệu đã chọn trong ảnh',
    });
    await shootAndConfirm(element);
    await waitForStep(element, 'selfie');
    expect(calls(emulator.requests)).to.deep.equal(['front', 'back', 'back']);
  });

  it('OCR errorCode 3 on the front: back to the front step; the back capture is kept and sent after it', async () => {
    const { emulator, apiBase } = await useEmulator();
    emulator.inject('document-not-found', { endpoint: 'ocr', side: 'front' });
    const element = await mountFlow({ apiBase, sessionId: emulator.createSession() });
    await throughDocument(element);
    await waitUntil(() => element.step === 'document-front' && part(element, 'notice') !== null, 'back to the front');
    await shootAndConfirm(element);
    await waitForStep(element, 'selfie');
    expect(calls(emulator.requests)).to.deep.equal(['front', 'front', 'back']);
    expect(stepsOf(events).filter((step) => step === 'document-back')).to.have.length(1);
    const backCapture = eventsNamed(events, 'ekyc-capture').find((capture) => capture.side === 'back');
    expect(sizes(emulator.requests, 'back')).to.deep.equal([backCapture!.image.size]);
  });

  it('403 with an api-key: a silent new session, and the kept captures are sent again', async () => {
    const { emulator, apiBase } = await useEmulator();
    emulator.inject('session-expired', { endpoint: 'ocr', side: 'back' });
    const element = await mountFlow({ apiBase, apiKey: 'demo-key' });
    await throughDocument(element);
    await waitForStep(element, 'selfie');
    expect(calls(emulator.requests)).to.deep.equal(['init', 'front', 'back', 'init', 'front', 'back']);
    const [first, , , , again] = emulator.requests;
    expect(apiHeaders(again!.headers)['session-id']).not.to.equal(apiHeaders(first!.headers)['session-id']);
    const fronts = sizes(emulator.requests, 'front');
    expect(fronts[0]).to.equal(fronts[1]);
    expect(flowErrors(events)).to.deep.equal([]);
    expect(eventsNamed(events, 'ekyc-capture')).to.have.length(2);
  });

  it('403 with a session-id: ekyc-error session-expired; a new session-id from the host resumes without new photos', async () => {
    const { emulator, apiBase } = await useEmulator();
    const element = await mountFlow({ apiBase, sessionId: emulator.createSession() });
    emulator.inject('session-expired', { endpoint: 'ocr', side: 'front' });
    await throughDocument(element);
    await waitForStep(element, 'error');
    expect(flowErrors(events)[0]).to.deep.include({ code: 'session-expired', recoverable: true, status: 403 });
    const fresh = emulator.createSession();
    element.sessionId = fresh;
    await waitForStep(element, 'selfie');
    expect(calls(emulator.requests)).to.deep.equal(['front', 'front', 'back']);
    expect(apiHeaders(emulator.requests[2]!.headers)['session-id']).to.equal(fresh);
    expect(eventsNamed(events, 'ekyc-capture')).to.have.length(2);
  });

  it('face 303: the reason, retry the selfie; the document is not sent again', async () => {
    const { emulator, apiBase } = await useEmulator();
    emulator.inject('face-mismatch', { endpoint: 'face' });
    const element = await mountFlow({ apiBase, sessionId: emulator.createSession() });
    await throughSelfie(element);
    await waitUntil(() => element.step === 'selfie' && part(element, 'notice') !== null, 'back to the selfie');
    expect(part(element, 'notice')?.textContent).to.equal('face is not matching with document');
    expect(flowErrors(events)[0]).to.deep.include({ code: 'face-mismatch', step: 'selfie', apiCode: '303' });
    await shootAndConfirm(element);
    await waitForStep(element, 'done');
    expect(calls(emulator.requests)).to.deep.equal(['front', 'back', 'face', 'face']);
  });

  it('face 407: the reason, retry the selfie', async () => {
    const { emulator, apiBase } = await useEmulator();
    emulator.inject('multiple-faces', { endpoint: 'face' });
    const element = await mountFlow({ apiBase, sessionId: emulator.createSession() });
    await throughSelfie(element);
    await waitUntil(() => element.step === 'selfie' && part(element, 'notice') !== null, 'back to the selfie');
    expect(flowErrors(events)[0]).to.deep.include({ code: 'multiple-faces', apiCode: '407' });
  });

  it('face refusal with is_complete_session true: back to the document front in a new session', async () => {
    const { emulator, apiBase } = await useEmulator();
    emulator.inject('face-mismatch-final', { endpoint: 'face' });
    const element = await mountFlow({ apiBase, apiKey: 'demo-key' });
    await throughSelfie(element);
    await waitUntil(() => element.step === 'document-front' && calls(emulator.requests).length === 5, 'a new session');
    expect(calls(emulator.requests)).to.deep.equal(['init', 'front', 'back', 'face', 'init']);
    expect(part(element, 'notice')?.textContent).to.equal('face is not matching with document');
    await shootAndConfirm(element);
    await shootAndConfirm(element);
    await waitForStep(element, 'selfie');
    expect(calls(emulator.requests).slice(5)).to.deep.equal(['front', 'back']);
  });

  it('a dropped connection: retried by itself with backoff, nobody asked anything', async () => {
    const { emulator, apiBase } = await useEmulator();
    emulator.inject('network', { endpoint: 'ocr', side: 'front' });
    const element = await mountFlow({ apiBase, sessionId: emulator.createSession() });
    await throughDocument(element);
    await waitForStep(element, 'selfie');
    expect(calls(emulator.requests)).to.deep.equal(['front', 'front', 'back']);
    expect(flowErrors(events)).to.deep.equal([]);
  });

  describe('faults that persist (retried after shortened waits)', () => {
    useFastWaits();
    for (const [fault, code] of [
      ['network', 'network'],
      ['http-503', 'server'],
      ['timeout', 'timeout'],
    ] as const) {
      it(`${fault} that persists: "connection problem" with a retry button; one retry sends once; nothing is lost`, async () => {
        const { emulator, apiBase } = await useEmulator();
        emulator.inject(fault, { endpoint: 'ocr', side: 'back', times: 3 });
        const element = await mountFlow({ apiBase, sessionId: emulator.createSession(), requestTimeout: fault === 'timeout' ? 1000 : 10_000 });
        await throughDocument(element);
        await waitForStep(element, 'error', 20_000);
        expect(flowErrors(events)[0]).to.deep.include({ code, recoverable: true, step: 'processing' });
        expect(calls(emulator.requests)).to.deep.equal(['front', 'back', 'back', 'back']);
        const retry = part(element, 'retry-button');
        retry?.click();
        retry?.click();
        await waitForStep(element, 'selfie');
        expect(calls(emulator.requests)).to.deep.equal(['front', 'back', 'back', 'back', 'back']);
        const back = eventsNamed(events, 'ekyc-capture').find((capture) => capture.side === 'back');
        expect(sizes(emulator.requests, 'back').at(-1)).to.equal(back!.image.size);
      });
    }
  });
});
