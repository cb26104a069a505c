import { nothing, type TemplateResult } from 'lit';
import type { CaptureState, DoneState, FlowState } from '../flow/types.js';
import { renderCapturePending } from './capture-pending.js';
import type { Translate } from './common.js';
import { renderError } from './error.js';
import { renderIntro } from './intro.js';
import { renderProcessing } from './processing.js';

/** What the flow's screens draw besides the flow's state, and what their buttons do. */
export interface ScreenView {
  t: Translate;
  /** Whether the intro announces a selfie. */
  needsSelfie: boolean;
  /** The intro's notice (a handoff that could not start), in words. */
  notice: string | null | undefined;
  onStart: () => void;
  /** "Continue on my phone", where it is offered. */
  onHandoff: (() => void) | undefined;
  onRetry: () => void;
  onCancel: () => void;
  /** The result screen, from the capture steps' script (the flow is done only after them). */
  done: ((state: DoneState) => TemplateResult) | null;
  /** A capture step's screen, once the capture steps' script is here; else `null`. */
  capture: ((state: CaptureState) => TemplateResult) | null;
  /** The capture steps' script could not load: the waiting screen offers to try again (`onLoadCapture`). */
  captureFailed: boolean;
  onLoadCapture: () => void;
}

/** The screen of the flow's state. */
export function renderScreen(state: FlowState, view: ScreenView) {
  const { t, onCancel } = view;
  switch (state.step) {
    case 'intro':
      return renderIntro({ t, needsSelfie: view.needsSelfie, onStart: view.onStart, onHandoff: view.onHandoff, notice: view.notice });
    case 'processing':
      return renderProcessing(t, state, onCancel);
    case 'done':
      return view.done ? view.done(state) : nothing;
    case 'error':
      return renderError({ t, state, onRetry: view.onRetry, onCancel });
    default:
      return view.capture ? view.capture(state) : renderCapturePending(t, state, view.captureFailed, view.onLoadCapture, onCancel);
  }
}
