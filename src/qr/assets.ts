/**
 * The file an `assets-base` folder must hold for reading QR codes where the browser cannot (the build writes it);
 * its name carries its content hash, as the face detector's files do.
 */
export const QR_ASSET_FILES = {
  /** ZXing-C++'s reader, compiled to WebAssembly (`zxing-wasm/reader`). */
  wasm: 'zxing_reader.5003fb4b88.wasm',
} as const;

/** The decoder's wasm, resolved against `assetsBase` (absolute, or relative to `baseUrl`). */
export function qrWasmUrl(assetsBase: string | URL, baseUrl: string = globalThis.location.href): string {
  const folder = new URL(assetsBase, baseUrl);
  if (!folder.pathname.endsWith('/')) folder.pathname += '/';
  return new URL(QR_ASSET_FILES.wasm, folder).href;
}
