import { html, nothing } from 'lit';
import { ref } from 'lit/directives/ref.js';
import type { CaptureHandlers, CaptureRefs, ReviewSummary } from '../flow/capture-screen.js';
import { sideOfStep } from '../flow/steps.js';
import type { CaptureState } from '../flow/types.js';
import { errorKey, heading, type Translate } from './common.js';
import { renderReviewSummary } from './review-summary.js';

export interface ReviewView {
  t: Translate;
  state: CaptureState;
  /** What the checks found on the photo, said in words; `null`: not checked on the device. */
  summary: ReviewSummary | null;
  on: Pick<CaptureHandlers, 'retake' | 'confirm' | 'cancel'>;
  refs: Pick<CaptureRefs, 'reviewImage'>;
}

/** The photo under review, drawn on its canvas by the capture controllers: no `blob:` URL for a strict CSP to allow. */
export function renderReview({ t, state, summary, on, refs }: ReviewView) {
  const side = sideOfStep(state.step);
  return html`<section part="review" class="review" aria-labelledby="heading">
    ${heading(t, t('step.review.title'), on.cancel)}
    <p>${t(side === 'selfie' ? 'step.review.selfie' : 'step.review.document')}</p>
    ${state.reviewWarning
      ? html`<p part="notice" class="notice" role="alert">${t(errorKey('not-a-front', state.config.documentType))}</p>`
      : nothing}
    <canvas part="review-image" role="img" aria-label=${t(`review.alt.${side}`)} ${ref(refs.reviewImage)}></canvas>
    ${renderReviewSummary(t, summary)}
    <div class="actions">
      <button part="retake-button" type="button" @click=${on.retake}>${t('action.retake')}</button>
      <button part="confirm-button" class="primary" type="button" @click=${on.confirm}>${t('action.confirm')}</button>
    </div>
  </section>`;
}
