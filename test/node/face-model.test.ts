import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import { ByteBuffer } from 'flatbuffers';
import { brotliDecompressSync } from 'node:zlib';
import { buildFaceAssets, faceAssetFiles, faceModelWithMetadata, hashedName } from '../../scripts/build-face-assets.js';
import { addModelMetadata } from '../../scripts/face-assets/add-metadata.js';
import { bufferData, readTfliteModel, referenced, tableVector } from '../../scripts/face-assets/tflite-model.js';
import { FACE_ASSET_FILES } from '../../src/face/detector/assets.js';
import { QR_ASSET_FILES } from '../../src/qr/assets.js';

const original = new Uint8Array(readFileSync('node_modules/@mediapipe/face_detection/face_detection_short_range.tflite'));
const output = faceModelWithMetadata();

/** Reads `ModelMetadata` → subgraph 0 → input tensor 0 with plain flatbuffers offsets (metadata_schema.fbs ids). */
function readInputTensorMetadata(bytes: Uint8Array) {
  const bb = new ByteBuffer(bytes);
  const root = bb.readUint32(0);
  const subgraph = tableVector(bb, referenced(bb, root, 3)!)[0]!;
  const tensor = tableVector(bb, referenced(bb, subgraph, 2)!)[0]!;
  const content = referenced(bb, tensor, 3)!;
  const contentType = bb.readUint8(content + bb.__offset(content, 4));
  const imageProperties = referenced(bb, content, 1)!;
  const colorSpace = bb.readInt8(imageProperties + bb.__offset(imageProperties, 4));
  const processUnit = tableVector(bb, referenced(bb, tensor, 4)!)[0]!;
  const optionsType = bb.readUint8(processUnit + bb.__offset(processUnit, 4));
  const normalization = referenced(bb, processUnit, 1)!;
  const floats = (id: number) => {
    const vector = referenced(bb, normalization, id)!;
    return Array.from({ length: bb.readUint32(vector) }, (_, i) => bb.readFloat32(vector + 4 + 4 * i));
  };
  return { identifier: bb.getBufferIdentifier(), contentType, colorSpace, optionsType, mean: floats(0), std: floats(1) };
}

describe('the face model with metadata', () => {
  const model = readTfliteModel(output);
  const before = readTfliteModel(original);

  test('parses as a TFLite model with the original version and subgraphs', () => {
    assert.equal(model.version, before.version);
    assert.ok(model.objects.subgraphs !== undefined && model.objects.operatorCodes !== undefined);
    assert.equal(model.bytes.readUint32(model.objects.subgraphs), before.bytes.readUint32(before.objects.subgraphs!));
  });

  test('keeps the original file byte for byte after a prefix that is a multiple of 64 bytes', () => {
    const prefix = model.objects.subgraphs! - before.objects.subgraphs!;
    assert.equal(prefix % 64, 0);
    assert.deepEqual(output.subarray(prefix, prefix + original.length), original);
    assert.equal(model.objects.operatorCodes! - before.objects.operatorCodes!, prefix);
  });

  test('has every buffer of the original, byte for byte, starting on a 64-byte boundary', () => {
    assert.equal(model.buffers.length, before.buffers.length + 1);
    let weights = 0;
    for (let i = 0; i < before.buffers.length; i++) {
      const data = bufferData(model, i);
      const originalData = bufferData(before, i);
      assert.deepEqual(data, originalData);
      if (data.length === 0) continue;
      weights += data.length;
      assert.equal((data.byteOffset - output.byteOffset) % 64, 0, `buffer ${i} is 64-byte aligned`);
    }
    assert.ok(weights > 100_000, 'the weights are there');
  });

  test('carries TFLITE_METADATA in a new last buffer', () => {
    assert.deepEqual(
      model.metadata.filter((entry) => entry.name === 'TFLITE_METADATA').map((entry) => entry.buffer),
      [before.buffers.length],
    );
    const metadata = bufferData(model, before.buffers.length);
    assert.equal((metadata.byteOffset - output.byteOffset) % 64, 0);
  });

  test('describes one RGB image input normalised with mean 127.5 and std 127.5', () => {
    const tensor = readInputTensorMetadata(bufferData(model, before.buffers.length).slice());
    assert.deepEqual(tensor, {
      identifier: 'M001',
      contentType: 2,
      colorSpace: 1,
      optionsType: 1,
      mean: [127.5],
      std: [127.5],
    });
  });

  test('refuses to add the metadata twice', () => {
    assert.throws(() => addModelMetadata(output, new Uint8Array(8)), /already has TFLITE_METADATA/);
  });

  test('refuses a file that is not a TFLite model', () => {
    assert.throws(() => addModelMetadata(new Uint8Array(64), new Uint8Array(8)), /not a TFLite model/);
  });
});

describe('buildFaceAssets', () => {
  const outDir = mkdtempSync(join(tmpdir(), 'ekyc-assets-'));
  after(() => rmSync(outDir, { recursive: true, force: true }));

  test('writes the model, the wasm runtime and the QR reader, then leaves them alone when up to date', () => {
    const first = buildFaceAssets(outDir);
    const expected = [...Object.values(FACE_ASSET_FILES), ...Object.values(QR_ASSET_FILES)].sort();
    assert.deepEqual(first.map((file) => file.slice(outDir.length + 1)).sort(), expected);
    const qrWasm = 'node_modules/zxing-wasm/dist/reader/zxing_reader.wasm';
    assert.ok(readFileSync(join(outDir, QR_ASSET_FILES.wasm)).equals(readFileSync(qrWasm)));
    assert.deepEqual(new Uint8Array(readFileSync(join(outDir, FACE_ASSET_FILES.model))), output);
    const wasm = join('node_modules/@mediapipe/tasks-vision/wasm', FACE_ASSET_FILES.wasmBinary.replace(/\.[0-9a-f]{10}\./, '.'));
    assert.ok(readFileSync(join(outDir, FACE_ASSET_FILES.wasmBinary)).equals(readFileSync(wasm)));
    assert.deepEqual(buildFaceAssets(outDir), []);
  });
});

describe('the assets\' names', () => {
  test('each carries the hash of the bytes the build writes under it', () => {
    for (const [name, bytes] of faceAssetFiles()) {
      assert.equal(name, hashedName(name.replace(/\.[0-9a-f]{10}\./, '.'), bytes));
    }
  });

  test('another content gives another name', () => {
    assert.equal(hashedName('model.tflite', new Uint8Array([1, 2, 3])), 'model.039058c6f2.tflite');
    assert.notEqual(hashedName('model.tflite', new Uint8Array([1, 2, 4])), 'model.039058c6f2.tflite');
  });
});

describe('buildFaceAssets with Brotli copies', () => {
  const outDir = mkdtempSync(join(tmpdir(), 'ekyc-assets-br-'));
  after(() => rmSync(outDir, { recursive: true, force: true }));

  test('writes a .br beside each file that decompresses to its bytes, and is smaller than the file', () => {
    buildFaceAssets(outDir, undefined, { brotli: true });
    const names = readdirSync(outDir);
    for (const name of names.filter((file) => !file.endsWith('.br'))) {
      const copy = join(outDir, `${name}.br`);
      assert.ok(existsSync(copy), `${name}.br`);
      const plain = readFileSync(join(outDir, name));
      const compressed = readFileSync(copy);
      assert.ok(brotliDecompressSync(compressed).equals(plain), name);
      assert.ok(compressed.byteLength < plain.byteLength, name);
    }
    assert.equal(names.length, 8);
  });
});
