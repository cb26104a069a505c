import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { Rect } from '../geometry/geometry.js';
import type { FaceDetectorHandle } from '../face/detector/handle.js';
import type { GuidanceHint } from '../flow/capture-screen.js';
import type { FrameSample } from '../integrity/stream-watch.js';
import type { DocumentAnalyzer } from '../quality/analyzer.js';
import { waits } from '../platform/waits.js';
import type { FrameFindings, Guidance, GuidanceUpdate } from './types.js';

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

/** Why guidance stopped: the face detector could not load or died twice, or frames could not be measured. */
export type GuidanceFailure = 'detector-unavailable' | 'analysis-unavailable';

export interface GuidanceCallbacks {
  /** Every check passed long enough: take the photo. */
  onFire(update: GuidanceUpdate): void;
  /** Guidance stopped: the photo is taken by hand. Called once a kind of failure for the element's life. */
  onUnavailable(failure: GuidanceFailure): void;
  /** The card or face has just come into place (every check passes after a frame that failed one). */
  onAligned?(): void;
  /** A frame was measured: what the capture-integrity watch learns of it. */
  onSample?(sample: FrameSample): void;
}

// Screen readers hear a new hint at most every `waits.announceIntervalMs`, and only when it changed; the
// latest hint wins (the ones in between are never spoken). The visible hint follows every frame. A step
// waits `waits.detectorWaitMs` for the face detector (MediaPipe, 4 MB, compiled on the device) before going
// on without it: the selfie by hand, the front without its portrait check.


const loadShared = () => import('../face/detector/preload.js');

/**
 * On-device guidance for the capture steps: holds a reference to the page's
 * face detector (loaded in idle time, restarted once if it dies), keeps one
 * document analyzer for the element, runs the document or selfie checks on the
 * live preview (the heavy modules are loaded on demand), keeps the current
 * hint, paces what the live region announces, and falls back to manual capture
 * when the checks keep failing.
 */
export class GuidanceController implements ReactiveController {
  hint: GuidanceHint | null = null;
  ready = false;
  /** The hint as last announced to assistive technology. */
  spokenHint: GuidanceHint | null = null;
  /** Frames analysed, in every step, since the element was created: what waits for the guidance can count on. */
  frames = 0;
  /** What the checks found on the latest frame of the current step; `null` when nothing is watched. */
  findings: FrameFindings | null = null;

  private readonly host: ReactiveControllerHost;
  private readonly callbacks: GuidanceCallbacks;
  private running: Guidance | null = null;
  private runningKey: string | null = null;
  /** The assets whose shared detector this element wants, and whether it holds a reference to it. */
  private wanted: string | null = null;
  private referenced = false;
  /** Counts the references given back: a load asked for before the last one takes none. */
  private lease = 0;
  private detectorLoad: Promise<FaceDetectorHandle> | null = null;
  /** The load that has given its detector, if one has: a selfie then starts without saying it waits. */
  private loadedFrom: Promise<FaceDetectorHandle> | null = null;
  private detectorRestarted = false;
  /** The detector that died for good, if one did: a later run replaces it. */
  private deadDetector: FaceDetectorHandle | null = null;
  private analyzer: DocumentAnalyzer | null = null;
  private readonly reported = new Set<GuidanceFailure>();
  private lastSpoken = 0;
  private speakTimer: ReturnType<typeof setTimeout> | undefined;

  constructor(host: ReactiveControllerHost, callbacks: GuidanceCallbacks) {
    this.host = host;
    this.callbacks = callbacks;
    host.addController(this);
  }

  /** Gives the detector back (the page's other elements keep theirs); it is taken again if the element comes back. */
  hostDisconnected(): void {
    this.sync(null);
    clearTimeout(this.speakTimer);
    this.giveBack(waits.detectorReuseMs);
    this.analyzer?.dispose();
    this.analyzer = null;
  }

  /** Starts loading the face detector when the page is idle (a new run has just started). */
  preload(assetsBase: string): void {
    if (this.wanted !== assetsBase) this.giveBack();
    else if (this.detectorLoad && !this.deadDetector) return;
    this.wanted = assetsBase;
    this.detectorRestarted = false;
    this.acquire();
  }

  /** The detector, or `null` when it failed, died twice, or is not ready within a few seconds. */
  async detector(waitMs = waits.detectorWaitMs): Promise<FaceDetectorHandle | null> {
    if (this.deadDetector) return null;
    if (!this.detectorLoad) this.acquire();
    const load = this.detectorLoad;
    if (!load) return null;
    const assetsBase = this.wanted;
    if (assetsBase) void loadShared().then((shared) => shared.needFaceDetector({ assetsBase }));
    let timer: ReturnType<typeof setTimeout> | undefined;
    const timeout = new Promise<null>((resolve) => (timer = setTimeout(() => resolve(null), waitMs)));
    try {
      return await Promise.race([load, timeout]);
    } catch {
      this.unavailable('detector-unavailable');
      return null;
    } finally {
      clearTimeout(timer);
    }
  }

  /** The load under way, however long it takes; `null` when there is none or it fails. */
  private async lateDetector(): Promise<FaceDetectorHandle | null> {
    const load = this.deadDetector ? null : this.detectorLoad;
    return load ? load.catch(() => null) : null;
  }

