import { createRef } from 'lit/directives/ref.js';
import type { CameraController } from '../camera/camera-controller.js';
import type { CaptureSide } from '../events.js';
import type { Cues } from '../feedback/cues.js';
import type { FlowController } from '../flow/flow-controller.js';
import { isCaptureState, sideOfStep } from '../flow/steps.js';
import type { GuidanceController } from '../guidance/guidance-controller.js';
import type { GuidanceUpdate } from '../guidance/types.js';
import type { IntegrityCollector } from '../integrity/collector.js';
import type { IntegrityReport } from '../integrity/types.js';
import { nextTask } from '../platform/scheduling.js';
import type { EncodedImage } from './encode.js';
import { CAPTURE_MARGIN, expandRect } from '../geometry/geometry.js';
import { CAPTURE_LONG_SIDE, SELFIE_LONG_SIDE } from './limits.js';
import type { Review } from './review.js';
import type { Viewfinder } from './viewfinder.js';

/** The JPEG encoder loads when the flow starts, not with the element. */
export const loadEncoder = () => import('./encode.js');

const longSide = (side: CaptureSide): number => (side === 'selfie' ? SELFIE_LONG_SIDE : CAPTURE_LONG_SIDE);

export interface PhotoOptions {
  flow: FlowController;
  camera: Pick<CameraController, 'stream' | 'devices'>;
  guidance: Pick<GuidanceController, 'findings'>;
  integrity: Pick<IntegrityCollector, 'report'>;
  viewfinder: Pick<Viewfinder, 'video' | 'guideInVideo'>;
  review: Pick<Review, 'remember' | 'captured'>;
  cues: Pick<Cues, 'taken'>;
}

/**
 * The photo of a capture step: taken from the live preview (by hand, or the frame guidance picked) or chosen as a
 * file, encoded as a JPEG, and handed to the flow for review. Whatever fails becomes a flow event, never a rejection.
 */
export class Photo {
  /** The hidden file input that "Upload a photo" opens. */
  readonly fileInput = createRef<HTMLInputElement>();

  private readonly options: PhotoOptions;

  constructor(options: PhotoOptions) {
    this.options = options;
  }

  /** "Upload a photo": the file chooser. */
  readonly chooseFile = (): void => {
    this.fileInput.value?.click();
  };

  readonly fileChosen = (event: Event): void => {
    const input = event.target as HTMLInputElement;
    const file = input.files?.[0];
    input.value = '';
    if (file) void this.upload(file);
  };

  /** Takes the photo: from the live preview, or the frame guidance picked (the sharpest of its run). */
  async take(auto: boolean, update?: GuidanceUpdate): Promise<void> {
    const { flow, camera, viewfinder } = this.options;
    const state = flow.state;
    const video = viewfinder.video;
    if (!isCaptureState(state) || state.review || state.capturing || !video || video.videoWidth === 0) {
      update?.frame?.close();
      return;
    }
    const side = sideOfStep(state.step);
    // What the checks found on the photo: the frame that fired, or the last one measured before the button.
    const found = update?.findings ?? this.options.guidance.findings;
    const stream = camera.stream ?? undefined;
    const track = stream?.getVideoTracks()[0];
    const deviceLabel = camera.devices.find((device) => device.deviceId === track?.getSettings().deviceId)?.label;
    const integrity = this.options.integrity.report(track ? { facing: side === 'selfie' ? 'user' : 'environment', track, stream, deviceLabel } : null);
    flow.dispatch({ type: 'capture-started' });
    try {
      const { encodeJpeg } = await loadEncoder();
      let encoded: EncodedImage;
      if (side === 'selfie') {
        encoded = await encodeJpeg(video, { maxLongSide: SELFIE_LONG_SIDE });
      } else if (update?.frame && update.crop) {
        // The card flattened when its four corners were found, else its bounds (the crop).
        const card = update.card ? { ...update.card, margin: CAPTURE_MARGIN } : undefined;
        encoded = await encodeJpeg(update.frame, { crop: update.crop, card, maxLongSide: CAPTURE_LONG_SIDE });
      } else {
        const guide = viewfinder.guideInVideo(video, state);
        if (!guide) throw new Error('The guide is not on screen.');
        encoded = await encodeJpeg(video, { crop: expandRect(guide, CAPTURE_MARGIN), maxLongSide: CAPTURE_LONG_SIDE });
      }
      this.options.review.remember(encoded.blob, found);
      this.options.cues.taken();
      await this.captured(side, encoded, { auto, quality: update?.quality ?? null, source: 'camera', integrity });
    } catch {
      flow.dispatch({ type: 'capture-failed', code: 'capture-failed' });
    } finally {
      update?.frame?.close();
    }
  }

  /** A photo the user chose instead: decoded (EXIF orientation applied) and encoded as a camera photo would be. */
  async upload(file: File): Promise<void> {
    const { flow } = this.options;
    const state = flow.state;
    if (!isCaptureState(state) || state.review || state.capturing) return;
    const side = sideOfStep(state.step);
    flow.dispatch({ type: 'capture-started' });
    try {
      const { encodeUpload } = await loadEncoder();
      const integrity = this.options.integrity.report(null);
      await this.captured(side, await encodeUpload(file, { maxLongSide: longSide(side) }), { auto: false, quality: null, source: 'upload', integrity });
    } catch {
      flow.dispatch({ type: 'capture-failed', code: 'upload-unreadable' });
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
    this.options.flow.dispatch({ type: 'captured', capture: { side, image, width: encoded.width, height: encoded.height, ...how } });
    this.options.review.captured(side, image);
  }
}
