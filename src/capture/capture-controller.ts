import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { CameraController } from '../camera/camera-controller.js';
import type { CameraErrorCode } from '../camera/camera-errors.js';
import type { CaptureSide } from '../events.js';
import { Cues } from '../feedback/cues.js';
import type { FlowController } from '../flow/flow-controller.js';
import { isCaptureState, sideOfStep } from '../flow/steps.js';
import type { CaptureState, LivenessChallenge } from '../flow/types.js';
import { GuidanceController } from '../guidance/guidance-controller.js';
import { IntegrityCollector } from '../integrity/collector.js';
import type { IntegrityReport } from '../integrity/types.js';
import type { FrameFindings, GuidanceUpdate } from '../guidance/types.js';
import { nextTask } from '../platform/scheduling.js';
import { waits } from '../platform/waits.js';
import { renderCapture, type CaptureHandlers } from '../views/capture.js';
import type { Translate } from '../views/common.js';
import { renderReview } from '../views/review.js';
import { reviewSummary, reviewSummaryText } from '../views/review-summary.js';
import type { EncodedImage } from './encode.js';
import { expandRect, guideInView, guideShapeOf, viewToSource, type Rect } from './geometry.js';
import { CAPTURE_LONG_SIDE, CAPTURE_MARGIN, SELFIE_LONG_SIDE } from './limits.js';

// Come with this chunk, which the intro fetches in idle time: what fetches the face runtime ahead of the flow, and
// the capture screens' styles.
export { prefetchFaceRuntime } from '../face/detector/prefetch.js';
export { captureStyles } from '../styles/capture.styles.js';
// The result screen comes after the capture steps only: it comes with them, not in the first bundle.
export { renderDone } from '../views/done.js';

// The JPEG encoder loads when the flow starts, not with the element.
const loadEncoder = () => import('./encode.js');
const releaseEncoderWorker = (): void => void loadEncoder().then(({ releaseEncoder }) => releaseEncoder(), () => undefined);

export interface CaptureHost extends ReactiveControllerHost {
  readonly renderRoot: HTMLElement | DocumentFragment;
  readonly isConnected: boolean;
}

export interface CaptureSettings {
  manualCapture: boolean;
  livenessChallenge: LivenessChallenge;
  /** The `feedback` attribute: which non-visual cues play. */
  feedback: string | null | undefined;
}

/** How long the portrait check waits for the face detector, which starts loading with the flow. */

const longSide = (side: CaptureSide): number => (side === 'selfie' ? SELFIE_LONG_SIDE : CAPTURE_LONG_SIDE);

/**
 * Everything between a capture step and its photo: opens the camera the step
 * needs, keeps the guidance watching the preview, takes the photo (by hand,
 * or the frame guidance picked), decodes an uploaded one, draws the photo
 * under review and checks that a document front shows a portrait. Whatever
 * fails becomes a flow event (and so an `ekyc-error`), never a rejection.
 */
export class CaptureController implements ReactiveController {
  readonly camera: CameraController;
  readonly guidance: GuidanceController;
  /** The run's capture-integrity signals, reported with each photo. */
  readonly integrity = new IntegrityCollector();
  /** The stream whose frames the preview shows, once it shows them. */
  previewStream: MediaStream | null = null;

  private readonly host: CaptureHost;
  private readonly flow: FlowController;
  private readonly settings: () => CaptureSettings;
  private readonly cues: Cues;
  private reportedCameraError: CameraErrorCode | null = null;
  private drawnReview: Blob | null = null;
  /** The guidance let go of its worker and detector: no run is under way (the intro, the result). */
  private guidanceReleased = false;
  /** What the checks found on each photo taken with the camera (none for an upload); holds no photo alive. */
  private readonly findings = new WeakMap<Blob, FrameFindings | null>();

  constructor(host: CaptureHost, flow: FlowController, settings: () => CaptureSettings) {
    this.host = host;
    this.flow = flow;
    this.settings = settings;
    this.cues = new Cues(() => settings().feedback);
    this.camera = new CameraController(host);
    this.guidance = new GuidanceController(host, {
      onFire: (update) => void this.takePhoto(true, update),
      onUnavailable: (code) => {
        flow.dispatch({ type: 'device-error', code });
      },
      onAligned: () => {
        this.cues.aligned();
      },
      onSample: (sample) => this.integrity.observe(sample),
    });
    host.addController(this);
  }

  /** The preview shows the live camera. */
  get ready(): boolean {
    const { camera } = this;
    return camera.status === 'live' && camera.stream !== null && this.previewStream === camera.stream;
  }

