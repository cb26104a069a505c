import { html } from 'lit';
import type { CaptureState } from '../flow/types.js';
import { heading, stepTitle, type Translate } from './common.js';

/**
 * A capture step while its camera and screens load (they are not in the first bundle): the step's heading,
 * instructions and a disabled capture button, as the camera shows them while it starts; or, when they could not
 * load, a retry.
 */
export function renderCapturePending(t: Translate, state: CaptureState, failed: boolean, onRetry: () => void, onCancel: () => void) {
  return html`<section part="capture" aria-labelledby="heading" aria-busy=${failed ? 'false' : 'true'}>
    ${heading(t, stepTitle(t, state.step, state.config.documentType), onCancel)}
    <p>${t(state.step === 'selfie' ? 'step.selfie.instructions' : 'step.document.instructions')}</p>
    <p part="hint" class="hint">${t(failed ? 'error.network' : 'camera.starting')}</p>
    <div class="actions">
      ${failed
        ? html`<button part="retry-button" class="primary" type="button" @click=${onRetry}>${t('action.retry')}</button>`
        : html`<button part="capture-button" class="primary" type="button" disabled>${t('action.capture')}</button>`}
    </div>
  </section>`;
}
