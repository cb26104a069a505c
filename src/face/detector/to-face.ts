import type { Detection } from '@mediapipe/tasks-vision';
import type { Face, FrameSize, Point } from '../types.js';

const KEYPOINT_ORDER = ['rightEye', 'leftEye', 'noseTip', 'mouth', 'rightEar', 'leftEar'] as const;

/**
 * Converts one MediaPipe detection (box in pixels, keypoints already normalised) to a {@link Face}
 * in normalised coordinates; undefined when the detection lacks a box or any of the six keypoints.
 */
export function toFace(detection: Detection, frame: FrameSize): Face | undefined {
  const box = detection.boundingBox;
  if (!box || detection.keypoints.length < KEYPOINT_ORDER.length || frame.width <= 0 || frame.height <= 0) {
    return undefined;
  }
  const points = detection.keypoints.map(({ x, y }): Point => ({ x, y }));
  const [rightEye, leftEye, noseTip, mouth, rightEar, leftEar] = points as [Point, Point, Point, Point, Point, Point];
  return {
    box: {
      x: box.originX / frame.width,
      y: box.originY / frame.height,
      width: box.width / frame.width,
      height: box.height / frame.height,
    },
    keypoints: { rightEye, leftEye, noseTip, mouth, rightEar, leftEar },
    score: detection.categories[0]?.score ?? 0,
  };
}
