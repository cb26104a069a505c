import { pageSignals } from './page-signals.js';
import { StreamWatch, type FrameSample } from './stream-watch.js';
import { implausibleCameraSignal, settingsOf, syntheticTrackSignal, type TrackLike } from './track-signals.js';
import { integrityReport, type IntegrityReport, type IntegritySignal } from './types.js';
import { virtualCameraSignal } from './virtual-camera.js';

type Facing = 'user' | 'environment';

/** A watched stream: its frames, and the frame rate it started with. */
interface Watched {
  key: string;
  frames: StreamWatch;
  frameRate: number | undefined;
}

/**
 * Gathers one run's integrity signals: the page's once, the camera's at each photo, the frames'
 * from what the analysis worker measured of the step's stream. Nothing here reads a pixel.
 */
export class IntegrityCollector {
  private page: IntegritySignal[] | null = null;
  /** The camera each facing's last photo came from. */
  private readonly devices = new Map<Facing, string>();
  private watched: Watched | null = null;

  /** A new run: the cameras of the last one are forgotten, the page measured again. */
  reset(): void {
    this.page = null;
    this.devices.clear();
    this.watched = null;
  }

  /** The step's frames come from this stream (`key` names the step and the stream) from now on. */
  watch(key: string, track: TrackLike | undefined): void {
    if (this.watched?.key === key) return;
    // Measured as the first step begins, not as its photo is taken.
    this.page ??= pageSignals();
    this.watched = { key, frames: new StreamWatch(), frameRate: settingsOf(track).frameRate };
  }

  /** One frame the analysis measured. */
  observe(sample: FrameSample): void {
    this.watched?.frames.observe(sample);
  }

  /**
   * The signals of a photo taken from `track` (`null`: a photo the user chose: the page's signals only);
   * `deviceLabel`: what the device list calls its camera, where a virtual camera may name itself too.
   */
  report(camera: { facing: Facing; track: TrackLike; stream?: object | undefined; deviceLabel?: string | undefined } | null): IntegrityReport {
    this.page ??= pageSignals();
    if (!camera) return integrityReport(this.page);
    const { facing, track } = camera;
    const settings = settingsOf(track);
    const deviceId = settings.deviceId ?? '';
    const before = this.devices.get(facing);
    this.devices.set(facing, deviceId);
    const watched = this.watched;
    const startRate = watched?.frameRate;
    const rate = settings.frameRate;
    const signals: IntegritySignal[] = [
      ...this.page,
      virtualCameraSignal(track.label, camera.deviceLabel ?? ''),
      syntheticTrackSignal(track, camera.stream),
      implausibleCameraSignal(track),
      {
        name: 'camera-switched',
        value: before === undefined ? 'first' : before === deviceId ? 'same' : 'switched',
        why: 'Between the steps that use one side’s camera, another device is another source: a swap to a virtual camera once the first photo passed.',
        flagged: before !== undefined && before !== deviceId,
      },
      {
        name: 'frame-rate-changed',
        value: rate ?? null,
        why: 'A camera keeps the frame rate it opened with during a step; a stream whose source is swapped mid-step may not.',
        flagged: startRate !== undefined && rate !== undefined && Math.abs(rate - startRate) > Math.max(1, startRate * 0.2),
      },
      ...(watched ? watched.frames.signals() : []),
    ];
    return integrityReport(signals);
  }
}
