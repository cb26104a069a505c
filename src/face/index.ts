// The face module's public surface. Importing it loads nothing heavy: MediaPipe is fetched
// by `loadFaceDetector` / `preloadFaceDetector` only.
export { FACE_ASSET_FILES, faceAssetUrls, type FaceAssetUrls } from './detector/assets.js';
export { SELFIE_CAPTURE_FRAMES, MAX_HOLD_MOVEMENT, initialCaptureGate, nextCaptureGate } from './rules/capture-gate.js';
export type { SelfieCaptureGate, SelfieCaptureGateOptions } from './rules/capture-gate.js';
export { FaceDetectorError, type FaceDetectorFailure } from './detector/errors.js';
export type { DetectorThread, FaceDetectorHandle } from './detector/handle.js';
export { headTurnHint, initialHeadTurn, nextHeadTurn } from './rules/head-turn.js';
export type { HeadTurnHint, HeadTurnOptions, HeadTurnStage, HeadTurnState, TurnDirection } from './rules/head-turn.js';
export { loadFaceDetector, type LoadFaceDetectorOptions } from './detector/load-detector.js';
export { defaultOvalGuide, type OvalGuide } from './rules/oval-guide.js';
export { frontHasPortrait } from './portrait.js';
export { needFaceDetector, preloadFaceDetector, releaseFaceDetector, replaceFaceDetector } from './detector/preload.js';
export { checkSelfie } from './rules/selfie-check.js';
export type { MoveDirection, SelfieCheck, SelfieCheckOptions, SelfieHint } from './rules/selfie-check.js';
export { TRUSTED_TYPES_POLICY_NAME } from '../platform/trusted-types.js';
export type { Face, FaceBox, FaceFrame, FaceKeypoints, FrameSize, Point } from './types.js';
export { estimateYaw } from './rules/yaw.js';
