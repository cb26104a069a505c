/**
 * The files an `assets-base` folder must hold (the build writes them to `ekyc-assets/`, each with a Brotli copy
 * beside it). Each name carries the first 10 hex digits of its content's SHA-256, so that a host can serve them
 * `immutable` for a year; the build fails when a name and its bytes disagree.
 * The wasm pair is MediaPipe's ES-module build: it is imported, never injected as a script.
 */
export const FACE_ASSET_FILES = {
  model: 'face-detection-short-range.aa3ba4e8f1.tflite',
  wasmLoader: 'vision_wasm_module_internal.70eff39565.js',
  wasmBinary: 'vision_wasm_module_internal.ee03b14a87.wasm',
} as const;

/** Absolute URLs of the face detector's files. */
export type FaceAssetUrls = Record<keyof typeof FACE_ASSET_FILES, string>;

/**
 * Resolves the asset files against `assetsBase` (absolute, or relative to `baseUrl`:
 * the page's address by default). A missing trailing slash is added.
 */
export function faceAssetUrls(assetsBase: string | URL, baseUrl: string = globalThis.location.href): FaceAssetUrls {
  const folder = new URL(assetsBase, baseUrl);
  if (!folder.pathname.endsWith('/')) folder.pathname += '/';
  return {
    model: new URL(FACE_ASSET_FILES.model, folder).href,
    wasmLoader: new URL(FACE_ASSET_FILES.wasmLoader, folder).href,
    wasmBinary: new URL(FACE_ASSET_FILES.wasmBinary, folder).href,
  };
}
