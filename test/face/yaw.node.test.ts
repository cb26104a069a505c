import { expect } from 'chai';
import { describe, it } from 'node:test';
import { estimateYaw } from '../../src/face/rules/yaw.js';
import type { Face, Point } from '../../src/face/types.js';
import { faceAt, turned } from './face-builders.js';

const frame = { width: 480, height: 640 };

/** Rotates every keypoint of a face by `degrees` (in pixels) around the frame's centre: a head tilt. */
function tilted(face: Face, degrees: number): Face {
  const angle = (degrees * Math.PI) / 180;
  const rotate = ({ x, y }: Point): Point => {
    const px = (x - 0.5) * frame.width;
    const py = (y - 0.5) * frame.height;
    return {
      x: 0.5 + (px * Math.cos(angle) - py * Math.sin(angle)) / frame.width,
      y: 0.5 + (px * Math.sin(angle) + py * Math.cos(angle)) / frame.height,
    };
  };
  const k = face.keypoints;
  return {
    ...face,
    keypoints: {
      rightEye: rotate(k.rightEye),
      leftEye: rotate(k.leftEye),
      noseTip: rotate(k.noseTip),
      mouth: rotate(k.mouth),
      rightEar: rotate(k.rightEar),
      leftEar: rotate(k.leftEar),
    },
  };
}

describe('estimateYaw', () => {
  const face = faceAt(0.5, 0.5, 0.3, frame);

  it('is zero for a face looking at the camera', () => {
    expect(estimateYaw(face, frame)).to.be.closeTo(0, 1e-9);
  });

  it('is the nose offset over the ear span, positive towards the person’s left', () => {
    expect(estimateYaw(turned(face, 0.12), frame)).to.be.closeTo(0.12, 1e-9);
    expect(estimateYaw(turned(face, -0.12), frame)).to.be.closeTo(-0.12, 1e-9);
  });

  it('does not mistake a tilted head for a turned one', () => {
    expect(estimateYaw(tilted(face, 25), frame)).to.be.closeTo(0, 1e-9);
    expect(estimateYaw(tilted(turned(face, 0.12), -25), frame)).to.be.closeTo(0.12, 1e-9);
  });

  it('is zero rather than infinite when the keypoints collapse', () => {
    const k = face.keypoints;
    const collapsed = { ...face, keypoints: { ...k, leftEar: k.rightEar } };
    expect(estimateYaw(collapsed, frame)).to.equal(0);
  });
});
