import { html } from 'lit';
import type { ProcessingState } from '../flow/types.js';
import { heading, processingKey, type Translate } from './common.js';

export function renderProcessing(t: Translate, state: ProcessingState, onCancel: () => void) {
  return html`<section part="processing" aria-labelledby="heading" aria-busy="true">
    ${heading(t, t('step.processing.title'), onCancel)}
    <div class="spinner" aria-hidden="true"></div>
    <p>${t(processingKey(state.work))}</p>
  </section>`;
}
