import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { Rect } from '../capture/geometry.js';
import type { FaceDetectorHandle } from '../face/detector/handle.js';
import type { Guidance, GuidanceHint, GuidanceUpdate } from './types.js';

/** What the current step wants watched. */
export interface GuidanceTarget {
  /** Changes whenever the guidance must start over (another step, another stream). */
  key: string;
  kind: 'selfie' | 'document';
  video: HTMLVideoElement;
  /** The guide as drawn, in the video's own pixels. */
  guide: Rect;
  challenge: 'none' | 'turn-head';
  autoCapture: boolean;
}

export interface GuidanceCallbacks {
  /** Every check passed long enough: take the photo. */
  onFire(update: GuidanceUpdate): void;
  /** The face detector could not be loaded: the selfie is taken by hand. */
  onDetectorUnavailable(): void;
}

/** Screen readers hear a new hint at most this often; the visible hint follows every frame. */
const ANNOUNCE_INTERVAL_MS = 2500;
/**
 * How long a step waits for the face detector (MediaPipe, 4 MB, compiled on the device) before
 * going on without it: the selfie by hand, the front without its portrait check.
 */
const DETECTOR_WAIT_MS = 20_000;
/** How long a detector outlives its element, for an element that comes back (or the next one) to reuse. */
const DETECTOR_REUSE_MS = 5000;

/**
 * On-device guidance for the capture steps: loads the face detector in idle
 * time, runs the document or selfie checks on the live preview (the heavy
 * modules are loaded on demand), keeps the current hint, and paces what the
 * live region announces.
 */
export class GuidanceController implements ReactiveController {
  hint: GuidanceHint | null = null;
  ready = false;
  /** The hint as last announced to assistive technology. */
  spokenHint: GuidanceHint | null = null;

  private readonly host: ReactiveControllerHost;
  private readonly callbacks: GuidanceCallbacks;
  private running: Guidance | null = null;
  private runningKey: string | null = null;
  private detectorLoad: Promise<FaceDetectorHandle> | null = null;
  /** Lets a load that must run on the page start: a step needs the detector now. */
  private detectorWanted: () => void = () => undefined;
  private assetsBase: string | null = null;
  private reportedUnavailable = false;
  private lastSpoken = 0;
  private speakTimer: ReturnType<typeof setTimeout> | undefined;

  constructor(host: ReactiveControllerHost, callbacks: GuidanceCallbacks) {
    this.host = host;
    this.callbacks = callbacks;
    host.addController(this);
  }

  hostDisconnected(): void {
    this.sync(null);
    clearTimeout(this.speakTimer);
    const assetsBase = this.assetsBase;
    this.detectorLoad = null;
    if (assetsBase) {
      void import('../face/detector/preload.js').then(({ releaseFaceDetector }) => {
        for (const thread of ['worker', 'main'] as const) void releaseFaceDetector({ assetsBase, thread }, { graceMs: DETECTOR_REUSE_MS });
      });
    }
  }

  /** Starts loading the face detector when the page is idle (the flow has just started). */
  preload(assetsBase: string): void {
    if (this.detectorLoad && this.assetsBase === assetsBase) return;
    this.assetsBase = assetsBase;
    this.reportedUnavailable = false;
    let wanted: () => void = () => undefined;
    const asked = new Promise<void>((resolve) => (wanted = resolve));
    this.detectorWanted = wanted;
    const load = import('../face/detector/preload.js').then(async ({ preloadFaceDetector }) => {
      try {
        // In idle time, in a worker only: MediaPipe loading on the page would hold the preview up for seconds.
        return await preloadFaceDetector({ assetsBase, thread: 'worker' });
      } catch (error) {
        if ((error as { failure?: unknown } | null)?.failure !== 'runtime') throw error;
        // No worker can run it here (WebKitGTK's, and Safari's before 17, have no WebGL): on the page, once a step asks.
        await asked;
        return preloadFaceDetector({ assetsBase, thread: 'main' });
      }
    });
    this.detectorLoad = load;
    load.catch(() => {
      if (this.detectorLoad === load) this.detectorLoad = null;
    });
  }

  /** The detector, or `null` when it failed or is not ready within a few seconds. */
  async detector(waitMs = DETECTOR_WAIT_MS): Promise<FaceDetectorHandle | null> {
    if (!this.detectorLoad && this.assetsBase) this.preload(this.assetsBase);
    this.detectorWanted();
    const load = this.detectorLoad;
    if (!load) return null;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const timeout = new Promise<null>((resolve) => (timer = setTimeout(() => resolve(null), waitMs)));
    try {
      return await Promise.race([load, timeout]);
    } catch {
      this.unavailable();
      return null;
    } finally {
      clearTimeout(timer);
    }
  }

  /** Watches `target`, or stops watching when `null`. */
  sync(target: GuidanceTarget | null): void {
    if (target?.key === this.runningKey) return;
    this.running?.stop();
    this.running = null;
    this.runningKey = target?.key ?? null;
    this.setHint(null, false);
    if (target) void this.begin(target);
  }

  private async begin(target: GuidanceTarget): Promise<void> {
    const update = (next: GuidanceUpdate): void => {
      if (this.runningKey !== target.key) return;
      this.setHint(next.hint, next.ready);
      if (next.fire) this.callbacks.onFire(next);
    };
    let guidance: Guidance;
    if (target.kind === 'selfie') {
      const detector = await this.detector();
      if (this.runningKey !== target.key) return;
      if (!detector) {
        // Failed, or still not ready (a worker whose scripts never arrive, say): say so, for a selfie by hand.
        this.unavailable();
        return;
      }
      const [{ startSelfieGuidance }, { normalisedOval }] = await Promise.all([
        import('./selfie-guidance.js'),
        import('./oval.js'),
      ]);
      if (this.runningKey !== target.key) return;
      guidance = startSelfieGuidance({
        video: target.video,
        detector,
        guide: normalisedOval(target.guide, { width: target.video.videoWidth, height: target.video.videoHeight }),
        challenge: target.challenge,
        autoCapture: target.autoCapture,
        onUpdate: update,
      });
    } else {
      const { startDocumentGuidance } = await import('./document-guidance.js');
      if (this.runningKey !== target.key) return;
      guidance = startDocumentGuidance({
        video: target.video,
        guide: target.guide,
        autoCapture: target.autoCapture,
        onUpdate: update,
      });
    }
    if (this.runningKey !== target.key) guidance.stop();
    else this.running = guidance;
  }

  private unavailable(): void {
    if (this.reportedUnavailable) return;
    this.reportedUnavailable = true;
    this.callbacks.onDetectorUnavailable();
  }

  private setHint(hint: GuidanceHint | null, ready: boolean): void {
    if (hint === this.hint && ready === this.ready) return;
    this.hint = hint;
    this.ready = ready;
    this.scheduleSpeech();
    this.host.requestUpdate();
  }

  private scheduleSpeech(): void {
    clearTimeout(this.speakTimer);
    const wait = this.lastSpoken + ANNOUNCE_INTERVAL_MS - performance.now();
    const speak = (): void => {
      if (this.spokenHint === this.hint) return;
      this.spokenHint = this.hint;
      this.lastSpoken = performance.now();
      this.host.requestUpdate();
    };
    if (wait <= 0) speak();
    else this.speakTimer = setTimeout(speak, wait);
  }
}
