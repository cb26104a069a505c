import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { ApiConfig } from '../api/types.js';
import { EkycApiError } from '../api/errors.js';
import { createEkycEvent, type EkycCompleteDetail, type EkycErrorCode, type EkycEventMap, type Step } from '../events.js';
import type { ElementSettings } from '../flow/config.js';
import type { DoneState } from '../flow/types.js';
import type { StringKey } from '../i18n/localize.js';
import type { Translate } from '../views/common.js';
import { renderDone } from '../views/done.js';
import { renderComputerHandoff, renderPhoneHandoff, type PhoneHandoffView } from '../views/handoff.js';
import { nthDelay, pause, waits } from '../platform/waits.js';
import { computerHandoff } from './computer-handoff.js';
import { follow } from './follow.js';
import {
  claimHandoff,
  createHandoff,
  HandoffRefused,
  PHONE_KEY_HEADER,
  sendNews,
  type ClaimedHandoff,
  type HandoffEvent,
  type HandoffNews,
} from './protocol.js';
import { drawQrCode } from './qr-code.js';

export interface HandoffHost extends ReactiveControllerHost, HTMLElement {
  readonly renderRoot: HTMLElement | DocumentFragment;
}

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
  translate(key: StringKey): string;
}

type ComputerPhase = 'creating' | 'showing' | 'expired' | 'failed' | 'done';
type PhonePhase = 'claiming' | 'refused' | 'failed' | 'running' | 'done' | 'cancelled';


const STATUS: Partial<Record<Step, StringKey>> = {
  'document-back': 'handoff.status.document-back',
  selfie: 'handoff.status.selfie',
  processing: 'handoff.status.processing',
  error: 'handoff.status.error',
  done: 'handoff.status.done',
};


/**
 * "Continue on your phone", both ends. On the computer: asks the server for a token, shows it as a QR code
 * and a link with the time left, and follows the phone (`ekyc-step` as it moves, `ekyc-complete` with
 * `handoff: true` when it is done). On the phone: claims the token, runs the flow with the computer's
 * settings, and tells the computer each step, resending what a lost connection held back.
 */
export class HandoffController implements ReactiveController {
  /** `computer` while the handoff screen is up; `phone` from a `handoff-token` on. */
  role: 'computer' | 'phone' | null = null;
  /** Why the computer is back at its intro, if the phone cancelled. */
  notice: StringKey | null = null;
  /** What the computer's `ekyc-complete` carried. */
  result: EkycCompleteDetail | null = null;

  private computerPhase: ComputerPhase = 'creating';
  private phonePhase: PhonePhase = 'claiming';
  private refusal: StringKey = 'error.handoff-expired';
  private token: string | null = null;
  private url: string | null = null;
  private claimed = false;
  private expiresAt = 0;
  private status: StringKey = 'handoff.status.waiting';
  private phoneStep: Step = 'intro';
  private copied = false;
  private ticker: ReturnType<typeof setInterval> | undefined;
  private following: AbortController | null = null;
  private phoneKey: string | null = null;
  private sent = 0;
  private outbox: HandoffNews[] = [];
  private sending = false;

  constructor(
    private readonly host: HandoffHost,
    private readonly options: HandoffOptions,
  ) {
    host.addController(this);
  }

  /** The step the computer shows for the phone, while it follows one. */
  get step(): Step | null {
    if (this.role !== 'computer') return null;
    return this.computerPhase === 'done' ? 'done' : this.phoneStep;
  }

  /** The headers of the phone's uploads: the host's, and its key. */
  uploadHeaders(own: ApiConfig['headers']): ApiConfig['headers'] {
    const phoneKey = this.phoneKey;
    if (this.role !== 'phone' || phoneKey === null) return own;
    return async () => ({ ...(typeof own === 'function' ? await own() : own), [PHONE_KEY_HEADER]: phoneKey });
  }

  hostConnected(): void {
    this.host.addEventListener('ekyc-step', this.onStep);
    this.host.addEventListener('ekyc-complete', this.onComplete);
    this.host.addEventListener('ekyc-cancel', this.onCancel);
    // Back in the page while following: follow again from the start (news already seen is skipped).
    if (this.role === 'computer' && this.computerPhase === 'showing' && this.token) this.follow(this.token);
  }

  hostDisconnected(): void {
    this.host.removeEventListener('ekyc-step', this.onStep);
    this.host.removeEventListener('ekyc-complete', this.onComplete);
    this.host.removeEventListener('ekyc-cancel', this.onCancel);
    this.stopFollowing();
  }

