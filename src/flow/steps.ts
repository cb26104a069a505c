import type { DocumentType } from '../api/types.js';
import type { CaptureSide, CaptureStep, Step } from '../events.js';
import type { CaptureState, FlowConfig, FlowState } from './types.js';

/** A passport is read from its photo page alone: it has no back to photograph or send. */
export const hasBack = (documentType: DocumentType): boolean => documentType !== 'passport';

export const isCaptureStep = (step: Step): step is CaptureStep =>
  step === 'document-front' || step === 'document-back' || step === 'selfie';

export const isCaptureState = (state: FlowState): state is CaptureState => isCaptureStep(state.step);

const SIDES: Record<CaptureStep, CaptureSide> = { 'document-front': 'front', 'document-back': 'back', selfie: 'selfie' };
const STEPS: Record<CaptureSide, CaptureStep> = { front: 'document-front', back: 'document-back', selfie: 'selfie' };

export const sideOfStep = (step: CaptureStep): CaptureSide => SIDES[step];

export const stepOfSide = (side: CaptureSide): CaptureStep => STEPS[side];

/** The capture steps of a run, in order. */
export function captureSteps(config: FlowConfig): CaptureStep[] {
  const steps: CaptureStep[] = ['document-front'];
  if (hasBack(config.documentType)) steps.push('document-back');
  if (config.flow === 'full') steps.push('selfie');
  return steps;
}
