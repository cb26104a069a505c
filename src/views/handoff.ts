import { html, nothing } from 'lit';
import { ref } from 'lit/directives/ref.js';
import type { ComputerHandoffScreen, HandoffActions, HandoffScreen, PhoneHandoffScreen } from '../handoff-screen.js';
import { heading, type Translate } from './common.js';
import { renderDone } from './done.js';

const clock = (seconds: number): string => `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`;

/** The computer while the phone works: the code and the link to open, the time left, and the phone's progress. */
function renderComputerHandoff(t: Translate, view: ComputerHandoffScreen, on: HandoffActions) {
  const { phase, url, claimed } = view;
  const showCode = phase === 'showing' && !claimed && url !== null;
  return html`<section part="handoff" aria-labelledby="heading">
    ${heading(t, t('handoff.title'))}
    ${showCode
      ? html`<p>${t('handoff.scan')}</p>
          <canvas part="handoff-qr" class="handoff-qr" role="img" aria-label=${t('handoff.qr')} ${ref(on.qrCanvas)}></canvas>
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

/** The phone before and after its flow: connecting, refused, or sent back to the computer. */
function renderPhoneHandoff(t: Translate, { phase, message, title }: PhoneHandoffScreen, onRetry: () => void) {
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

/** The handoff's screen, on either end; on the computer, the result once the phone is done. */
export function renderHandoff(t: Translate, screen: HandoffScreen, on: HandoffActions) {
  switch (screen.end) {
    case 'computer':
      return renderComputerHandoff(t, screen, on);
    case 'phone':
      return renderPhoneHandoff(t, screen, on.retry);
    case 'result':
      return renderDone(t, screen);
  }
}
