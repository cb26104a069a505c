import { html, nothing } from 'lit';
import type { EkycCompleteDetail } from '../events.js';
import { heading, type Translate } from './common.js';

/** The fields a person recognises at a glance, when the document has them. */
const SHOWN_FIELDS = ['Name', 'ID', 'Date of birth'];

/** The result screen, from what `ekyc-complete` carried (the flow's own, or a phone's through a handoff). */
export function renderDone(t: Translate, { result }: { result: EkycCompleteDetail }) {
  const fields = SHOWN_FIELDS.flatMap((key) => result.ocr.fields[key] ?? []);
  const similarity = result.face?.similarity;
  return html`<section part="result" aria-labelledby="heading">
    ${heading(t, t('step.done.title'))}
    <slot name="done">
      <p>${t('step.done.body')}</p>
      ${fields.length > 0
        ? html`<dl class="fields" aria-label=${t('result.fields')}>
            ${fields.map((field) => html`<dt>${field.name}</dt><dd>${field.value ?? ''}</dd>`)}
            ${similarity != null ? html`<dt>${t('result.similarity')}</dt><dd>${similarity.toFixed(1)} %</dd>` : nothing}
          </dl>`
        : nothing}
    </slot>
  </section>`;
}
