import { expect } from 'chai';
import { describe, it } from 'node:test';
import type { EkycCompleteDetail } from '../../src/events.js';
import {
  computerStep,
  idle,
  transition,
  type ClaimFailure,
  type HandoffEffect,
  type HandoffInput,
  type HandoffRequest,
  type HandoffState,
} from '../../src/handoff/machine.js';
import type { ClaimedHandoff } from '../../src/handoff/protocol.js';

const REQUEST: HandoffRequest = {
  sessionId: 's1',
  urlTemplate: 'https://bank.example/verify?x=1#{token}',
  settings: { documentType: 'idr', flow: 'full', lang: 'en', livenessChallenge: 'none' },
};
const TOKEN = 'T/k+n';
const EXPIRES = '2030-01-01T00:10:00.000Z';
const CLAIMED: ClaimedHandoff = { sessionId: 's1', phoneKey: 'key-1', settings: REQUEST.settings };

const result = (image?: Blob): EkycCompleteDetail => {
  const detail: EkycCompleteDetail = {
    sessionId: 's1',
    ocr: { fields: {}, front: { errorCode: '0', errorMessage: '', data: [] }, back: null, qr: null, crossCheck: null },
    face: null,
    integrity: { signals: [], flagged: false },
  };
  // A photo where none belongs: the news must not carry it.
  return image ? ({ ...detail, image } as EkycCompleteDetail) : detail;
};

/** Runs inputs in order; returns the final state and every effect. */
function run(inputs: HandoffInput[], state: HandoffState = idle()): { state: HandoffState; effects: HandoffEffect[] } {
  const effects: HandoffEffect[] = [];
  for (const input of inputs) {
    const next = transition(state, input);
    state = next.state;
    effects.push(...next.effects);
  }
  return { state, effects };
}

const types = (effects: HandoffEffect[]) => effects.map((effect) => effect.type);
const emitted = (effects: HandoffEffect[]) => effects.flatMap((effect) => (effect.type === 'emit' ? [effect.emission] : []));
const sent = (effects: HandoffEffect[]) => effects.flatMap((effect) => (effect.type === 'send' ? [effect.news] : []));

const OPENED: HandoffInput[] = [{ type: 'open', request: REQUEST }];
const SHOWING: HandoffInput[] = [...OPENED, { type: 'created', token: TOKEN, expiresAt: EXPIRES, claimed: false }];
const CLAIMING: HandoffInput[] = [{ type: 'claim', token: TOKEN }];
const RUNNING: HandoffInput[] = [...CLAIMING, { type: 'claimed', token: TOKEN, claimed: CLAIMED }];

/** Every input, for the checks that some state ignores all but a few. */
const EVERY_INPUT: HandoffInput[] = [
  { type: 'open', request: REQUEST },
  { type: 'created', token: TOKEN, expiresAt: EXPIRES, claimed: false },
  { type: 'create-failed' },
  { type: 'tick', now: Date.parse(EXPIRES) + 1 },
  { type: 'news', event: { seq: 1, state: 'connected' } },
  { type: 'gone' },
  { type: 'copied' },
  { type: 'close' },
  { type: 'claim', token: TOKEN },
  { type: 'claimed', token: TOKEN, claimed: CLAIMED },
  { type: 'claim-failed', token: TOKEN, failure: 'network', status: null },
  { type: 'flow-step', step: 'selfie', previousStep: 'document-back' },
  { type: 'flow-complete', result: result() },
  { type: 'flow-cancelled' },
];

/** The inputs `state` changes on or acts on; every other leaves it as it is, with nothing to do. */
function heeded(state: HandoffState): HandoffInput['type'][] {
  return EVERY_INPUT.flatMap((input) => {
    const next = transition(state, input);
    return next.state === state && next.effects.length === 0 ? [] : [input.type];
  });
}

