/**
 * The files an `assets-base` folder must hold (the build writes them to `ekyc-assets/`).
 * The wasm pair is MediaPipe's ES-module build: it is imported, never injected as a script.
 */
export const FACE_ASSET_FILES = {
  model: 'face-detection-short-range.tflite',
  wasmLoader: 'vision_wasm_module_internal.js',
  wasmBinary: 'vision_wasm_module_internal.wasm',
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
