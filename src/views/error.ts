import { html, nothing } from 'lit';
import type { ErrorState } from '../flow/types.js';
import { errorKey, heading, type Translate } from './common.js';

export interface ErrorView {
  t: Translate;
  state: ErrorState;
  onRetry: () => void;
  onCancel: () => void;
}

/**
 * What went wrong, what happens next, and the ways forward: "Try again" or "Start again" where the element can
 * go on by itself, and always a cancel that ends the flow (`ekyc-cancel`). A host session that expired
 * resumes by itself once the host sets a new `session-id`.
 */
export function renderError({ t, state, onRetry, onCancel }: ErrorView) {
  const { error, configMessage } = state;
  const next = error.retry;
  return html`<section part="error" aria-labelledby="heading">
    ${heading(t, t('step.error.title'))}
    <p class="error-message">${error.serverMessage ?? t(errorKey(error.code, state.config.documentType))}</p>
    ${configMessage ? html`<p class="muted">${configMessage}</p>` : nothing}
    <p part="next-step">${t(`error.next.${next}`)}</p>
    <div class="actions">
      ${next === 'work' || next === 'restart'
        ? html`<button part="retry-button" class="primary" type="button" @click=${onRetry}>
            ${t(next === 'work' ? 'action.retry' : 'action.restart')}
          </button>`
        : nothing}
      <button part="cancel-button" type="button" @click=${onCancel}>${t('action.cancel')}</button>
    </div>
  </section>`;
}