  /** A capture step's screen: the photo under review, or the live preview with its guidance. */
  render(t: Translate, state: CaptureState, allowUpload: boolean, onHandoff?: () => void) {
    const { flow } = this;
    if (state.review) {
      return renderReview({
        t,
        state,
        summary: this.summaryOf(state.review.image),
        onRetake: () => flow.dispatch({ type: 'retake' }),
        onConfirm: () => flow.dispatch({ type: 'confirm' }),
        onCancel: this.on.cancel,
      });
    }
    const { camera, guidance } = this;
    return renderCapture({ t, state, camera, ready: this.ready, hint: guidance.hint, frameReady: guidance.ready, allowUpload, on: this.on, onHandoff });
  }

  /** On review, what the live region says: that the photo was taken (with the camera), and what the checks found. */
  reviewSpeech(t: Translate): string {
    const state = this.flow.state;
    if (!isCaptureState(state) || !state.review) return '';
    const summary = reviewSummaryText(t, this.summaryOf(state.review.image));
    return state.review.source === 'camera' ? `${t('review.taken')} ${summary}` : summary;
  }

  private summaryOf(image: Blob) {
    return reviewSummary(this.findings.get(image) ?? null);
  }

  private readonly on: CaptureHandlers = {
    capture: () => void this.takePhoto(false),
    upload: () => this.host.renderRoot.querySelector<HTMLInputElement>('input[type=file]')?.click(),
    fileChosen: (event) => {
      const input = event.target as HTMLInputElement;
      const file = input.files?.[0];
      input.value = '';
      if (file) void this.upload(file);
    },
    switchCamera: () => this.camera.switchCamera(),
    torch: () => void this.camera.setTorch(!this.camera.torchOn),
    retryCamera: () => this.camera.retry(),
    previewReady: (event) => this.onPreviewReady(event),
    cancel: () => this.flow.dispatch({ type: 'cancel' }),
  };

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
    const review = isCaptureState(state) ? state.review : null;
    if (review?.image !== this.drawnReview) {
      this.drawnReview = review?.image ?? null;
      if (review) void this.drawReview(review.image);
    }
    this.notePreviewMissed(this.host.renderRoot.querySelector('video'));
    this.syncVideoAspect();
    this.syncGuidance(isCaptureState(state) ? state : null);
    this.reportCameraError();
  }

  hostDisconnected(): void {
    this.drawnReview = null;
    releaseEncoderWorker();
  }

  /** The analysis worker, the page's face detector and the encoding worker, given back. */
  private releaseWorkers(): void {
    this.guidance.hostDisconnected();
    releaseEncoderWorker();
  }

  private readonly onPreviewReady = (event: Event): void => {
    this.notePreview(event.target as HTMLVideoElement);
  };

  /**
   * After a render: the camera's stream already showing in a preview that has not said so. Its events can come
   * before their listener (a preview put back into the page, a stream that was already playing).
   */
  private notePreviewMissed(video: HTMLVideoElement | null): void {
    const stream = video && streamShown(video);
    if (stream && stream === this.camera.stream) this.notePreview(video);
  }

  /** Which stream the preview shows, once it has a picture: read on the video's events. */
  private notePreview(video: HTMLVideoElement): void {
    const stream = streamShown(video);
    if (stream === this.previewStream) return;
    this.previewStream = stream;
    this.host.requestUpdate();
  }

  /** Takes the photo: from the live preview, or the frame guidance picked (the sharpest of its run). */
  async takePhoto(auto: boolean, update?: GuidanceUpdate): Promise<void> {
    const state = this.flow.state;
    const video = this.host.renderRoot.querySelector('video');
    if (!isCaptureState(state) || state.review || state.capturing || !video || video.videoWidth === 0) {
      update?.frame?.close();
      return;
    }
    const side = sideOfStep(state.step);
    // What the checks found on the photo: the frame that fired, or the last one measured before the button.
    const found = update?.findings ?? this.guidance.findings;
    const stream = this.camera.stream ?? undefined;
    const track = stream?.getVideoTracks()[0];
    const deviceLabel = this.camera.devices.find((device) => device.deviceId === track?.getSettings().deviceId)?.label;
    const integrity = this.integrity.report(track ? { facing: side === 'selfie' ? 'user' : 'environment', track, stream, deviceLabel } : null);
    this.flow.dispatch({ type: 'capture-started' });
    try {
      const { encodeJpeg } = await loadEncoder();
      let encoded: EncodedImage;
      if (side === 'selfie') {
        encoded = await encodeJpeg(video, { maxLongSide: SELFIE_LONG_SIDE });
      } else if (update?.frame && update.crop) {
        encoded = await encodeJpeg(update.frame, { crop: update.crop, maxLongSide: CAPTURE_LONG_SIDE });
      } else {
        const guide = this.guideInVideo(video, state);
        if (!guide) throw new Error('The guide is not on screen.');
        encoded = await encodeJpeg(video, { crop: expandRect(guide, CAPTURE_MARGIN), maxLongSide: CAPTURE_LONG_SIDE });
      }
      this.findings.set(encoded.blob, found);
      this.cues.taken();
      await this.captured(side, encoded, { auto, quality: update?.quality ?? null, source: 'camera', integrity });
    } catch {
      this.flow.dispatch({ type: 'capture-failed', code: 'capture-failed' });
    } finally {
      update?.frame?.close();
    }
  }

  /** A photo the user chose instead: decoded (EXIF orientation applied) and encoded as a camera photo would be. */
  async upload(file: File): Promise<void> {
    const state = this.flow.state;
    if (!isCaptureState(state) || state.review || state.capturing) return;
    const side = sideOfStep(state.step);
    this.flow.dispatch({ type: 'capture-started' });
    try {
      const { encodeUpload } = await loadEncoder();
      const integrity = this.integrity.report(null);
      await this.captured(side, await encodeUpload(file, { maxLongSide: longSide(side) }), { auto: false, quality: null, source: 'upload', integrity });
    } catch {
      this.flow.dispatch({ type: 'capture-failed', code: 'upload-unreadable' });
    }
  }

  private async captured(
    side: CaptureSide,
    encoded: EncodedImage,
    how: { auto: boolean; quality: GuidanceUpdate['quality']; source: 'camera' | 'upload'; integrity: IntegrityReport },
  ): Promise<void> {
    // The review is drawn in a task of its own: with the encoder's answer, it held a slow phone's page for over 50 ms.
    await nextTask();
    const image = encoded.blob;
    this.flow.dispatch({ type: 'captured', capture: { side, image, width: encoded.width, height: encoded.height, ...how } });
    if (side === 'front') void this.checkPortrait(image);
  }

  /**
   * A document front carries a portrait: warn before uploading when the detector sees none. The user reviews the
   * photo meanwhile, so the detector may take its time to load (the verdict only counts while the photo is on screen).
   */
  private async checkPortrait(image: Blob): Promise<void> {
    try {
      const detector = await this.guidance.detector(waits.detectorWaitMs);
      if (!detector) return;
      const { frontHasPortrait } = await import('../face/portrait.js');
      if (!(await frontHasPortrait(detector, image))) this.flow.dispatch({ type: 'portrait-missing', image });
    } catch {
      // No verdict: the API judges the photo.
    }
  }

  /** Shows the photo under review on the canvas: no `blob:` URL to allow in a Content-Security-Policy, nothing to revoke. */
  private async drawReview(image: Blob): Promise<void> {
    try {
      const bitmap = await createImageBitmap(image);
      try {
        const canvas = this.host.renderRoot.querySelector<HTMLCanvasElement>('canvas[part="review-image"]');
        if (!canvas || this.drawnReview !== image) return;
        canvas.width = bitmap.width;
        canvas.height = bitmap.height;
        canvas.getContext('2d')?.drawImage(bitmap, 0, 0);
      } finally {
        bitmap.close();
      }
    } catch {
      this.flow.dispatch({ type: 'review-failed', image });
    }
  }

  /**
   * Documents are framed in the camera's own shape, so that no pixel of the card is cropped away.
   * Set through the CSSOM: an inline `style` attribute is what a strict Content-Security-Policy refuses.
   */
  private syncVideoAspect(): void {
    const viewfinder = this.host.renderRoot.querySelector<HTMLElement>('.viewfinder');
    const video = viewfinder?.querySelector('video');
    if (!viewfinder) return;
    if (video && video.videoWidth > 0) viewfinder.style.setProperty('--_video-aspect', `${video.videoWidth} / ${video.videoHeight}`);
    else viewfinder.style.removeProperty('--_video-aspect');
  }

  private syncGuidance(state: CaptureState | null): void {
    const video = this.host.renderRoot.querySelector('video');
    const stream = this.camera.stream;
    const watching = state && video && stream && !state.review && !state.capturing && this.previewStream === stream;
    const guide = watching ? this.guideInVideo(video, state) : null;
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

  /** The guide frame as drawn, in the video's own pixels. */
  private guideInVideo(video: HTMLVideoElement, state: CaptureState): Rect | null {
    const viewfinder = this.host.renderRoot.querySelector('.viewfinder');
    if (!viewfinder || video.videoWidth === 0) return null;
    const view = viewfinder.getBoundingClientRect();
    if (view.width === 0 || view.height === 0) return null;
    const shape = guideShapeOf(sideOfStep(state.step), state.config.documentType);
    return viewToSource(guideInView(shape, view.width, view.height), view, { width: video.videoWidth, height: video.videoHeight });
  }

  private reportCameraError(): void {
    const code = this.camera.status === 'error' ? this.camera.error : null;
    if (code === this.reportedCameraError) return;
    this.reportedCameraError = code;
    if (code) this.flow.dispatch({ type: 'device-error', code });
  }
}

/** The stream a preview shows, once it has a picture. */
function streamShown(video: HTMLVideoElement): MediaStream | null {
  return video.videoWidth > 0 && video.srcObject instanceof MediaStream ? video.srcObject : null;
}
