// Writes the element's self-hosted assets: the MediaPipe wasm runtime and the face model with the
// metadata MediaPipe's tasks need, and ZXing's QR reader (wasm) for browsers without a QR-reading
// `BarcodeDetector`. Each file's name carries its content hash (`FACE_ASSET_FILES`, `QR_ASSET_FILES`):
// the build fails when a name and its bytes disagree. With `--brotli`, a Brotli copy (quality 11)
// is written beside each file (`<name>.br`), for hosts that serve precompressed files.
// Usage: tsx scripts/build-face-assets.ts [--brotli] [outDir...] (default public/ekyc-assets).
// Nothing is downloaded: everything comes from node_modules.
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants } from 'node:zlib';
import { addModelMetadata } from './face-assets/add-metadata.js';
import { buildImageInputMetadata } from './face-assets/model-metadata.js';
import { FACE_ASSET_FILES } from '../src/face/detector/assets.js';
import { QR_ASSET_FILES } from '../src/qr/assets.js';

const projectRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');

const MODEL_SOURCE = 'node_modules/@mediapipe/face_detection/face_detection_short_range.tflite';
const WASM_SOURCE = 'node_modules/@mediapipe/tasks-vision/wasm';
const QR_WASM_SOURCE = 'node_modules/zxing-wasm/dist/reader/zxing_reader.wasm';

/** The short-range BlazeFace model takes RGB scaled to [-1, 1]. */
const SHORT_RANGE_METADATA = {
  modelName: 'face_detection_short_range',
  description: 'BlazeFace short-range face detector, 128x128 RGB input, from @mediapipe/face_detection.',
  license: 'Apache-2.0',
  mean: [127.5],
  std: [127.5],
};

/** The short-range face model with its `TFLITE_METADATA` added. */
export function faceModelWithMetadata(root = projectRoot): Uint8Array {
  return addModelMetadata(readFileSync(join(root, MODEL_SOURCE)), buildImageInputMetadata(SHORT_RANGE_METADATA));
}

/** `name.ext` → `name.<first 10 hex digits of the bytes' SHA-256>.ext`. */
export function hashedName(plainName: string, bytes: Uint8Array): string {
  const hash = createHash('sha256').update(bytes).digest('hex').slice(0, 10);
  const dot = plainName.lastIndexOf('.');
  return `${plainName.slice(0, dot)}.${hash}${plainName.slice(dot)}`;
}

/** The name without its hash: `vision_wasm_module_internal.ee03b14a87.wasm` → `vision_wasm_module_internal.wasm`. */
const plainNameOf = (name: string): string => name.replace(/\.[0-9a-f]{10}(\.\w+)$/, '$1');

/** The assets' names and bytes; throws when a name in the source does not carry its bytes' hash. */
export function faceAssetFiles(root = projectRoot): [string, Uint8Array][] {
  const files: [string, Uint8Array][] = [
    [FACE_ASSET_FILES.model, faceModelWithMetadata(root)],
    [FACE_ASSET_FILES.wasmLoader, readFileSync(join(root, WASM_SOURCE, plainNameOf(FACE_ASSET_FILES.wasmLoader)))],
    [FACE_ASSET_FILES.wasmBinary, readFileSync(join(root, WASM_SOURCE, plainNameOf(FACE_ASSET_FILES.wasmBinary)))],
    [QR_ASSET_FILES.wasm, readFileSync(join(root, QR_WASM_SOURCE))],
  ];
  for (const [name, bytes] of files) {
    const expected = hashedName(plainNameOf(name), bytes);
    if (name !== expected) {
      throw new Error(`The asset named ${name} holds other bytes: name it ${expected} (src/face/detector/assets.ts, src/qr/assets.ts).`);
    }
  }
  return files;
}

/** Brotli copies, kept by name (the name carries the content's hash): quality 11 takes half a minute on the wasm. */
const brotliCache = resolve(projectRoot, 'node_modules/.cache/ekyc-assets-brotli');

/** Writes `<target>.br` (Brotli, quality 11) unless it is there already; true when it wrote. */
function writeBrotli(target: string, bytes: Uint8Array): boolean {
  const copy = `${target}.br`;
  if (existsSync(copy)) return false;
  const cached = join(brotliCache, `${basename(target)}.br`);
  if (!existsSync(cached)) {
    mkdirSync(brotliCache, { recursive: true });
    const compressed = brotliCompressSync(bytes, {
      params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: bytes.byteLength },
    });
    writeFileSync(`${cached}.partial`, compressed);
    renameSync(`${cached}.partial`, cached);
  }
  copyFileSync(cached, copy);
  return true;
}

/** Writes `bytes` unless `target` already holds exactly them; true when it wrote. */
function writeIfChanged(target: string, bytes: Uint8Array): boolean {
  if (existsSync(target) && readFileSync(target).equals(bytes)) return false;
  writeFileSync(target, bytes);
  return true;
}

/**
 * Writes the assets into `outDir` (created if needed). Files that already hold the right
 * bytes are left alone (comparing contents, not dates: npm gives every installed file the
 * same old date). Returns the files written.
 */
export function buildFaceAssets(outDir: string, root = projectRoot, { brotli = false } = {}): string[] {
  mkdirSync(outDir, { recursive: true });
  const written: string[] = [];
  for (const [name, bytes] of faceAssetFiles(root)) {
    const target = join(outDir, name);
    if (writeIfChanged(target, bytes)) written.push(target);
    if (brotli && writeBrotli(target, bytes)) written.push(`${target}.br`);
  }
  return written;
}

if (process.argv[1] !== undefined && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  const brotli = args.includes('--brotli');
  const targets = args.filter((arg) => arg !== '--brotli');
  for (const outDir of targets.length > 0 ? targets : ['public/ekyc-assets']) {
    const written = buildFaceAssets(resolve(outDir), projectRoot, { brotli });
    console.log(`assets in ${outDir}: ${written.length === 0 ? 'up to date' : `${written.length} written`}`);
  }
}
