import { html, nothing } from 'lit';
import { sideOfStep } from '../flow/steps.js';
import type { CaptureState } from '../flow/types.js';
import { errorKey, heading, type Translate } from './common.js';
import { renderReviewSummary, type ReviewSummary } from './review-summary.js';

export interface ReviewView {
  t: Translate;
  state: CaptureState;
  /** What the checks found on the photo, said in words; `null`: not checked on the device. */
  summary: ReviewSummary | null;
  onRetake: () => void;
  onConfirm: () => void;
  onCancel: () => void;
}

/** The photo under review, drawn on a canvas by the capture controller: no `blob:` URL for a strict CSP to allow. */
export function renderReview({ t, state, summary, onRetake, onConfirm, onCancel }: ReviewView) {
  const side = sideOfStep(state.step);
  return html`<section part="review" class="review" aria-labelledby="heading">
    ${heading(t, t('step.review.title'), onCancel)}
    <p>${t(side === 'selfie' ? 'step.review.selfie' : 'step.review.document')}</p>
    ${state.reviewWarning
      ? html`<p part="notice" class="notice" role="alert">${t(errorKey('not-a-front', state.config.documentType))}</p>`
      : nothing}
    <canvas part="review-image" role="img" aria-label=${t(`review.alt.${side}`)}></canvas>
    ${renderReviewSummary(t, summary)}
    <div class="actions">
      <button part="retake-button" type="button" @click=${onRetake}>${t('action.retake')}</button>
      <button part="confirm-button" class="primary" type="button" @click=${onConfirm}>${t('action.confirm')}</button>
    </div>
  </section>`;
}
