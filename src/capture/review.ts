import type { CaptureSide } from '../events.js';
import type { FlowController } from '../flow/flow-controller.js';
import type { ReviewSummary } from '../flow/capture-screen.js';
import { isCaptureState } from '../flow/steps.js';
import type { GuidanceController } from '../guidance/guidance-controller.js';
import type { FrameFindings } from '../guidance/types.js';
import { waits } from '../platform/waits.js';
import { reviewSummary } from './review-summary.js';

/**
 * The photo under review: what the checks found on it, drawn on the review's canvas, and for a document's front,
 * whether the face detector sees its portrait.
 */
export class Review {
  private readonly flow: FlowController;
  private readonly guidance: Pick<GuidanceController, 'detector'>;
  /** What the checks found on each photo taken with the camera (none for an upload); holds no photo alive. */
  private readonly findings = new WeakMap<Blob, FrameFindings | null>();
  /** The review's canvas, while it is on screen. */
  private canvas: HTMLCanvasElement | null = null;

  constructor(flow: FlowController, guidance: Pick<GuidanceController, 'detector'>) {
    this.flow = flow;
    this.guidance = guidance;
  }

  /** The photo under review, if one is. */
  get image(): Blob | null {
    const state = this.flow.state;
    return (isCaptureState(state) && state.review?.image) || null;
  }

  /** What the review says about the photo under review; `null`: none, or not checked on the device. */
  get summary(): ReviewSummary | null {
    const image = this.image;
    return image ? reviewSummary(this.findings.get(image) ?? null) : null;
  }

  /** What the checks found on a photo the camera took, kept for its review. */
  remember(image: Blob, findings: FrameFindings | null): void {
    this.findings.set(image, findings);
  }

  /** A photo is under review: a document's front is checked for its portrait meanwhile. */
  captured(side: CaptureSide, image: Blob): void {
    if (side === 'front') void this.checkPortrait(image);
  }

  /** Told as the review's canvas appears or leaves: the photo under review is drawn on it. */
  readonly bindCanvas = (element?: Element): void => {
    this.canvas = element instanceof HTMLCanvasElement ? element : null;
    const image = this.image;
    if (this.canvas && image) void this.draw(this.canvas, image);
  };

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

  /** Shows the photo on the canvas: no `blob:` URL to allow in a Content-Security-Policy, nothing to revoke. */
  private async draw(canvas: HTMLCanvasElement, image: Blob): Promise<void> {
    try {
      const bitmap = await createImageBitmap(image);
      try {
        if (this.canvas !== canvas || this.image !== image) return;
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
}
