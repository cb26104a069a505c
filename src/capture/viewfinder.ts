import type { ReactiveControllerHost } from 'lit';
import { createRef } from 'lit/directives/ref.js';
import type { CameraController } from '../camera/camera-controller.js';
import { sideOfStep } from '../flow/steps.js';
import type { CaptureState } from '../flow/types.js';
import { guideInView, guideShapeOf, viewToSource, type Rect } from '../geometry/geometry.js';

/**
 * The live preview as the capture steps read it: its `<video>` and its box (bound by the screen), which stream it
 * shows once it has a picture, the box shaped as the camera's frames, and the guide in the video's own pixels.
 */
export class Viewfinder {
  /** The stream whose frames the preview shows, once it shows them. */
  stream: MediaStream | null = null;
  /** The preview's `<video>`, while it is on screen. */
  video: HTMLVideoElement | null = null;
  /** The preview's box, whose size places the guide. */
  readonly box = createRef<HTMLElement>();

  private readonly host: ReactiveControllerHost;
  private readonly camera: Pick<CameraController, 'stream'>;

  constructor(host: ReactiveControllerHost, camera: Pick<CameraController, 'stream'>) {
    this.host = host;
    this.camera = camera;
  }

  /**
   * Told as the `<video>` appears, comes back into the page or leaves: one put back may show the camera's stream
   * already, its events gone before their listener.
   */
  readonly bindVideo = (element?: Element): void => {
    const video = element instanceof HTMLVideoElement ? element : null;
    this.video = video;
    const stream = video && streamShown(video);
    if (stream && stream === this.camera.stream) this.notePreview(video);
  };

  /** The video's events (`loadeddata`, `playing`, `resize`): its picture is there, or changed size. */
  readonly previewReady = (event: Event): void => {
    this.notePreview(event.target as HTMLVideoElement);
  };

  /**
   * Documents are framed in the camera's own shape, so that no pixel of the card is cropped away.
   * Set through the CSSOM: an inline `style` attribute is what a strict Content-Security-Policy refuses.
   */
  syncAspect(): void {
    const box = this.box.value;
    const video = this.video;
    if (!box) return;
    if (video && video.videoWidth > 0) box.style.setProperty('--_video-aspect', `${video.videoWidth} / ${video.videoHeight}`);
    else box.style.removeProperty('--_video-aspect');
  }

  /** The guide frame as drawn, in the video's own pixels. */
  guideInVideo(video: HTMLVideoElement, state: CaptureState): Rect | null {
    const box = this.box.value;
    if (!box || video.videoWidth === 0) return null;
    const view = box.getBoundingClientRect();
    if (view.width === 0 || view.height === 0) return null;
    const shape = guideShapeOf(sideOfStep(state.step), state.config.documentType);
    return viewToSource(guideInView(shape, view.width, view.height), view, { width: video.videoWidth, height: video.videoHeight });
  }

  /** Which stream the preview shows, once it has a picture: read on the video's events. */
  private notePreview(video: HTMLVideoElement): void {
    const stream = streamShown(video);
    if (stream === this.stream) return;
    this.stream = stream;
    this.host.requestUpdate();
  }
}

/** The stream a preview shows, once it has a picture. */
function streamShown(video: HTMLVideoElement): MediaStream | null {
  return video.videoWidth > 0 && video.srcObject instanceof MediaStream ? video.srcObject : null;
}
