import { expect } from '@open-wc/testing';
import type { OcrResult } from '../../src/api/types.js';
import type { CaptureSide, EkycEmission } from '../../src/events.js';
import { runWork } from '../../src/flow/api-runner.js';
import { initialState, transition, type FlowEvent } from '../../src/flow/machine.js';
import type { Capture, FlowState, ProcessingState, SideReading } from '../../src/flow/types.js';
import { readCccdQr } from '../../src/qr/parse.js';
import { useEmulator } from '../helpers/emulator.js';
import { fixtureImage } from './fixtures/load.js';
import { QR_FIXTURES } from './fixtures/specs.js';
import { recogniseFixtureCards } from './helpers.js';

const CLEAN_2021 = QR_FIXTURES.find(({ kind, generation }) => kind === 'clean' && generation === '2021')!;
const CODE = readCccdQr(CLEAN_2021.code);
const ALL_MATCH = { id: 'match', name: 'match', dateOfBirth: 'match', sex: 'match', issueDate: 'match' } as const;

const capture = (side: CaptureSide, image: Blob = new Blob([side], { type: 'image/jpeg' })): Capture => ({
  side,
  image,
  width: 1000,
  height: 630,
  auto: false,
  quality: null,
  source: 'camera',
  integrity: { signals: [], flagged: false },
});

const ocr = (key: string): OcrResult => ({
  response: { errorCode: '0', errorMessage: '', data: [] },
  fields: { [key]: { key, name: key, value: key, score: 99, locale: 'vn' } },
});

function emissions(events: FlowEvent[]): EkycEmission[] {
  let state: FlowState = initialState();
  const seen: EkycEmission[] = [];
  for (const event of events) {
    const next = transition(state, event);
    state = next.state;
    for (const effect of next.effects) if (effect.type === 'emit') seen.push(effect.emission);
  }
  return seen;
}

const upToOcr: FlowEvent[] = [
  { type: 'start', config: { documentType: 'idr', flow: 'ocr-only', canInitSession: false }, sessionId: 's1' },
  { type: 'capture-started' },
  { type: 'captured', capture: capture('front') },
  { type: 'confirm' },
  { type: 'capture-started' },
  { type: 'captured', capture: capture('back') },
  { type: 'confirm' },
];

describe('QR code in the flow', function () {
  this.timeout(30_000);

  it('passes each side’s code to ekyc-ocr, and the card’s code and cross-check to ekyc-complete', () => {
    const back: SideReading = { ...ocr('Issue Date'), qr: null, crossCheck: ALL_MATCH };
    const seen = emissions([
      ...upToOcr,
      { type: 'ocr-done', side: 'front', result: { ...ocr('ID'), qr: CODE, crossCheck: { ...ALL_MATCH, issueDate: 'missing' } } },
      { type: 'ocr-done', side: 'back', result: back },
    ]);
    const ocrEvents = seen.flatMap((emission) => (emission.name === 'ekyc-ocr' ? [emission.detail] : []));
    expect(ocrEvents.map(({ side, qr }) => [side, qr])).to.deep.equal([
      ['front', CODE],
      ['back', null],
    ]);
    const complete = seen.find((emission) => emission.name === 'ekyc-complete');
    if (complete?.name !== 'ekyc-complete') throw new Error('no ekyc-complete');
    expect(complete.detail.ocr.qr).to.equal(CODE);
    expect(complete.detail.ocr.crossCheck).to.deep.equal(ALL_MATCH);
  });

  it('reports qr: null and no cross-check where no code was read', () => {
    const seen = emissions([
      ...upToOcr,
      { type: 'ocr-done', side: 'front', result: ocr('ID') },
      { type: 'ocr-done', side: 'back', result: ocr('Issue Date') },
    ]);
    const complete = seen.find((emission) => emission.name === 'ekyc-complete');
    if (complete?.name !== 'ekyc-complete') throw new Error('no ekyc-complete');
    expect(complete.detail.ocr).to.deep.include({ qr: null, crossCheck: null });
    expect(seen.filter((emission) => emission.name === 'ekyc-ocr').map((emission) => emission.detail)).to.satisfy(
      (details: { qr: unknown }[]) => details.every(({ qr }) => qr === null),
    );
  });

  it('reads the code of the photo it sends, while the API reads the photo', async () => {
    const started = await useEmulator();
    const undo = recogniseFixtureCards(started);
    try {
      const image = await fixtureImage(CLEAN_2021);
      let reached: FlowState = initialState();
      for (const event of upToOcr) reached = transition(reached, event).state;
      if (reached.step !== 'processing') throw new Error(`not sending: ${reached.step}`);
      const sending: ProcessingState = {
        ...reached,
        work: 'ocr-front',
        sessionId: started.emulator.createSession(),
        captures: { front: capture('front', image), back: capture('back', image) },
      };
      const api = { apiBase: started.apiBase };
      const context = { api, lang: 'en' as const, clientUuid: undefined, signal: new AbortController().signal, qrAssetsBase: '/public/ekyc-assets/' };
      const front = await runWork('ocr-front', sending, context);
      if (front?.type !== 'ocr-done') throw new Error(`front: ${front?.type ?? 'nothing'}`);
      expect(front.result.qr).to.deep.equal(CODE);
      expect(front.result.crossCheck).to.deep.equal({ ...ALL_MATCH, issueDate: 'missing' });
      const afterFront = transition(sending, front).state;
      if (afterFront.step !== 'processing') throw new Error(`not sending the back: ${afterFront.step}`);
      const back = await runWork('ocr-back', afterFront, context);
      if (back?.type !== 'ocr-done') throw new Error(`back: ${back?.type ?? 'nothing'}`);
      expect(back.result.crossCheck).to.deep.equal(ALL_MATCH);

      const withoutQr = await runWork('ocr-front', sending, { ...context, qrAssetsBase: undefined });
      if (withoutQr?.type !== 'ocr-done') throw new Error('no answer');
      expect(withoutQr.result).to.not.have.property('qr');
    } finally {
      undo();
    }
  });
});
