import type { IntegritySignal } from './types.js';

/** What the stream watch learns of one measured frame. */
export interface FrameSample {
  /** `frameHash` of the measured region. */
  hash: number;
  /** The frame's own timestamp, in µs (`VideoFrame.timestamp`); `null` when the pixels came without one. */
  timestamp: number | null;
  /** When the page took the frame, in ms (`performance.now()`). */
  at: number;
  /** The whole frame's size. */
  width: number;
  height: number;
}

/** Frames of a real sensor differ by their noise: this long the same is a still picture being replayed. */
export const FROZEN_MS = 1500;
const FROZEN_MIN_FRAMES = 5;
/** Stream time must keep up with wall time within this factor, once this much wall time has passed. */
const DRIFT_FACTOR = 2;
const DRIFT_MIN_MS = 2000;
const DRIFT_MIN_INTERVALS = 10;
/** A generator's clock: every interval an exact multiple of the shortest one, within this many µs, over this many intervals. */
const EXACT_US = 50;
const REGULAR_MIN_INTERVALS = 20;

/**
 * Watches the frames one step measures, from one stream: how long they stay bit-identical, whether
 * their timestamps go backwards, drift from real time or tick like a generator's clock, and whether
 * their size changes (turning a phone swaps width and height, which is not a change).
 */
export class StreamWatch {
  private last: FrameSample | null = null;
  private first: FrameSample | null = null;
  private runStart: FrameSample | null = null;
  private runFrames = 0;
  private longestFrozenMs = 0;
  private backwards = 0;
  private sizeChanges = 0;
  private readonly intervals: number[] = [];

  /**
   * One measured frame. The same frame measured twice (a loop that ran before the camera's next frame)
   * extends an identical run by one: a sensor's frames never stretch one to 1.5 s that way.
   */
  observe(sample: FrameSample): void {
    const last = this.last;
    if (sample.timestamp !== null && this.first?.timestamp == null) this.first = sample;
    if (last) {
      // Some engines stamp every frame of a video element alike: a clock that does not move says nothing.
      if (sample.timestamp !== null && last.timestamp !== null && sample.timestamp !== last.timestamp) {
        if (sample.timestamp < last.timestamp) this.backwards += 1;
        else if (this.intervals.length < 600) this.intervals.push(sample.timestamp - last.timestamp);
      }
      if (sideKey(sample) !== sideKey(last)) this.sizeChanges += 1;
    }
    if (last && sample.hash === last.hash) {
      this.runFrames += 1;
      const start = this.runStart ?? last;
      this.runStart = start;
      if (this.runFrames + 1 >= FROZEN_MIN_FRAMES) this.longestFrozenMs = Math.max(this.longestFrozenMs, sample.at - start.at);
    } else {
      this.runStart = null;
      this.runFrames = 0;
    }
    this.last = sample;
  }

  /** None before a frame was measured (a selfie whose detector runs on the page, say): nothing was watched. */
  signals(): IntegritySignal[] {
    return this.last ? [this.frozen(), this.timing(), this.resolution()] : [];
  }

  private frozen(): IntegritySignal {
    return {
      name: 'frozen-frames',
      value: Math.round(this.longestFrozenMs),
      why: 'A camera sensor’s noise changes every frame: frames identical to the bit for a second and more are a still picture fed as video.',
      flagged: this.longestFrozenMs >= FROZEN_MS,
    };
  }

  private timing(): IntegritySignal {
    const reasons: string[] = [];
    if (this.backwards > 0) reasons.push('backwards');
    const { first, last } = this;
    if (first?.timestamp != null && last?.timestamp != null && this.intervals.length >= DRIFT_MIN_INTERVALS) {
      const wall = last.at - first.at;
      const stream = (last.timestamp - first.timestamp) / 1000;
      if (wall >= DRIFT_MIN_MS && (stream > wall * DRIFT_FACTOR || stream < wall / DRIFT_FACTOR)) reasons.push('drift');
    }
    if (tooRegular(this.intervals)) reasons.push('too-regular');
    return {
      name: 'frame-timing',
      value: reasons.join(' '),
      why: 'A camera’s frames keep real time with a little jitter; a replayed or generated stream’s clock jumps back, runs off, or ticks exactly.',
      flagged: reasons.length > 0,
    };
  }

  private resolution(): IntegritySignal {
    return {
      name: 'resolution-changed',
      value: this.sizeChanges,
      why: 'A camera keeps its size within a step; a stream switched to another source mid-step changes it.',
      flagged: this.sizeChanges > 0,
    };
  }
}

const sideKey = ({ width, height }: FrameSample): string => `${Math.max(width, height)}x${Math.min(width, height)}`;

function tooRegular(intervals: readonly number[]): boolean {
  const positive = intervals.filter((interval) => interval > 0);
  if (positive.length < REGULAR_MIN_INTERVALS) return false;
  const unit = Math.min(...positive);
  // Timestamps coarsened to a millisecond or worse say nothing about a clock.
  if (unit < 1000) return false;
  return positive.every((interval) => Math.abs(interval - Math.round(interval / unit) * unit) <= EXACT_US);
}