  hostUpdated(): void {
    const canvas = this.host.renderRoot.querySelector<HTMLCanvasElement>('canvas[part~="handoff-qr"]');
    const text = canvas?.dataset['text'];
    if (canvas && text && canvas.dataset['drawn'] !== text) {
      canvas.dataset['drawn'] = text;
      void drawQrCode(canvas, text).catch(() => undefined);
    }
  }

  // The computer

  /** Opens the handoff screen with a new token (or, after a reload, the phone's handoff under way). */
  open = (): void => {
    const { settings, urlTemplate } = this.options.computer();
    const computer = computerHandoff(settings, urlTemplate);
    if (!computer) return;
    this.role = 'computer';
    this.notice = null;
    this.result = null;
    this.computerPhase = 'creating';
    this.claimed = false;
    this.copied = false;
    this.phoneStep = 'intro';
    this.status = 'handoff.status.waiting';
    this.stopFollowing();
    this.changed(true);
    createHandoff(this.options.api(), computer.sessionId, computer.settings).then(
      ({ token, expiresAt, claimed }) => {
        if (this.role !== 'computer') return;
        this.token = token;
        this.url = computer.urlTemplate.replaceAll('{token}', encodeURIComponent(token));
        this.expiresAt = Date.parse(expiresAt);
        this.claimed = claimed;
        this.computerPhase = 'showing';
        this.follow(token);
        this.ticker = setInterval(this.tick, 1_000);
        this.changed();
      },
      () => {
        if (this.role !== 'computer') return;
        this.computerPhase = 'failed';
        this.changed();
      },
    );
  };

  /** Back to this device's own intro. */
  private readonly close = (notice: StringKey | null = null): void => {
    this.stopFollowing();
    this.role = null;
    this.token = null;
    this.url = null;
    this.notice = notice;
    this.changed(true);
  };

  private readonly tick = (): void => {
    if (this.computerPhase !== 'showing' || this.claimed) return;
    if (Date.now() >= this.expiresAt) {
      this.stopFollowing();
      this.computerPhase = 'expired';
      this.changed(true);
      return;
    }
    this.host.requestUpdate();
  };

  private follow(token: string): void {
    this.following?.abort();
    const following = new AbortController();
    this.following = following;
    void follow({
      api: this.options.api(),
      token,
      signal: following.signal,
      onEvent: (event) => this.onNews(event),
      onGone: () => {
        if (following.signal.aborted) return;
        this.stopFollowing();
        this.computerPhase = this.claimed ? 'failed' : 'expired';
        this.changed(true);
      },
    });
  }

  private stopFollowing(): void {
    this.following?.abort();
    this.following = null;
    clearInterval(this.ticker);
    this.ticker = undefined;
  }

  private onNews(event: HandoffEvent): void {
    switch (event.state) {
      case 'waiting':
        return;
      case 'connected':
        this.claimed = true;
        this.status = 'handoff.status.connected';
        break;
      case 'step':
        this.claimed = true;
        this.status = STATUS[event.step] ?? 'handoff.status.connected';
        this.phoneStep = event.step;
        this.emit('ekyc-step', { step: event.step, previousStep: event.previousStep });
        break;
      case 'done': {
        this.stopFollowing();
        this.computerPhase = 'done';
        const result: EkycCompleteDetail = { ...event.result, handoff: true };
        this.result = result;
        this.changed(true);
        void this.host.updateComplete.then(() => this.emit('ekyc-complete', result));
        return;
      }
      case 'cancelled': {
        const step = this.phoneStep;
        this.close('handoff.cancelled');
        void this.host.updateComplete.then(() => this.emit('ekyc-cancel', { step }));
        return;
      }
    }
    this.changed();
  }

  private emit<K extends 'ekyc-step' | 'ekyc-complete' | 'ekyc-cancel' | 'ekyc-error'>(name: K, detail: EkycEventMap[K]): void {
    if (this.host.isConnected) this.host.dispatchEvent(createEkycEvent(name, detail));
  }

  private readonly onCopy = (): void => {
    if (!this.url) return;
    void navigator.clipboard.writeText(this.url).then(() => {
      this.copied = true;
      this.host.requestUpdate();
    }, () => undefined);
  };

  // The phone

