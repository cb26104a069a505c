import { html, nothing } from 'lit';
import type { FlowConfig, Step } from '../flow/types.js';
import type { StringKey } from '../i18n/localize.js';

type CaptureStep = 'document-front' | 'document-back' | 'selfie';

export function captureSteps(config: FlowConfig): CaptureStep[] {
  const steps: CaptureStep[] = ['document-front'];
  if (config.documentType !== 'passport') steps.push('document-back');
  if (config.flow === 'full') steps.push('selfie');
  return steps;
}

/** The steps of the flow as a list, the current one marked for assistive technology. */
export function renderProgress(
  config: FlowConfig,
  step: Step,
  lastCaptureStep: CaptureStep | null,
  t: (key: StringKey, values?: Record<string, string | number>) => string,
) {
  const steps = captureSteps(config);
  const current = steps.indexOf(step as CaptureStep);
  const position = current >= 0 ? current : lastCaptureStep ? steps.indexOf(lastCaptureStep) : -1;
  if (position < 0 && step !== 'done') return nothing;
  return html`<ol part="progress" class="progress" aria-label=${t('progress.label')}>
    ${steps.map((name, index) => {
      const done = step === 'done' || index < position;
      return html`<li
        data-state=${done ? 'done' : index === position ? 'current' : 'todo'}
        aria-current=${index === position && step !== 'done' ? 'step' : nothing}
      >
        ${t(`progress.${name}`)}
      </li>`;
    })}
  </ol>`;
}
