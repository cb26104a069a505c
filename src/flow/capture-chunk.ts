// The capture steps' chunk, which the element loads when first needed (src/flow/capture-loader.ts): their
// controllers and the screens that draw what the controllers supply.
export { CaptureController } from '../capture/capture-controller.js';
export { captureSpeech, renderCaptureStep } from '../views/capture-step.js';
// Come with this chunk, which the intro fetches in idle time: what fetches the face runtime ahead of the flow, and
// the capture screens' styles.
export { prefetchFaceRuntime } from '../face/detector/prefetch.js';
export { captureStyles } from '../styles/capture.styles.js';
// The result screen comes after the capture steps only: it comes with them, not in the first bundle.
export { renderDone } from '../views/done.js';