  /** Claims `token` and runs the flow it gives; until then the phone shows that it is connecting. */
  claim(token: string): void {
    this.role = 'phone';
    this.token = token;
    this.phonePhase = 'claiming';
    this.changed(true);
    claimHandoff(this.options.api(), token).then(
      (claimed) => {
        if (this.token !== token) return;
        this.phoneKey = claimed.phoneKey;
        this.phonePhase = 'running';
        this.options.begin(claimed);
        this.changed();
      },
      (error: unknown) => {
        if (this.token !== token) return;
        const refused = error instanceof HandoffRefused ? error : null;
        const used = refused?.code === 'handoff-used';
        this.phonePhase = refused ? 'refused' : 'failed';
        this.refusal = used ? 'error.handoff-used' : refused ? 'error.handoff-expired' : 'error.network';
        this.changed(true);
        // The server does not tell an expired link from one it never gave: both are `handoff-expired`.
        const code: EkycErrorCode = used ? 'handoff-used' : refused ? 'handoff-expired' : error instanceof EkycApiError && error.code === 'timeout' ? 'timeout' : 'network';
        const message = this.options.translate(this.refusal);
        const status = refused ? { status: refused.status } : {};
        void this.host.updateComplete.then(() => this.emit('ekyc-error', { code, message, step: 'intro', recoverable: !refused, ...status }));
      },
    );
  }

  private readonly onStep = (event: HTMLElementEventMap['ekyc-step']): void => {
    if (this.role !== 'phone' || this.phonePhase !== 'running' || event.target !== this.host) return;
    this.send({ state: 'step', step: event.detail.step, previousStep: event.detail.previousStep });
  };

  private readonly onComplete = (event: HTMLElementEventMap['ekyc-complete']): void => {
    if (this.role !== 'phone' || this.phonePhase !== 'running' || event.target !== this.host) return;
    // Fields and scores only: a JSON copy cannot carry a photo.
    this.send({ state: 'done', result: JSON.parse(JSON.stringify(event.detail)) as EkycCompleteDetail });
    this.phonePhase = 'done';
  };

  private readonly onCancel = (event: HTMLElementEventMap['ekyc-cancel']): void => {
    if (this.role !== 'phone' || this.phonePhase !== 'running' || event.target !== this.host) return;
    this.send({ state: 'cancelled' });
    this.phonePhase = 'cancelled';
    this.changed(true);
  };

  /** Sends the phone's news in order; a lost connection holds them back until it returns. */
  private send(news: HandoffNews): void {
    this.outbox.push(news);
    void this.drain();
  }

  private async drain(): Promise<void> {
    if (this.sending || !this.token || !this.phoneKey) return;
    this.sending = true;
    const { token, phoneKey } = this;
    for (let failures = 0, news = this.outbox[0]; news; news = this.outbox[0]) {
      try {
        await sendNews(this.options.api(), token, phoneKey, this.sent + 1, news);
      } catch (error) {
        // Refused: the handoff is over for the server; a lost connection: try again.
        if (!(error instanceof HandoffRefused) || error.status >= 500) {
          await pause(nthDelay(waits.handoffSendRetryMs, failures++));
          continue;
        }
      }
      failures = 0;
      this.sent += 1;
      this.outbox.shift();
    }
    this.sending = false;
  }

  private changed(newScreen = false): void {
    this.host.requestUpdate();
    if (newScreen) void this.host.updateComplete.then(() => this.options.focus());
  }

  /** The handoff's screen, or `null` where the element shows its own. */
  render(t: Translate) {
    if (this.role === 'computer') {
      if (this.computerPhase === 'done' && this.result) {
        const done: DoneState = {
          step: 'done',
          config: { documentType: 'idr', flow: this.result.face ? 'full' : 'ocr-only', canInitSession: false },
          lastCaptureStep: null,
          focus: false,
          result: this.result,
        };
        return renderDone(t, done);
      }
      const phase = this.computerPhase === 'done' ? 'showing' : this.computerPhase;
      const secondsLeft = Math.max(0, Math.ceil((this.expiresAt - Date.now()) / 1000));
      const on = { copy: this.onCopy, renew: this.open, back: () => this.close() };
      const { url, claimed, status, copied } = this;
      return renderComputerHandoff({ t, phase, url, claimed, secondsLeft, status, copied, on });
    }
    if (this.role !== 'phone') return null;
    const retry = () => this.token && this.claim(this.token);
    const view = (phase: PhoneHandoffView['phase'], message: StringKey, title?: StringKey) =>
      renderPhoneHandoff({ t, phase, message, title, onRetry: retry });
    switch (this.phonePhase) {
      case 'claiming':
        return view('claiming', 'handoff.connecting');
      case 'refused':
        return view('refused', this.refusal);
      case 'failed':
        return view('failed', this.refusal);
      case 'cancelled':
        return view('over', 'handoff.phone-cancelled');
      case 'done':
      case 'running':
        return this.options.step() === 'done' ? view('over', 'handoff.phone-done', 'step.done.title') : null;
    }
  }
}
