import type { Face } from '../../src/face/types.js';

/**
 * A plausible frontal face whose box is centred on (`centerX`, `centerY`) with the given
 * normalised height; square in pixels on a `frameWidth` × `frameHeight` frame.
 */
export function faceAt(
  centerX: number,
  centerY: number,
  height: number,
  frame = { width: 480, height: 640 },
  score = 0.9,
): Face {
  const width = (height * frame.height) / frame.width;
  const x = centerX - width / 2;
  const y = centerY - height / 2;
  const at = (fx: number, fy: number) => ({ x: x + fx * width, y: y + fy * height });
  return {
    box: { x, y, width, height },
    keypoints: {
      rightEye: at(0.3, 0.35),
      leftEye: at(0.7, 0.35),
      noseTip: at(0.5, 0.55),
      mouth: at(0.5, 0.75),
      rightEar: at(0.05, 0.45),
      leftEar: at(0.95, 0.45),
    },
    score,
  };
}

/** The same face with its nose moved along the eye line by `shift` of the ear span (the yaw ratio). */
export function turned(face: Face, shift: number): Face {
  const span = face.keypoints.leftEar.x - face.keypoints.rightEar.x;
  const { noseTip } = face.keypoints;
  return { ...face, keypoints: { ...face.keypoints, noseTip: { x: noseTip.x + shift * span, y: noseTip.y } } };
}
