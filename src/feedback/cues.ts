import { cueAudio } from './audio.js';
import { feedbackChoice, type FeedbackChoice } from './choice.js';

export { feedbackChoice, type FeedbackChoice };

/** One short pulse: the card or face has just come into place. */
export const ALIGNED_VIBRATION: readonly number[] = [40];
/** Two longer pulses, unlike the first: the photo is taken. */
export const CAPTURE_VIBRATION: readonly number[] = [90, 70, 90];
/** The aligned pulse comes at most this often, however often the card slips out of place and back. */
export const ALIGNED_INTERVAL_MS = 2000;

/** The browser's ways of making a cue, given to {@link Cues} (tests give their own). */
export interface CueOutputs {
  vibrate(pattern: readonly number[]): void;
  audio(): AudioContext | null;
  reducedMotion(): boolean;
  now(): number;
}

export const browserOutputs: CueOutputs = {
  vibrate: (pattern) => {
    // Where supported: Safari and desktop Firefox have no vibration.
    if (typeof navigator.vibrate === 'function') navigator.vibrate([...pattern]);
  },
  audio: cueAudio,
  reducedMotion: () => typeof matchMedia === 'function' && matchMedia('(prefers-reduced-motion: reduce)').matches,
  now: () => performance.now(),
};

/** A short two-note chime made in code (no sound file): about a fifth of a second, quiet. */
export function playCaptureSound(context: AudioContext): void {
  const start = context.currentTime;
  const gain = context.createGain();
  gain.connect(context.destination);
  gain.gain.setValueAtTime(0.0001, start);
  gain.gain.exponentialRampToValueAtTime(0.2, start + 0.01);
  gain.gain.exponentialRampToValueAtTime(0.0001, start + 0.2);
  [880, 1320].forEach((frequency, k) => {
    const note = context.createOscillator();
    note.type = 'sine';
    note.frequency.setValueAtTime(frequency, start + k * 0.08);
    note.connect(gain);
    note.start(start + k * 0.08);
    note.stop(start + 0.2);
  });
}

/** The non-visual cues of the capture steps, as the `feedback` attribute and the user's settings allow. */
export class Cues {
  private readonly attribute: () => string | null | undefined;
  private readonly outputs: CueOutputs;
  private lastAligned = Number.NEGATIVE_INFINITY;

  /** `attribute`: the element's `feedback`, read at each cue (it may change while the flow runs). */
  constructor(attribute: () => string | null | undefined, outputs: CueOutputs = browserOutputs) {
    this.attribute = attribute;
    this.outputs = outputs;
  }

  private get choice(): FeedbackChoice {
    return feedbackChoice(this.attribute(), this.outputs.reducedMotion());
  }

  /** The card or face has come into place. */
  aligned(): void {
    const now = this.outputs.now();
    if (!this.choice.haptic || now - this.lastAligned < ALIGNED_INTERVAL_MS) return;
    this.lastAligned = now;
    this.outputs.vibrate(ALIGNED_VIBRATION);
  }

  /** A photo was taken with the camera. */
  taken(): void {
    const { haptic, sound } = this.choice;
    if (haptic) this.outputs.vibrate(CAPTURE_VIBRATION);
    const context = sound ? this.outputs.audio() : null;
    if (context) playCaptureSound(context);
  }
}
