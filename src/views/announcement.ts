import type { FlowState } from '../flow/types.js';
import { errorKey, processingKey, type Translate } from './common.js';

/**
 * What the polite live region says: the screen's news; on a capture step, `capture`, which the capture steps' screens
 * say (src/views/capture-step.ts).
 */
export function announcement(t: Translate, state: FlowState, capture = ''): string {
  switch (state.step) {
    case 'intro':
      return '';
    case 'error':
      return state.error.serverMessage ?? t(errorKey(state.error.code, state.config.documentType));
    case 'processing':
      return t(processingKey(state.work));
    case 'done':
      return t('step.done.title');
    default:
      return capture;
  }
}
