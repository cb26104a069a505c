import type { Face, FrameSize, Point } from '../types.js';

/**
 * Estimates how far the head is turned sideways, from the detector's keypoints: the offset of
 * the nose tip from the midpoint of the eyes, along the line through the eyes (so a tilted
 * head does not count as turned), divided by the distance between the ear tragions along
 * that line. 0 is facing the camera; positive means turned towards the person's own left,
 * negative towards their right, whether or not the preview is mirrored.
 *
 * It is a ratio, not an angle: with typical head proportions about 0.05 at 15°, 0.1 at 30°
 * and 0.17 at 45°. BlazeFace keypoints are coarse, so treat it as a gesture detector.
 */
export function estimateYaw(face: Face, frame: FrameSize): number {
  const px = (point: Point): Point => ({ x: point.x * frame.width, y: point.y * frame.height });
  const { rightEye, leftEye, noseTip, rightEar, leftEar } = face.keypoints;
  const [right, left, nose] = [px(rightEye), px(leftEye), px(noseTip)];
  const axis = { x: left.x - right.x, y: left.y - right.y };
  const length = Math.hypot(axis.x, axis.y);
  if (length === 0) return 0;
  const along = (point: Point): number => (point.x * axis.x + point.y * axis.y) / length;
  const earSpan = Math.abs(along(px(leftEar)) - along(px(rightEar)));
  if (earSpan === 0) return 0;
  const eyeMid = { x: (right.x + left.x) / 2, y: (right.y + left.y) / 2 };
  return (along(nose) - along(eyeMid)) / earSpan;
}
