import { html, nothing } from 'lit';
import type { DocumentType } from '../api/types.js';
import type { CaptureStep, EkycErrorCode } from '../events.js';
import { hasBack } from '../flow/steps.js';
import type { Work } from '../flow/types.js';
import type { StringKey, TextKey } from '../i18n/localize.js';

/** Looks a string up in the element's language, with the page's overrides. */
export type Translate = (key: TextKey, values?: Record<string, string | number>) => string;

/** Each screen's heading; it takes focus when its screen comes up. With `onCancel`, a cancel link beside it. */
export function heading(t: Translate, text: string, onCancel?: () => void) {
  return html`<header part="header">
    <h2 id="heading" part="heading" tabindex="-1">${text}</h2>
    ${onCancel
      ? html`<button part="cancel-button" class="link" type="button" @click=${onCancel}>${t('action.cancel')}</button>`
      : nothing}
  </header>`;
}

export function stepTitle(t: Translate, step: CaptureStep, documentType: DocumentType): string {
  if (step === 'selfie') return t('step.selfie.title');
  if (step === 'document-front' && documentType === 'passport') return t('step.document-front.title.passport');
  return t(`step.${step}.title`, { document: t(`document.${documentType}`) });
}

/** The text of an error code; a document without a back gets its own words for a front without a portrait. */
export function errorKey(code: EkycErrorCode, documentType: DocumentType): TextKey {
  return code === 'not-a-front' && !hasBack(documentType) ? 'error.not-a-front.passport' : `error.${code}`;
}

export function processingKey(work: Work): StringKey {
  return work === 'init' ? 'step.processing.init' : work === 'face' ? 'step.processing.face' : 'step.processing.ocr';
}
