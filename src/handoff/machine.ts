import type { EkycCompleteDetail, EkycEmission, EkycErrorDetail, Step } from '../events.js';
import type { TextKey } from '../i18n/localize.js';
import type { ClaimedHandoff, HandoffEvent, HandoffNews, HandoffSettings } from './protocol.js';

/** What the computer asks the server for: a handoff of its session, and the page's link for the phone. */
export interface HandoffRequest {
  sessionId: string;
  /** The page's link for the phone, with `{token}` where the token goes (`handoff-url`). */
  urlTemplate: string;
  settings: HandoffSettings;
}

/** Neither end of a handoff: the element runs its own flow; `notice` says why the computer came back to it. */
export interface IdleState {
  role: null;
  notice: TextKey | null;
}

/** The computer, asking the server for a token. */
export interface CreatingState {
  role: 'computer';
  phase: 'creating';
  urlTemplate: string;
  phoneStep: Step;
}

/** The computer shows the code and the link (until a phone claims them), and follows the phone. */
export interface ShowingState {
  role: 'computer';
  phase: 'showing';
  token: string;
  url: string;
  /** When the code expires unclaimed (ms since the epoch). */
  expiresAt: number;
  /** A phone holds the handoff: the code and the link are no longer shown. */
  claimed: boolean;
  /** The phone's progress, in words. */
  status: TextKey;
  /** The step the phone last told: the computer's own `step` meanwhile. */
  phoneStep: Step;
  copied: boolean;
}

/** The computer's code expired unclaimed (`expired`), or the server could not be reached or lost the handoff (`failed`). */
export interface StoppedState {
  role: 'computer';
  phase: 'expired' | 'failed';
  phoneStep: Step;
}

/** The phone is done: what its `ekyc-complete` carried, with `handoff: true`. */
export interface ComputerDoneState {
  role: 'computer';
  phase: 'done';
  result: EkycCompleteDetail;
}

export type ComputerState = CreatingState | ShowingState | StoppedState | ComputerDoneState;

/** The phone, claiming its token. */
export interface ClaimingState {
  role: 'phone';
  phase: 'claiming';
  token: string;
}

/** The phone's claim was refused (`refused`: the link is used or expired) or got no answer (`failed`: it may try again). */
export interface RefusedState {
  role: 'phone';
  phase: 'refused' | 'failed';
  token: string;
  /** Why, in the element's words. */
  message: TextKey;
}

/** The phone runs the computer's flow (`running`), and tells the computer until it is over (`done`, `cancelled`). */
export interface PhoneRunState {
  role: 'phone';
  phase: 'running' | 'done' | 'cancelled';
  token: string;
  /** The key of the phone's uploads and news, from its claim. */
  phoneKey: string;
}

export type PhoneState = ClaimingState | RefusedState | PhoneRunState;

/** Both ends of a handoff, one shape a phase. */
export type HandoffState = IdleState | ComputerState | PhoneState;

/** Why a claim did not give the phone its flow: the server's refusal, or no answer. */
export type ClaimFailure = 'handoff-used' | 'handoff-expired' | 'network' | 'timeout';

/** What can happen to a handoff: the user's clicks, the server's answers and news, the phone's own flow. */
export type HandoffInput =
  // The computer
  | { type: 'open'; request: HandoffRequest }
  | { type: 'created'; token: string; expiresAt: string; claimed: boolean }
  | { type: 'create-failed' }
  | { type: 'tick'; now: number }
  | { type: 'news'; event: HandoffEvent }
  | { type: 'gone' }
  | { type: 'copied' }
  | { type: 'close' }
  // The phone
  | { type: 'claim'; token: string }
  | { type: 'claimed'; token: string; claimed: ClaimedHandoff }
  | { type: 'claim-failed'; token: string; failure: ClaimFailure; status: number | null }
  | { type: 'flow-step'; step: Step; previousStep: Step }
  | { type: 'flow-complete'; result: EkycCompleteDetail }
  | { type: 'flow-cancelled' };

