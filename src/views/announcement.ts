import type { FlowState } from '../flow/types.js';
import type { GuidanceHint } from '../guidance/types.js';
import { isStringKey } from '../i18n/localize.js';
import { errorKey, processingKey, type Translate } from './common.js';

/**
 * What the polite live region says: the screen's news, or guidance as last paced for assistive technology;
 * on review, `review` (that the photo was taken, and what the checks found).
 */
export function announcement(t: Translate, state: FlowState, spokenHint: GuidanceHint | null, review = ''): string {
  const documentType = state.config.documentType;
  switch (state.step) {
    case 'intro':
      return '';
    case 'error':
      return state.error.serverMessage ?? t(errorKey(state.error.code, documentType));
    case 'processing':
      return t(processingKey(state.work));
    case 'done':
      return t('step.done.title');
    default:
      if (state.notice) return state.notice.serverMessage ?? t(errorKey(state.notice.code, documentType));
      if (state.review) return review;
      if (spokenHint && isStringKey(spokenHint)) return t(spokenHint);
      return '';
  }
}