describe('handoff machine: the computer', () => {
  it('starts idle, with no step of its own and no notice', () => {
    const state = idle();
    expect(state).to.deep.equal({ role: null, notice: null });
    expect(computerStep(state)).to.equal(null);
  });

  it('opens: asks the server for a token, stops any following, and shows a new screen at the intro step', () => {
    const { state, effects } = run(OPENED);
    expect(state).to.deep.equal({ role: 'computer', phase: 'creating', urlTemplate: REQUEST.urlTemplate, phoneStep: 'intro' });
    expect(effects).to.deep.equal([{ type: 'stop-following' }, { type: 'focus' }, { type: 'create', request: REQUEST }]);
    expect(computerStep(state)).to.equal('intro');
  });

  it('shows the code with the link made from the token, and follows it', () => {
    const { state, effects } = run(SHOWING);
    expect(state).to.deep.equal({
      role: 'computer',
      phase: 'showing',
      token: TOKEN,
      url: `https://bank.example/verify?x=1#${encodeURIComponent(TOKEN)}`,
      expiresAt: Date.parse(EXPIRES),
      claimed: false,
      status: 'handoff.status.waiting',
      phoneStep: 'intro',
      copied: false,
    });
    expect(effects.at(-1)).to.deep.equal({ type: 'follow', token: TOKEN });
  });

  it('rejoins a handoff a phone already holds: claimed from the start, the code is not offered', () => {
    const { state } = run([...OPENED, { type: 'created', token: TOKEN, expiresAt: EXPIRES, claimed: true }]);
    expect(state).to.include({ phase: 'showing', claimed: true });
  });

  it('says the server could not be reached when it gives no token', () => {
    const { state, effects } = run([...OPENED, { type: 'create-failed' }]);
    expect(state).to.deep.equal({ role: 'computer', phase: 'failed', phoneStep: 'intro' });
    expect(effects.slice(3)).to.deep.equal([]);
  });

  it('takes a token or a failure only while it waits for one', () => {
    const shown = run(SHOWING).state;
    expect(transition(shown, { type: 'created', token: 'other', expiresAt: EXPIRES, claimed: false }).state).to.equal(shown);
    expect(transition(shown, { type: 'create-failed' }).state).to.equal(shown);
    // Back to this device before the server answered: the answer is dropped.
    const back = run([...OPENED, { type: 'close' }]).state;
    expect(run([{ type: 'created', token: TOKEN, expiresAt: EXPIRES, claimed: false }], back).state).to.equal(back);
  });

  it('ticks on while the code is valid, and expires it unclaimed: following stops, a new screen', () => {
    const shown = run(SHOWING).state;
    const early = transition(shown, { type: 'tick', now: Date.parse(EXPIRES) - 1 });
    expect(early.state).to.equal(shown);
    expect(early.effects).to.deep.equal([]);
    const late = transition(shown, { type: 'tick', now: Date.parse(EXPIRES) });
    expect(late.state).to.deep.equal({ role: 'computer', phase: 'expired', phoneStep: 'intro' });
    expect(types(late.effects)).to.deep.equal(['stop-following', 'focus']);
  });

  it('never expires a code a phone has claimed', () => {
    const claimed = run([...SHOWING, { type: 'news', event: { seq: 2, state: 'connected' } }]).state;
    expect(transition(claimed, { type: 'tick', now: Date.parse(EXPIRES) + 60_000 }).state).to.equal(claimed);
  });

  it('hears the phone: waiting changes nothing, connected claims, each step is told in words and fires ekyc-step', () => {
    const shown = run(SHOWING).state;
    expect(transition(shown, { type: 'news', event: { seq: 1, state: 'waiting' } }).state).to.equal(shown);
    const { state, effects } = run(
      [
        { type: 'news', event: { seq: 2, state: 'connected' } },
        { type: 'news', event: { seq: 3, state: 'step', step: 'document-front', previousStep: 'intro' } },
        { type: 'news', event: { seq: 4, state: 'step', step: 'document-back', previousStep: 'document-front' } },
      ],
      shown,
    );
    expect(state).to.include({ claimed: true, status: 'handoff.status.document-back', phoneStep: 'document-back' });
    expect(computerStep(state)).to.equal('document-back');
    expect(emitted(effects)).to.deep.equal([
      { name: 'ekyc-step', detail: { step: 'document-front', previousStep: 'intro' } },
      { name: 'ekyc-step', detail: { step: 'document-back', previousStep: 'document-front' } },
    ]);
    // A step without words of its own: the phone is connected.
    expect(run([{ type: 'news', event: { seq: 5, state: 'step', step: 'document-front', previousStep: 'intro' } }], shown).state).to.include({
      status: 'handoff.status.connected',
    });
    expect(run([{ type: 'news', event: { seq: 5, state: 'step', step: 'processing', previousStep: 'selfie' } }], shown).state).to.include({
      status: 'handoff.status.processing',
    });
  });

  it('ends with the phone: the result screen, and ekyc-complete with handoff: true once it is drawn', () => {
    const { state, effects } = run([...SHOWING, { type: 'news', event: { seq: 9, state: 'done', result: result() } }]);
    expect(state).to.deep.equal({ role: 'computer', phase: 'done', result: { ...result(), handoff: true } });
    expect(computerStep(state)).to.equal('done');
    const last = effects.slice(-3);
    expect(last).to.deep.equal([
      { type: 'stop-following' },
      { type: 'focus' },
      { type: 'emit', emission: { name: 'ekyc-complete', detail: { ...result(), handoff: true } } },
    ]);
    // Nothing more to hear from the phone.
    expect(heeded(state)).to.deep.equal(['open', 'close', 'claim']);
  });

  it('goes back to the intro when the phone cancels, says so, and fires ekyc-cancel with the phone’s step', () => {
    const { state, effects } = run([
      ...SHOWING,
      { type: 'news', event: { seq: 3, state: 'step', step: 'document-back', previousStep: 'document-front' } },
      { type: 'news', event: { seq: 4, state: 'cancelled' } },
    ]);
    expect(state).to.deep.equal({ role: null, notice: 'handoff.cancelled' });
    expect(computerStep(state)).to.equal(null);
    expect(effects.slice(-3)).to.deep.equal([
      { type: 'stop-following' },
      { type: 'focus' },
      { type: 'emit', emission: { name: 'ekyc-cancel', detail: { step: 'document-back' } } },
    ]);
  });

  it('hears news only while it shows the handoff', () => {
    for (const inputs of [OPENED, [...OPENED, { type: 'create-failed' } as const], []]) {
      const state = run(inputs).state;
      expect(transition(state, { type: 'news', event: { seq: 2, state: 'connected' } }).state).to.equal(state);
    }
  });

  it('when the server no longer knows the token: expired if unclaimed, failed if a phone had it', () => {
    const unclaimed = run([...SHOWING, { type: 'gone' }]);
    expect(unclaimed.state).to.deep.equal({ role: 'computer', phase: 'expired', phoneStep: 'intro' });
    expect(types(unclaimed.effects).slice(-2)).to.deep.equal(['stop-following', 'focus']);
    const claimed = run([
      ...SHOWING,
      { type: 'news', event: { seq: 3, state: 'step', step: 'selfie', previousStep: 'document-back' } },
      { type: 'gone' },
    ]);
    expect(claimed.state).to.deep.equal({ role: 'computer', phase: 'failed', phoneStep: 'selfie' });
    expect(computerStep(claimed.state)).to.equal('selfie');
    expect(transition(run(OPENED).state, { type: 'gone' }).effects).to.deep.equal([]);
  });

  it('notes a copied link, only while the link is shown', () => {
    expect(run([...SHOWING, { type: 'copied' }]).state).to.include({ copied: true });
    const expired = run([...SHOWING, { type: 'gone' }]).state;
    expect(transition(expired, { type: 'copied' }).state).to.equal(expired);
  });

  it('renews an expired or failed code: a new token is asked for', () => {
    for (const stop of [{ type: 'gone' } as const, { type: 'tick', now: Date.parse(EXPIRES) } as const]) {
      const { state, effects } = run([...SHOWING, stop, ...OPENED]);
      expect(state).to.include({ phase: 'creating' });
      expect(effects.at(-1)).to.deep.equal({ type: 'create', request: REQUEST });
    }
    expect(run([...OPENED, { type: 'create-failed' }, ...OPENED]).state).to.include({ phase: 'creating' });
  });

  it('goes back to this device on request, from any phase, with no notice', () => {
    for (const inputs of [OPENED, SHOWING, [...SHOWING, { type: 'gone' } as const]]) {
      const { state, effects } = run([...inputs, { type: 'close' }]);
      expect(state).to.deep.equal({ role: null, notice: null });
      expect(types(effects).slice(-2)).to.deep.equal(['stop-following', 'focus']);
    }
    const notice = run([...SHOWING, { type: 'news', event: { seq: 4, state: 'cancelled' } }]).state;
    expect(transition(notice, { type: 'close' }).state).to.equal(notice);
  });

  it('ignores what only a phone hears', () => {
    expect(heeded(run(SHOWING).state)).to.deep.equal(['open', 'tick', 'news', 'gone', 'copied', 'close', 'claim']);
  });
});

