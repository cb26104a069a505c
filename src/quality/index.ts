/**
 * On-device checks of document frames: where the card is, exposure, glare,
 * sharpness and motion, the verdict and hint, the auto-capture gate and the
 * capture's crop (which `capture/document-photo.ts` encodes).
 */
export { analyzeDocumentFrame } from './analyze.js';
export { createDocumentAnalyzer } from './analyzer.js';
export type { DocumentAnalysis, DocumentAnalyzer, DocumentAnalyzerOptions } from './analyzer.js';
export { documentCaptureCard, documentCaptureRect } from './crop.js';
export type { CaptureCard } from './crop.js';
export { advanceGate, DOCUMENT_CAPTURE_FRAMES, closeGate, openGate } from './gate.js';
export type { DocumentCaptureGate, GateFrame, GateStep } from './gate.js';
export { createRegionGrabber } from './grab.js';
export { documentChecks, judgeDocumentFrame } from './judge.js';
export type { DocumentChecks } from './judge.js';
export { documentLayout } from './layout.js';
export type { LayoutOptions } from './layout.js';
export { qualitySummary } from './summary.js';
export { DOCUMENT_THRESHOLDS } from './thresholds.js';
export type { DocumentThresholds } from './thresholds.js';
export type {
  CardReport,
  DocumentFrameReport,
  DocumentHint,
  DocumentVerdict,
  ExposureReport,
  FrameLayout,
  GlareReport,
  Point,
  Rect,
  Side,
  Thumbnail,
} from './types.js';