/** What the drivers must do after a transition, in order. */
export type HandoffEffect =
  | { type: 'create'; request: HandoffRequest }
  /** Follow the handoff's news, and tick while the code waits. */
  | { type: 'follow'; token: string }
  | { type: 'stop-following' }
  | { type: 'claim'; token: string }
  /** Run the flow the claim gave. */
  | { type: 'begin'; claimed: ClaimedHandoff }
  /** Tell the computer, in order, through a lost connection. */
  | { type: 'send'; token: string; phoneKey: string; news: HandoffNews }
  /** Fire an event once the new screen is drawn. */
  | { type: 'emit'; emission: EkycEmission }
  /** Fire `ekyc-error` once the new screen is drawn, its message the element's text `message`. */
  | { type: 'error'; detail: Omit<EkycErrorDetail, 'message'>; message: TextKey }
  /** A new screen: its heading takes focus once drawn. */
  | { type: 'focus' };

export interface HandoffTransition {
  state: HandoffState;
  effects: HandoffEffect[];
}

export const idle = (notice: TextKey | null = null): IdleState => ({ role: null, notice });

/** The computer's words for the phone's step. */
const STATUS: Partial<Record<Step, TextKey>> = {
  'document-back': 'handoff.status.document-back',
  selfie: 'handoff.status.selfie',
  processing: 'handoff.status.processing',
  error: 'handoff.status.error',
  done: 'handoff.status.done',
};

const CLAIM_FAILURE_WORDS: Record<ClaimFailure, TextKey> = {
  'handoff-used': 'error.handoff-used',
  'handoff-expired': 'error.handoff-expired',
  network: 'error.network',
  timeout: 'error.network',
};

/** The computer's step while it follows the phone: the phone's, or `done`; `null` when it is no computer. */
export function computerStep(state: HandoffState): Step | null {
  if (state.role !== 'computer') return null;
  return state.phase === 'done' ? 'done' : state.phoneStep;
}

const send = ({ token, phoneKey }: PhoneRunState, news: HandoffNews): HandoffEffect => ({ type: 'send', token, phoneKey, news });

function onNews(state: ShowingState, event: HandoffEvent, effects: HandoffEffect[]): HandoffState {
  switch (event.state) {
    case 'waiting':
      return state;
    case 'connected':
      return { ...state, claimed: true, status: 'handoff.status.connected' };
    case 'step':
      effects.push({ type: 'emit', emission: { name: 'ekyc-step', detail: { step: event.step, previousStep: event.previousStep } } });
      return { ...state, claimed: true, status: STATUS[event.step] ?? 'handoff.status.connected', phoneStep: event.step };
    case 'done': {
      const result: EkycCompleteDetail = { ...event.result, handoff: true };
      effects.push({ type: 'stop-following' }, { type: 'focus' }, { type: 'emit', emission: { name: 'ekyc-complete', detail: result } });
      return { role: 'computer', phase: 'done', result };
    }
    case 'cancelled':
      effects.push({ type: 'stop-following' }, { type: 'focus' }, { type: 'emit', emission: { name: 'ekyc-cancel', detail: { step: state.phoneStep } } });
      return idle('handoff.cancelled');
    default: {
      const unknown: never = event;
      return unknown;
    }
  }
}

/**
 * "Continue on your phone", both ends, as one pure function. The computer: a token from the server, the code
 * shown until it expires or a phone claims it, the phone's news, its end. The phone: the claim, refused or
 * given, then its own flow's steps told to the computer.
 */
