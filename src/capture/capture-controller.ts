import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { CameraController } from '../camera/camera-controller.js';
import type { CameraErrorCode } from '../camera/camera-errors.js';
import { Cues } from '../feedback/cues.js';
import type { CaptureHandlers, CaptureRefs, CaptureScreen, CaptureSpeech } from '../flow/capture-screen.js';
import type { FlowController } from '../flow/flow-controller.js';
import { isCaptureState, sideOfStep } from '../flow/steps.js';
import type { CaptureState, LivenessChallenge } from '../flow/types.js';
import { GuidanceController } from '../guidance/guidance-controller.js';
import { IntegrityCollector } from '../integrity/collector.js';
import { guideShapeOf } from '../geometry/geometry.js';
import { loadEncoder, Photo } from './photo.js';
import { Review } from './review.js';
import { Viewfinder } from './viewfinder.js';

const releaseEncoderWorker = (): void => void loadEncoder().then(({ releaseEncoder }) => releaseEncoder(), () => undefined);

export interface CaptureHost extends ReactiveControllerHost {
  readonly isConnected: boolean;
}

export interface CaptureSettings {
  manualCapture: boolean;
  livenessChallenge: LivenessChallenge;
  /** The `feedback` attribute: which non-visual cues play. */
  feedback: string | null | undefined;
}

/**
 * Everything between a capture step and its photo: opens the camera the step needs, keeps the guidance watching
 * the preview (the viewfinder), takes or decodes the photo (the photo), and keeps what the checks found on it (the
 * review). It draws nothing: its `screen` is what the views draw. Whatever fails becomes a flow event (and so an
 * `ekyc-error`), never a rejection.
 */
export class CaptureController implements ReactiveController {
  readonly camera: CameraController;
  readonly guidance: GuidanceController;
  /** The run's capture-integrity signals, reported with each photo. */
  readonly integrity = new IntegrityCollector();

  private readonly host: CaptureHost;
  private readonly flow: FlowController;
  private readonly settings: () => CaptureSettings;
  private readonly viewfinder: Viewfinder;
  private readonly photo: Photo;
  private readonly review: Review;
  private readonly on: CaptureHandlers;
  private readonly refs: CaptureRefs;
  /** A camera failure not yet reported: it is, once the screen shows it. */
  private cameraError: CameraErrorCode | null = null;
  /** The guidance let go of its worker and detector: no run is under way (the intro, the result). */
  private guidanceReleased = false;

  constructor(host: CaptureHost, flow: FlowController, settings: () => CaptureSettings) {
    this.host = host;
    this.flow = flow;
    this.settings = settings;
    const cues = new Cues(() => settings().feedback);
    const camera = new CameraController(host, {
      onError: (code) => {
        this.cameraError = code;
      },
    });
    this.guidance = new GuidanceController(host, {
      onFire: (update) => void this.photo.take(true, update),
      onUnavailable: (code) => {
        flow.dispatch({ type: 'device-error', code });
      },
      onAligned: () => {
        cues.aligned();
      },
      onSample: (sample) => this.integrity.observe(sample),
    });
    const { guidance, integrity } = this;
    const viewfinder = new Viewfinder(host, camera);
    const review = new Review(flow, guidance);
    const photo = new Photo({ flow, camera, guidance, integrity, viewfinder, review, cues });
    this.camera = camera;
    this.viewfinder = viewfinder;
    this.review = review;
    this.photo = photo;
    this.on = {
      capture: () => void photo.take(false),
      upload: photo.chooseFile,
      fileChosen: photo.fileChosen,
      switchCamera: () => camera.switchCamera(),
      torch: () => void camera.setTorch(!camera.torchOn),
      retryCamera: () => camera.retry(),
      previewReady: viewfinder.previewReady,
      cancel: () => flow.dispatch({ type: 'cancel' }),
      retake: () => flow.dispatch({ type: 'retake' }),
      confirm: () => flow.dispatch({ type: 'confirm' }),
    };
    this.refs = { video: viewfinder.bindVideo, viewfinder: viewfinder.box, fileInput: photo.fileInput, reviewImage: review.bindCanvas };
    host.addController(this);
  }

  /** The stream whose frames the preview shows, once it shows them. */
  get previewStream(): MediaStream | null {
    return this.viewfinder.stream;
  }

  /** The preview shows the live camera. */
  get ready(): boolean {
    const { camera } = this;
    return camera.status === 'live' && camera.stream !== null && this.previewStream === camera.stream;
  }

  /** What a capture step's screen shows besides the flow's state, and what its controls do. */
  screen(state: CaptureState): CaptureScreen {
    const { camera, guidance } = this;
    const guide = guideShapeOf(sideOfStep(state.step), state.config.documentType);
    return { camera, ready: this.ready, hint: guidance.hint, frameReady: guidance.ready, guide, summary: this.review.summary, on: this.on, refs: this.refs };
  }

  /** What the live region says on a capture step, besides the flow's state. */
  get speech(): CaptureSpeech {
    return { spokenHint: this.guidance.spokenHint, summary: this.review.summary };
  }

  /** Loads what the capture steps need ahead of them: the encoder, the face detector. */
  prefetch(assetsBase: string): void {
    void loadEncoder().catch(() => undefined);
    this.guidance.preload(assetsBase);
  }

  /** Before rendering, so that what the camera does at once (stopping, starting) shows in this update, not the next. */
  hostUpdate(): void {
    const state = this.flow.state;
    if (isCaptureState(state) && !state.review && this.host.isConnected) {
      this.camera.want(state.step === 'selfie' ? 'user' : 'environment');
    } else {
      this.camera.release();
    }
    // Back at the intro (reset, cancel) or at the result, nothing is left running: the workers stop and the page's
    // face detector is given back, as when the element leaves the page; the next start loads them again.
    const idle = state.step === 'intro' || state.step === 'done';
    if (idle && !this.guidanceReleased) {
      this.releaseWorkers();
      this.integrity.reset();
    }
    this.guidanceReleased = idle;
  }

  hostUpdated(): void {
    const state = this.flow.state;
    this.viewfinder.syncAspect();
    this.syncGuidance(isCaptureState(state) ? state : null);
    // The camera's failure, reported once its screen shows it.
    const code = this.cameraError;
    this.cameraError = null;
    if (code) this.flow.dispatch({ type: 'device-error', code });
  }

  hostDisconnected(): void {
    releaseEncoderWorker();
  }

  /** The analysis worker, the page's face detector and the encoding worker, given back. */
  private releaseWorkers(): void {
    this.guidance.hostDisconnected();
    releaseEncoderWorker();
  }

  private syncGuidance(state: CaptureState | null): void {
    const video = this.viewfinder.video;
    const stream = this.camera.stream;
    const watching = state && video && stream && !state.review && !state.capturing && this.previewStream === stream;
    const guide = watching ? this.viewfinder.guideInVideo(video, state) : null;
    if (!watching || !guide) {
      this.guidance.sync(null);
      return;
    }
    this.integrity.watch(`${state.step} ${stream.id}`, stream.getVideoTracks()[0]);
    const { manualCapture, livenessChallenge } = this.settings();
    this.guidance.sync({
      key: [state.step, stream.id, guide.x, guide.y, guide.width, guide.height].map((v) => (typeof v === 'number' ? Math.round(v) : v)).join(' '),
      kind: state.step === 'selfie' ? 'selfie' : 'document',
      video,
      guide,
      challenge: livenessChallenge,
      autoCapture: !manualCapture,
    });
  }
}
