// The face module's public surface. Importing it loads nothing heavy: MediaPipe is fetched
// by `loadFaceDetector` / `preloadFaceDetector` only.
export { FACE_ASSET_FILES, faceAssetUrls, type FaceAssetUrls } from './assets.js';
export { AUTO_CAPTURE_FRAMES, MAX_HOLD_MOVEMENT, initialCaptureGate, nextCaptureGate } from './capture-gate.js';
export type { CaptureGate, CaptureGateOptions } from './capture-gate.js';
export { FaceDetectorError, type FaceDetectorFailure } from './errors.js';
export type { DetectorThread, FaceDetectorHandle } from './handle.js';
export { headTurnHint, initialHeadTurn, nextHeadTurn } from './head-turn.js';
export type { HeadTurnHint, HeadTurnOptions, HeadTurnStage, HeadTurnState, TurnDirection } from './head-turn.js';
export { loadFaceDetector, type LoadFaceDetectorOptions } from './load-detector.js';
export { defaultOvalGuide, type OvalGuide } from './oval-guide.js';
export { frontHasPortrait } from './portrait.js';
export { preloadFaceDetector, releaseFaceDetector } from './preload.js';
export { checkSelfie } from './selfie-check.js';
export type { MoveDirection, SelfieCheck, SelfieCheckOptions, SelfieHint } from './selfie-check.js';
export { TRUSTED_TYPES_POLICY_NAME } from './trusted-types.js';
export type { Face, FaceBox, FaceFrame, FaceKeypoints, FrameSize, Point } from './types.js';
export { estimateYaw } from './yaw.js';
