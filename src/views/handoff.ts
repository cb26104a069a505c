import { html, nothing } from 'lit';
import { heading, type Translate } from './common.js';
import type { StringKey } from '../i18n/localize.js';

export interface ComputerHandoffView {
  t: Translate;
  phase: 'creating' | 'showing' | 'expired' | 'failed';
  /** The link for the phone, once the server gave a token. */
  url: string | null;
  /** A phone holds the handoff: the code and link are no longer shown. */
  claimed: boolean;
  secondsLeft: number;
  status: StringKey;
  copied: boolean;
  on: { copy: () => void; renew: () => void; back: () => void };
}

const clock = (seconds: number): string => `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`;

/** The computer while the phone works: the code and the link to open, the time left, and the phone's progress. */
export function renderComputerHandoff(view: ComputerHandoffView) {
  const { t, phase, url, claimed, on } = view;
  const showCode = phase === 'showing' && !claimed && url !== null;
  return html`<section part="handoff" aria-labelledby="heading">
    ${heading(t, t('handoff.title'))}
    ${showCode
      ? html`<p>${t('handoff.scan')}</p>
          <canvas part="handoff-qr" class="handoff-qr" role="img" aria-label=${t('handoff.qr')} data-text=${url}></canvas>
          <p class="handoff-link"><a part="handoff-link" href=${url} target="_blank" rel="noopener noreferrer">${url}</a></p>
          <div class="actions">
            <button part="handoff-copy-button" type="button" @click=${on.copy}>${t(view.copied ? 'handoff.copied' : 'handoff.copy')}</button>
          </div>
          <p part="handoff-time" class="muted">${t('handoff.time-left', { time: clock(view.secondsLeft) })}</p>`
      : nothing}
    ${phase === 'expired'
      ? html`<p class="error-message">${t('handoff.expired')}</p>
          <div class="actions">
            <button part="handoff-renew-button" class="primary" type="button" @click=${on.renew}>${t('handoff.renew')}</button>
          </div>`
      : nothing}
    ${phase === 'failed'
      ? html`<p class="error-message">${t('error.network')}</p>
          <div class="actions">
            <button part="retry-button" class="primary" type="button" @click=${on.renew}>${t('action.retry')}</button>
          </div>`
      : nothing}
    ${phase === 'showing' ? html`<p part="handoff-status" role="status">${t(view.status)}</p>` : nothing}
    <div class="actions">
      <button part="cancel-button" type="button" @click=${on.back}>${t('handoff.back')}</button>
    </div>
  </section>`;
}

export interface PhoneHandoffView {
  t: Translate;
  /** `claiming`: waiting for the server; `refused`/`failed`: why not, `retry` for a connection problem; `over`: the end. */
  phase: 'claiming' | 'refused' | 'failed' | 'over';
  message: StringKey;
  /** The heading; by default one that fits the phase. */
  title?: StringKey | undefined;
  onRetry: () => void;
}

/** The phone before and after its flow: connecting, refused, or sent back to the computer. */
export function renderPhoneHandoff({ t, phase, message, title, onRetry }: PhoneHandoffView) {
  title ??= phase === 'over' ? 'handoff.title' : phase === 'claiming' ? 'intro.title' : 'step.error.title';
  return html`<section part="handoff" aria-labelledby="heading" aria-busy=${phase === 'claiming' ? 'true' : 'false'}>
    ${heading(t, t(title))}
    <p part="handoff-status" role="status" class=${phase === 'refused' || phase === 'failed' ? 'error-message' : ''}>${t(message)}</p>
    ${phase === 'failed'
      ? html`<div class="actions">
          <button part="retry-button" class="primary" type="button" @click=${onRetry}>${t('action.retry')}</button>
        </div>`
      : nothing}
  </section>`;
}
