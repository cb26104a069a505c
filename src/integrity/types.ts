/**
 * Capture-integrity signals: what the device and the stream say about where the pictures came from.
 * No signal proves a camera physical (the page belongs to its user); each makes a cheap attack visible.
 */
export type IntegritySignalName =
  | 'virtual-camera'
  | 'synthetic-track'
  | 'implausible-camera'
  | 'camera-switched'
  | 'patched-media-api'
  | 'webdriver'
  | 'frozen-frames'
  | 'frame-timing'
  | 'resolution-changed'
  | 'frame-rate-changed';

export type IntegrityValue = string | number | boolean | null;

export interface IntegritySignal {
  name: IntegritySignalName;
  /** What was measured (a label, a count, milliseconds, a list of reasons). */
  value: IntegrityValue;
  /** Why it matters, in one sentence for the integrator. */
  why: string;
  /** The value is what an injected or synthetic stream shows, not what a camera would. */
  flagged: boolean;
  /** The capture it was measured for, in `ekyc-complete` (each capture's signals are listed). */
  side?: 'front' | 'back' | 'selfie';
}

/** What `ekyc-capture` and `ekyc-complete` carry: every signal measured, and whether any flags. */
export interface IntegrityReport {
  signals: IntegritySignal[];
  flagged: boolean;
}

export function integrityReport(signals: readonly IntegritySignal[]): IntegrityReport {
  return { signals: [...signals], flagged: signals.some((signal) => signal.flagged) };
}