describe('handoff machine: the phone', () => {
  it('claims its token on a new screen, connecting', () => {
    const { state, effects } = run(CLAIMING);
    expect(state).to.deep.equal({ role: 'phone', phase: 'claiming', token: TOKEN });
    expect(effects).to.deep.equal([{ type: 'stop-following' }, { type: 'focus' }, { type: 'claim', token: TOKEN }]);
    expect(computerStep(state)).to.equal(null);
  });

  it('runs the flow the claim gave, with the key of its uploads', () => {
    const { state, effects } = run(RUNNING);
    expect(state).to.deep.equal({ role: 'phone', phase: 'running', token: TOKEN, phoneKey: 'key-1' });
    expect(effects.at(-1)).to.deep.equal({ type: 'begin', claimed: CLAIMED });
  });

  it('drops the answer to a claim of another token', () => {
    const claiming = run(CLAIMING).state;
    expect(transition(claiming, { type: 'claimed', token: 'other', claimed: CLAIMED }).state).to.equal(claiming);
    expect(transition(claiming, { type: 'claim-failed', token: 'other', failure: 'handoff-used', status: 409 }).state).to.equal(claiming);
  });

  const refusals: [ClaimFailure, number | null, 'refused' | 'failed', string, boolean][] = [
    ['handoff-used', 409, 'refused', 'error.handoff-used', false],
    ['handoff-expired', 404, 'refused', 'error.handoff-expired', false],
    ['network', null, 'failed', 'error.network', true],
    ['timeout', null, 'failed', 'error.network', true],
  ];
  for (const [failure, status, phase, message, recoverable] of refusals) {
    it(`says why a claim failed (${failure}), and fires ekyc-error ${failure} at the intro`, () => {
      const { state, effects } = run([...CLAIMING, { type: 'claim-failed', token: TOKEN, failure, status }]);
      expect(state).to.deep.equal({ role: 'phone', phase, token: TOKEN, message });
      const detail = { code: failure, step: 'intro', recoverable, ...(status === null ? {} : { status }) };
      expect(effects.slice(3)).to.deep.equal([{ type: 'focus' }, { type: 'error', detail, message }]);
      // The phone never starts: nothing it would tell the computer.
      expect(heeded(state)).to.deep.equal(['open', 'claim']);
    });
  }

  it('keeps a refused link’s status out of a connection failure', () => {
    const { effects } = run([...CLAIMING, { type: 'claim-failed', token: TOKEN, failure: 'network', status: 502 }]);
    const error = effects.find((effect) => effect.type === 'error');
    expect(error?.type === 'error' && error.detail).to.deep.equal({ code: 'network', step: 'intro', recoverable: true });
  });

  it('claims again after a connection failure', () => {
    const { state, effects } = run([...CLAIMING, { type: 'claim-failed', token: TOKEN, failure: 'network', status: null }, ...CLAIMING]);
    expect(state).to.deep.equal({ role: 'phone', phase: 'claiming', token: TOKEN });
    expect(effects.at(-1)).to.deep.equal({ type: 'claim', token: TOKEN });
  });

  it('tells the computer each step of its flow, with its token and key', () => {
    const { state, effects } = run([
      ...RUNNING,
      { type: 'flow-step', step: 'document-front', previousStep: 'intro' },
      { type: 'flow-step', step: 'document-back', previousStep: 'document-front' },
    ]);
    expect(state).to.deep.equal(run(RUNNING).state);
    expect(effects.slice(-2)).to.deep.equal([
      { type: 'send', token: TOKEN, phoneKey: 'key-1', news: { state: 'step', step: 'document-front', previousStep: 'intro' } },
      { type: 'send', token: TOKEN, phoneKey: 'key-1', news: { state: 'step', step: 'document-back', previousStep: 'document-front' } },
    ]);
  });

  it('tells the computer its result without a photo, then tells nothing more', () => {
    const { state, effects } = run([...RUNNING, { type: 'flow-complete', result: result(new Blob(['jpeg'])) }]);
    expect(state).to.deep.equal({ role: 'phone', phase: 'done', token: TOKEN, phoneKey: 'key-1' });
    const [news] = sent(effects);
    // A plain copy: the photo is an empty object, not a `Blob`.
    expect(news).to.deep.equal({ state: 'done', result: { ...result(), image: {} } });
    expect(heeded(state)).to.deep.equal(['open', 'claim']);
  });

  it('tells the computer it cancelled, on a new screen, then tells nothing more', () => {
    const { state, effects } = run([...RUNNING, { type: 'flow-cancelled' }]);
    expect(state).to.deep.equal({ role: 'phone', phase: 'cancelled', token: TOKEN, phoneKey: 'key-1' });
    expect(effects.slice(-2)).to.deep.equal([{ type: 'send', token: TOKEN, phoneKey: 'key-1', news: { state: 'cancelled' } }, { type: 'focus' }]);
    expect(heeded(state)).to.deep.equal(['open', 'claim']);
  });

  it('tells nothing before its claim is given', () => {
    const claiming = run(CLAIMING).state;
    for (const input of [
      { type: 'flow-step', step: 'document-front', previousStep: 'intro' },
      { type: 'flow-complete', result: result() },
      { type: 'flow-cancelled' },
    ] as const) {
      expect(transition(claiming, input)).to.deep.equal({ state: claiming, effects: [] });
    }
  });

  it('ignores what only a computer hears', () => {
    expect(heeded(run(RUNNING).state)).to.deep.equal(['open', 'claim', 'flow-step', 'flow-complete', 'flow-cancelled']);
  });
});

describe('handoff machine: the element on its own', () => {
  it('heeds only an open or a claim', () => {
    expect(heeded(idle())).to.deep.equal(['open', 'claim']);
    expect(heeded(idle('handoff.cancelled'))).to.deep.equal(['open', 'claim']);
  });
});
