import { initialCaptureGate, nextCaptureGate } from '../../src/face/rules/capture-gate.js';
import type { FaceDetectorHandle } from '../../src/face/detector/handle.js';
import { checkSelfie, type SelfieCheck } from '../../src/face/rules/selfie-check.js';

/** The fake camera's stream in a playing, muted video element. */
export async function openCamera(): Promise<{ video: HTMLVideoElement; stop(): void }> {
  const stream = await navigator.mediaDevices.getUserMedia({ video: true });
  const video = document.createElement('video');
  video.muted = true;
  video.playsInline = true;
  video.srcObject = stream;
  await video.play();
  return { video, stop: () => stream.getTracks().forEach((track) => track.stop()) };
}

function nextVideoFrame(video: HTMLVideoElement): Promise<void> {
  return new Promise((resolve) => video.requestVideoFrameCallback(() => resolve()));
}

/** What the selfie step saw over a number of camera frames. */
export interface SelfieRun {
  checks: SelfieCheck[];
  faceCounts: number[];
  /** Index of the frame on which the auto-capture gate fired, or -1. */
  firedAt: number;
}

/**
 * Runs the selfie step's loop (detect, check, gate) on `frames` camera frames, the way the
 * element does: one detection at a time, on the newest frame.
 */
export async function watchSelfie(detector: FaceDetectorHandle, video: HTMLVideoElement, frames: number): Promise<SelfieRun> {
  const run: SelfieRun = { checks: [], faceCounts: [], firedAt: -1 };
  let gate = initialCaptureGate;
  for (let frame = 0; frame < frames; frame++) {
    await nextVideoFrame(video);
    const faces = await detector.detect(video, performance.now());
    const check = checkSelfie(faces, { width: video.videoWidth, height: video.videoHeight });
    gate = nextCaptureGate(gate, check);
    run.checks.push(check);
    run.faceCounts.push(faces.length);
    if (gate.fire && run.firedAt < 0) run.firedAt = frame;
  }
  return run;
}
