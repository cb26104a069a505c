import { html, nothing } from 'lit';
import { captureSteps, isCaptureStep } from '../flow/steps.js';
import type { FlowState } from '../flow/types.js';
import type { Translate } from './common.js';

/** The capture steps as a list, the current one marked for assistive technology; on capture and processing screens. */
export function renderProgress(t: Translate, state: FlowState) {
  const { step, config, lastCaptureStep } = state;
  // While processing, the step whose photo is being read stays current; before any photo, no list.
  const current = isCaptureStep(step) ? step : step === 'processing' ? lastCaptureStep : null;
  if (current === null) return nothing;
  const steps = captureSteps(config);
  const position = steps.indexOf(current);
  return html`<ol part="progress" class="progress" aria-label=${t('progress.label')}>
    ${steps.map((name, index) => {
      const state = index < position ? 'done' : index === position ? 'current' : 'todo';
      return html`<li data-state=${state} aria-current=${index === position ? 'step' : nothing}>${t(`progress.${name}`)}</li>`;
    })}
  </ol>`;
}