  /** Watches `target`, or stops watching when `null`. */
  sync(target: GuidanceTarget | null): void {
    if (target?.key === this.runningKey) return;
    this.running?.stop();
    this.running = null;
    this.runningKey = target?.key ?? null;
    this.findings = null;
    this.setHint(null, false);
    if (target) void this.begin(target);
  }

  /** Loads the wanted detector: takes a reference to it, or, holding one, loads it again (after a failure or a death). */
  private acquire(dead: FaceDetectorHandle | null = this.deadDetector): void {
    const assetsBase = this.wanted;
    if (!assetsBase) return;
    const lease = this.lease;
    this.deadDetector = null;
    const load = loadShared().then((shared) => {
      if (this.lease !== lease) throw new Error('The detector was given back meanwhile.');
      if (this.referenced) return shared.replaceFaceDetector({ assetsBase }, dead);
      this.referenced = true;
      return shared.preloadFaceDetector({ assetsBase }, { pageLoadWhenNeeded: true });
    });
    this.detectorLoad = load;
    load.then(
      () => (this.loadedFrom = load),
      () => {
        if (this.detectorLoad === load) this.detectorLoad = null;
      },
    );
  }

  private giveBack(graceMs = 0): void {
    const assetsBase = this.wanted;
    if (assetsBase && this.referenced) void loadShared().then((shared) => shared.releaseFaceDetector({ assetsBase }, { graceMs }));
    this.lease += 1;
    this.referenced = false;
    this.detectorLoad = null;
    this.deadDetector = null;
  }

  private async begin(target: GuidanceTarget): Promise<void> {
    const current = (): boolean => this.runningKey === target.key;
    const onUpdate = (next: GuidanceUpdate): void => {
      if (!current()) return;
      this.frames += 1;
      this.findings = next.findings ?? null;
      if (next.sample) this.callbacks.onSample?.(next.sample);
      if (next.ready && !this.ready) this.callbacks.onAligned?.();
      this.setHint(next.hint, next.ready);
      if (next.fire) this.callbacks.onFire(next);
    };
    let guidance: Guidance;
    if (target.kind === 'selfie') {
      // The document steps are over: their analysis worker goes (made again if a document is retaken).
      this.analyzer?.dispose();
      this.analyzer = null;
      // The capture button works meanwhile: the selfie never waits on the detector. Until it is ready, the hint (and
      // so the live region) says that it is on its way.
      if (!this.detectorLoad || this.loadedFrom !== this.detectorLoad) this.setHint('hint.selfie.preparing', false);
      let detector = await this.detector();
      if (!current()) return;
      if (!detector) {
        this.setHint(null, false);
        // Failed, or still not ready (a slow link, a worker whose scripts never arrive): say so, for a selfie by hand;
        // a detector that arrives later still switches auto-capture on.
        this.unavailable('detector-unavailable');
        detector = await this.lateDetector();
        if (!current() || !detector) return;
      }
      const [{ startSelfieGuidance }, { normalisedOval }] = await Promise.all([import('./selfie-guidance.js'), import('./oval.js')]);
      if (!current()) return;
      guidance = startSelfieGuidance({
        video: target.video,
        detector,
        guide: normalisedOval(target.guide, { width: target.video.videoWidth, height: target.video.videoHeight }),
        challenge: target.challenge,
        autoCapture: target.autoCapture,
        onUpdate,
        onFailed: () => {
          if (current()) void this.detectorFailed(target, detector);
        },
      });
    } else {
      const [{ startDocumentGuidance }, { createDocumentAnalyzer }] = await Promise.all([
        import('./document-guidance.js'),
        import('../quality/analyzer.js'),
      ]);
      if (!current()) return;
      this.analyzer ??= createDocumentAnalyzer();
      guidance = startDocumentGuidance({
        video: target.video,
        guide: target.guide,
        autoCapture: target.autoCapture,
        analyzer: this.analyzer,
        onUpdate,
        onFailed: () => {
          if (current()) this.fallBack('analysis-unavailable');
        },
      });
    }
    if (!current()) guidance.stop();
    else this.running = guidance;
  }

  /** Detection keeps failing: the detector is most likely dead. A new one is loaded once; then the selfie is manual. */
  private async detectorFailed(target: GuidanceTarget, detector: FaceDetectorHandle): Promise<void> {
    this.running?.stop();
    this.running = null;
    this.setHint(null, false);
    if (this.detectorRestarted) {
      this.detectorLoad = null;
      this.deadDetector = detector;
      this.fallBack('detector-unavailable');
      return;
    }
    this.detectorRestarted = true;
    this.acquire(detector);
    if (this.runningKey === target.key) await this.begin(target);
  }

  private fallBack(failure: GuidanceFailure): void {
    this.running?.stop();
    this.running = null;
    this.findings = null;
    this.setHint(null, false);
    this.unavailable(failure);
  }

  private unavailable(failure: GuidanceFailure): void {
    if (this.reported.has(failure)) return;
    this.reported.add(failure);
    this.callbacks.onUnavailable(failure);
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
    const wait = this.lastSpoken + waits.announceIntervalMs - performance.now();
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
