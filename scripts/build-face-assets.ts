// Writes the element's self-hosted assets: the MediaPipe wasm runtime and the face model with the
// metadata MediaPipe's tasks need, and ZXing's QR reader (wasm) for browsers without a QR-reading
// `BarcodeDetector`. Usage: tsx scripts/build-face-assets.ts [outDir...]
// (default public/ekyc-assets). Nothing is downloaded: everything comes from node_modules.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
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
export function buildFaceAssets(outDir: string, root = projectRoot): string[] {
  mkdirSync(outDir, { recursive: true });
  const files: [string, Uint8Array][] = [
    [FACE_ASSET_FILES.model, faceModelWithMetadata(root)],
    [FACE_ASSET_FILES.wasmLoader, readFileSync(join(root, WASM_SOURCE, FACE_ASSET_FILES.wasmLoader))],
    [FACE_ASSET_FILES.wasmBinary, readFileSync(join(root, WASM_SOURCE, FACE_ASSET_FILES.wasmBinary))],
    [QR_ASSET_FILES.wasm, readFileSync(join(root, QR_WASM_SOURCE))],
  ];
  const written: string[] = [];
  for (const [name, bytes] of files) {
    const target = join(outDir, name);
    if (writeIfChanged(target, bytes)) written.push(target);
  }
  return written;
}

if (process.argv[1] !== undefined && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const targets = process.argv.slice(2);
  for (const outDir of targets.length > 0 ? targets : ['public/ekyc-assets']) {
    const written = buildFaceAssets(resolve(outDir));
    console.log(`assets in ${outDir}: ${written.length === 0 ? 'up to date' : `${written.length} written`}`);
  }
}
