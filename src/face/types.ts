/** A point in normalised frame coordinates: 0–1 across the width and down the height. */
export interface Point {
  x: number;
  y: number;
}

/** An axis-aligned box in normalised frame coordinates (`x`, `y`: top-left corner). */
export interface FaceBox {
  x: number;
  y: number;
  width: number;
  height: number;
}

/**
 * The six face keypoints of the BlazeFace detector, normalised. "Right" and "left" are the
 * person's own: in an unmirrored camera frame their right eye is on the image's left.
 */
export interface FaceKeypoints {
  rightEye: Point;
  leftEye: Point;
  noseTip: Point;
  mouth: Point;
  rightEar: Point;
  leftEar: Point;
}

/** One detected face. */
export interface Face {
  box: FaceBox;
  keypoints: FaceKeypoints;
  /** Detector confidence, 0–1. */
  score: number;
}

/** Width and height of a frame, in pixels. */
export interface FrameSize {
  width: number;
  height: number;
}

/** Anything a frame can be taken from. */
export type FaceFrame =
  | ImageBitmap
  | HTMLVideoElement
  | HTMLCanvasElement
  | OffscreenCanvas
  | HTMLImageElement
  | VideoFrame
  | ImageData;