export function transition(state: HandoffState, input: HandoffInput): HandoffTransition {
  const effects: HandoffEffect[] = [];
  const result = (next: HandoffState): HandoffTransition => ({ state: next, effects });

  switch (input.type) {
    case 'open':
      effects.push({ type: 'stop-following' }, { type: 'focus' }, { type: 'create', request: input.request });
      return result({ role: 'computer', phase: 'creating', urlTemplate: input.request.urlTemplate, phoneStep: 'intro' });
    case 'created': {
      if (state.role !== 'computer' || state.phase !== 'creating') return result(state);
      const { token, claimed } = input;
      const url = state.urlTemplate.replaceAll('{token}', encodeURIComponent(token));
      effects.push({ type: 'follow', token });
      const status = 'handoff.status.waiting';
      return result({ role: 'computer', phase: 'showing', token, url, expiresAt: Date.parse(input.expiresAt), claimed, status, phoneStep: state.phoneStep, copied: false });
    }
    case 'create-failed':
      if (state.role !== 'computer' || state.phase !== 'creating') return result(state);
      return result({ role: 'computer', phase: 'failed', phoneStep: state.phoneStep });
    case 'tick':
      if (state.role !== 'computer' || state.phase !== 'showing' || state.claimed || input.now < state.expiresAt) return result(state);
      effects.push({ type: 'stop-following' }, { type: 'focus' });
      return result({ role: 'computer', phase: 'expired', phoneStep: state.phoneStep });
    case 'news':
      if (state.role !== 'computer' || state.phase !== 'showing') return result(state);
      return result(onNews(state, input.event, effects));
    case 'gone':
      // The server no longer knows the token: expired unclaimed, or the phone's handoff is lost.
      if (state.role !== 'computer' || state.phase !== 'showing') return result(state);
      effects.push({ type: 'stop-following' }, { type: 'focus' });
      return result({ role: 'computer', phase: state.claimed ? 'failed' : 'expired', phoneStep: state.phoneStep });
    case 'copied':
      if (state.role !== 'computer' || state.phase !== 'showing') return result(state);
      return result({ ...state, copied: true });
    case 'close':
      if (state.role !== 'computer') return result(state);
      effects.push({ type: 'stop-following' }, { type: 'focus' });
      return result(idle());
    case 'claim':
      effects.push({ type: 'stop-following' }, { type: 'focus' }, { type: 'claim', token: input.token });
      return result({ role: 'phone', phase: 'claiming', token: input.token });
    case 'claimed':
      if (state.role !== 'phone' || state.phase !== 'claiming' || state.token !== input.token) return result(state);
      effects.push({ type: 'begin', claimed: input.claimed });
      return result({ role: 'phone', phase: 'running', token: input.token, phoneKey: input.claimed.phoneKey });
    case 'claim-failed': {
      if (state.role !== 'phone' || state.phase !== 'claiming' || state.token !== input.token) return result(state);
      const refused = input.failure === 'handoff-used' || input.failure === 'handoff-expired';
      const message = CLAIM_FAILURE_WORDS[input.failure];
      const detail: Omit<EkycErrorDetail, 'message'> = { code: input.failure, step: 'intro', recoverable: !refused };
      if (refused && input.status !== null) detail.status = input.status;
      effects.push({ type: 'focus' }, { type: 'error', detail, message });
      return result({ role: 'phone', phase: refused ? 'refused' : 'failed', token: input.token, message });
    }
    case 'flow-step':
      if (state.role !== 'phone' || state.phase !== 'running') return result(state);
      effects.push(send(state, { state: 'step', step: input.step, previousStep: input.previousStep }));
      return result(state);
    case 'flow-complete': {
      if (state.role !== 'phone' || state.phase !== 'running') return result(state);
      // Fields and scores only: a JSON copy cannot carry a photo.
      const copy = JSON.parse(JSON.stringify(input.result)) as EkycCompleteDetail;
      effects.push(send(state, { state: 'done', result: copy }));
      return result({ ...state, phase: 'done' });
    }
    case 'flow-cancelled':
      if (state.role !== 'phone' || state.phase !== 'running') return result(state);
      effects.push(send(state, { state: 'cancelled' }), { type: 'focus' });
      return result({ ...state, phase: 'cancelled' });
    default: {
      const unknown: never = input;
      return unknown;
    }
  }
}
