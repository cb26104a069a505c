import type { CaptureScreen, CaptureSpeech } from '../flow/capture-screen.js';
import { isCaptureState } from '../flow/steps.js';
import type { CaptureState, FlowState } from '../flow/types.js';
import { isStringKey } from '../i18n/localize.js';
import { renderCapture } from './capture.js';
import { errorKey, type Translate } from './common.js';
import { renderReview } from './review.js';
import { reviewSummaryText } from './review-summary.js';

/**
 * A capture step's screen, from the flow's state and what the capture controller supplies: the photo under review, or
 * the live preview with its guidance. `onHandoff`, with `handoff-url`: the way on when this device's camera fails.
 */
export function renderCaptureStep(t: Translate, state: CaptureState, screen: CaptureScreen, allowUpload: boolean, onHandoff?: () => void) {
  const view = { ...screen, t, state, allowUpload, onHandoff };
  return state.review ? renderReview(view) : renderCapture(view);
}

/**
 * What the polite live region says on a capture step: why the photo is asked for again; on review, that the photo
 * was taken (with the camera) and what the checks found; else guidance as last paced for assistive technology.
 */
export function captureSpeech(t: Translate, state: FlowState, speech: CaptureSpeech | undefined): string {
  if (!isCaptureState(state) || !speech) return '';
  const { spokenHint, summary } = speech;
  const { notice, review } = state;
  if (notice) return notice.serverMessage ?? t(errorKey(notice.code, state.config.documentType));
  if (review) {
    const text = reviewSummaryText(t, summary);
    return review.source === 'camera' ? `${t('review.taken')} ${text}` : text;
  }
  return spokenHint && isStringKey(spokenHint) ? t(spokenHint) : '';
}
