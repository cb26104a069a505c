import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { ApiConfig } from '../api/types.js';
import type { EkycCompleteDetail, EkycEmission, Step } from '../events.js';
import type { ElementSettings } from '../flow/config.js';
import type { HandoffActions, HandoffScreen } from '../handoff-screen.js';
import type { TextKey } from '../i18n/localize.js';
import { computerHandoff } from './computer-handoff.js';
import { ComputerDriver } from './computer.js';
import { computerStep, idle, transition, type HandoffEffect, type HandoffInput, type HandoffState } from './machine.js';
import { PhoneDriver } from './phone.js';
import { PHONE_KEY_HEADER, type ClaimedHandoff } from './protocol.js';

export type HandoffHost = ReactiveControllerHost & HTMLElement;

export interface HandoffOptions {
  /** How to reach the integrator's server, as the flow's own calls do. */
  api(): ApiConfig;
  /** The element's settings and the page's link for the phone (`handoff-url`), as they are now. */
  computer(): { settings: ElementSettings; urlTemplate: string | undefined };
  /** On the phone: runs the flow the claim gave. */
  begin(claimed: ClaimedHandoff): void;
  /** The flow's own step, on the phone. */
  step(): Step;
  /** A new screen: its heading takes focus. */
  focus(): void;
  /** The element's text for `key`, in its language. */
  translate(key: TextKey): string;
  /** Fires an event of the element once it has drawn what the event announces (the flow's own emitter). */
  announce(emission: EkycEmission): void;
}

/**
 * "Continue on your phone", both ends: feeds what happens to the pure machine (`machine.ts`), hands its effects to
 * the computer's and the phone's drivers, and says what the screen shows. On the computer: a token from the server,
 * shown as a QR code and a link with the time left, then the phone followed (`ekyc-step` as it moves,
 * `ekyc-complete` with `handoff: true` when it is done). On the phone: the claim, then the flow with the computer's
 * settings, each step told to the computer.
 */
export class HandoffController implements ReactiveController {
  state: HandoffState = idle();
  /** What the screen's buttons do, and where its code is drawn. */
  readonly actions: HandoffActions;

  private readonly computer: ComputerDriver;
  private readonly phone: PhoneDriver;

  constructor(
    private readonly host: HandoffHost,
    private readonly options: HandoffOptions,
  ) {
    const link = { api: () => options.api(), dispatch: (input: HandoffInput) => this.dispatch(input) };
    this.computer = new ComputerDriver(link, () => host.requestUpdate());
    this.phone = new PhoneDriver(host, link);
    this.actions = {
      copy: () => this.state.role === 'computer' && this.state.phase === 'showing' && this.computer.copy(this.state.url),
      renew: this.open,
      back: () => this.dispatch({ type: 'close' }),
      retry: () => this.state.role === 'phone' && this.claim(this.state.token),
      qrCanvas: this.computer.qrCanvas,
    };
    host.addController(this);
  }

  /** The step the computer shows for the phone, while it follows one. */
  get step(): Step | null {
    return computerStep(this.state);
  }

  /** Why the computer is back at its intro, if the phone cancelled. */
  get notice(): TextKey | null {
    return this.state.role === null ? this.state.notice : null;
  }

  /** What the computer's `ekyc-complete` carried. */
  get result(): EkycCompleteDetail | null {
    return this.state.role === 'computer' && this.state.phase === 'done' ? this.state.result : null;
  }

  /** The headers of the phone's uploads: the host's, and its key. */
  uploadHeaders(own: ApiConfig['headers']): ApiConfig['headers'] {
    const state = this.state;
    if (state.role !== 'phone' || !('phoneKey' in state)) return own;
    const { phoneKey } = state;
    return async () => ({ ...(typeof own === 'function' ? await own() : own), [PHONE_KEY_HEADER]: phoneKey });
  }

  hostConnected(): void {
    this.phone.listen();
    // Back in the page while following: follow again from the start (news already seen is skipped).
    if (this.state.role === 'computer' && this.state.phase === 'showing') this.computer.follow(this.state.token);
  }

  hostDisconnected(): void {
    this.phone.unlisten();
    this.computer.stop();
  }

  hostUpdated(): void {
    const state = this.state;
    this.computer.draw(state.role === 'computer' && state.phase === 'showing' && !state.claimed ? state.url : null);
  }

  /** Opens the handoff screen with a new token (or, after a reload, the phone's handoff under way). */
  readonly open = (): void => {
    const { settings, urlTemplate } = this.options.computer();
    const request = computerHandoff(settings, urlTemplate);
    if (request) this.dispatch({ type: 'open', request });
  };

  /** Claims `token` and runs the flow it gives; until then the phone shows that it is connecting. */
  claim(token: string): void {
    this.dispatch({ type: 'claim', token });
  }

  /** The handoff's screen, or `null` where the element shows its own. */
  screen(): HandoffScreen | null {
    const state = this.state;
    switch (state.role) {
      case null:
        return null;
      case 'computer': {
        if (state.phase === 'done') return { end: 'result', result: state.result };
        const showing = state.phase === 'showing' ? state : null;
        return {
          end: 'computer',
          phase: state.phase,
          url: showing?.url ?? null,
          claimed: showing?.claimed ?? false,
          secondsLeft: showing ? Math.max(0, Math.ceil((showing.expiresAt - Date.now()) / 1000)) : 0,
          status: showing?.status ?? 'handoff.status.waiting',
          copied: showing?.copied ?? false,
        };
      }
      case 'phone':
        switch (state.phase) {
          case 'claiming':
            return { end: 'phone', phase: 'claiming', message: 'handoff.connecting' };
          case 'refused':
          case 'failed':
            return { end: 'phone', phase: state.phase, message: state.message };
          case 'cancelled':
            return { end: 'phone', phase: 'over', message: 'handoff.phone-cancelled' };
          case 'running':
          case 'done':
            return this.options.step() === 'done' ? { end: 'phone', phase: 'over', message: 'handoff.phone-done', title: 'step.done.title' } : null;
        }
    }
  }

  private dispatch(input: HandoffInput): void {
    const { state, effects } = transition(this.state, input);
    const changed = state !== this.state;
    this.state = state;
    for (const effect of effects) this.run(effect);
    if (changed) this.host.requestUpdate();
  }

  private run(effect: HandoffEffect): void {
    switch (effect.type) {
      case 'create':
        this.computer.create(effect.request);
        break;
      case 'follow':
        this.computer.follow(effect.token);
        break;
      case 'stop-following':
        this.computer.stop();
        break;
      case 'claim':
        this.phone.claim(effect.token);
        break;
      case 'begin':
        this.options.begin(effect.claimed);
        break;
      case 'send':
        this.phone.send(effect.token, effect.phoneKey, effect.news);
        break;
      case 'emit':
        this.options.announce(effect.emission);
        break;
      case 'error':
        this.options.announce({ name: 'ekyc-error', detail: { ...effect.detail, message: this.options.translate(effect.message) } });
        break;
      case 'focus':
        void this.host.updateComplete.then(() => this.options.focus());
        break;
      default: {
        const unknown: never = effect;
        return unknown;
      }
    }
  }
}
