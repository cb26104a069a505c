import { EkycApiError } from '../api/errors.js';
import { nthDelay, pause, waits } from '../platform/waits.js';
import type { DriverLink } from './computer.js';
import type { ClaimFailure } from './machine.js';
import { claimHandoff, HandoffRefused, sendNews, type HandoffNews } from './protocol.js';

/** Why a claim failed: the server's refusal (it does not tell an expired link from one it never gave), or no answer. */
function claimFailure(error: unknown): { failure: ClaimFailure; status: number | null } {
  if (error instanceof HandoffRefused) return { failure: error.code === 'handoff-used' ? 'handoff-used' : 'handoff-expired', status: error.status };
  return { failure: error instanceof EkycApiError && error.code === 'timeout' ? 'timeout' : 'network', status: null };
}

/**
 * The phone's side of a handoff, its I/O only: claims the token, hears its own flow's steps, end and cancel, and
 * tells the computer each in order, resending what a lost connection held back.
 */
export class PhoneDriver {
  private sent = 0;
  private outbox: HandoffNews[] = [];
  private sending = false;

  constructor(
    private readonly host: HTMLElement,
    private readonly link: DriverLink,
  ) {}

  listen(): void {
    this.host.addEventListener('ekyc-step', this.onStep);
    this.host.addEventListener('ekyc-complete', this.onComplete);
    this.host.addEventListener('ekyc-cancel', this.onCancel);
  }

  unlisten(): void {
    this.host.removeEventListener('ekyc-step', this.onStep);
    this.host.removeEventListener('ekyc-complete', this.onComplete);
    this.host.removeEventListener('ekyc-cancel', this.onCancel);
  }

  claim(token: string): void {
    claimHandoff(this.link.api(), token).then(
      (claimed) => this.link.dispatch({ type: 'claimed', token, claimed }),
      (error: unknown) => this.link.dispatch({ type: 'claim-failed', token, ...claimFailure(error) }),
    );
  }

  /** Sends the phone's news in order; a lost connection holds them back until it returns. */
  send(token: string, phoneKey: string, news: HandoffNews): void {
    this.outbox.push(news);
    void this.drain(token, phoneKey);
  }

  private readonly onStep = (event: HTMLElementEventMap['ekyc-step']): void => {
    if (event.target === this.host) this.link.dispatch({ type: 'flow-step', step: event.detail.step, previousStep: event.detail.previousStep });
  };

  private readonly onComplete = (event: HTMLElementEventMap['ekyc-complete']): void => {
    if (event.target === this.host) this.link.dispatch({ type: 'flow-complete', result: event.detail });
  };

  private readonly onCancel = (event: HTMLElementEventMap['ekyc-cancel']): void => {
    if (event.target === this.host) this.link.dispatch({ type: 'flow-cancelled' });
  };

  private async drain(token: string, phoneKey: string): Promise<void> {
    if (this.sending) return;
    this.sending = true;
    for (let failures = 0, news = this.outbox[0]; news; news = this.outbox[0]) {
      try {
        await sendNews(this.link.api(), token, phoneKey, this.sent + 1, news);
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
}
