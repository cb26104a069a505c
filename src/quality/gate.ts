import type { DocumentHint, DocumentVerdict } from './types.js';

/**
 * Passing frames in a row before an automatic capture. Five is about a sixth
 * of a second at 30 analysed frames a second: one lucky frame while the hand
 * is still moving does not fire, and a steady hand does not wait noticeably.
 */
export const DOCUMENT_CAPTURE_FRAMES = 5;

/** One analysed frame offered to the gate; `frame` is whatever the caller needs to capture it later. */
export interface GateFrame<T> {
  verdict: DocumentVerdict;
  sharpness: number;
  frame: T;
}

export interface DocumentCaptureGate<T> {
  /** Passing frames in the current run. */
  readonly passed: number;
  /** The sharpest frame of the current run, held until the run ends. */
  readonly best: { readonly sharpness: number; readonly frame: T } | null;
  /** The current run has fired: no second capture until a frame fails. */
  readonly fired: boolean;
}

export interface GateStep<T> {
  gate: DocumentCaptureGate<T>;
  /** What to show: the frame's own hint when it fails, `hold-still` while a run builds up, `ready` once it fired. */
  hint: DocumentHint;
  /** The sharpest frame of the run, once, when the run reaches the required length. */
  capture: T | null;
  /** Frames the gate no longer holds, for the caller to free (close a bitmap, a `VideoFrame`). */
  released: T[];
}

export function openGate<T>(): DocumentCaptureGate<T> {
  return { passed: 0, best: null, fired: false };
}

/**
 * Feeds one frame to the gate. A failing frame ends the run; a passing one
 * extends it, keeping the sharper of it and the best so far; at `frames`
 * passing frames in a row the best is handed out as `capture`, once. Every
 * frame given comes back exactly once, as `capture` or in `released` (or
 * from `closeGate` if the gate is dropped while holding one).
 */
export function advanceGate<T>(gate: DocumentCaptureGate<T>, input: GateFrame<T>, frames = DOCUMENT_CAPTURE_FRAMES): GateStep<T> {
  if (!input.verdict.ok) {
    return { gate: openGate(), hint: input.verdict.hint, capture: null, released: [...closeGate(gate), input.frame] };
  }
  if (gate.fired) return { gate, hint: 'ready', capture: null, released: [input.frame] };
  const released: T[] = [];
  let best = gate.best;
  if (!best || input.sharpness > best.sharpness) {
    if (best) released.push(best.frame);
    best = { sharpness: input.sharpness, frame: input.frame };
  } else {
    released.push(input.frame);
  }
  const passed = gate.passed + 1;
  if (passed >= frames) {
    return { gate: { passed, best: null, fired: true }, hint: 'ready', capture: best.frame, released };
  }
  return { gate: { passed, best, fired: false }, hint: 'hold-still', capture: null, released };
}

/** The frame a gate still holds, if any, for the caller to free when it drops the gate. */
export function closeGate<T>(gate: DocumentCaptureGate<T>): T[] {
  return gate.best ? [gate.best.frame] : [];
}
