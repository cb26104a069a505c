import { ByteWriter } from './byte-writer.js';
import { MODEL_FIELD, MODEL_FIELD_COUNT, bufferData, readTfliteModel, usesExternalData } from './tflite-model.js';

/** The name MediaPipe and the TFLite support library look for among a model's metadata entries. */
export const METADATA_NAME = 'TFLITE_METADATA';

/** The prefix stays a multiple of this, so everything in the original file keeps its alignment. */
export const PREFIX_ALIGNMENT = 64;

/** Where each buffer's bytes start: enough for any SIMD load and for `force_align: 16`. */
export const DATA_ALIGNMENT = 64;

/** Writes a table's vtable then the table's soffset; returns the table's position. */
function startTable(out: ByteWriter, fieldOffsets: readonly number[], tableSize: number): number {
  out.align(4);
  const vtable = out.position;
  out.u16(4 + 2 * fieldOffsets.length).u16(tableSize);
  for (const offset of fieldOffsets) out.u16(offset);
  out.align(4);
  const table = out.position;
  out.i32(table - vtable);
  return table;
}

/**
 * Returns a copy of a TFLite model whose metadata includes `metadata` under {@link METADATA_NAME}.
 *
 * Flatbuffer offsets point forwards, so the original file is kept byte for byte after a new
 * prefix holding a new root `Model` table. That table points at the original operator codes,
 * subgraphs and description, and at a new `buffers` vector: the original buffers plus one
 * holding `metadata`, named by one new `Metadata` entry. The original root becomes unreachable.
 *
 * The buffers' bytes are copied after the original file, each starting on a 64-byte boundary:
 * older converters (this model's included) wrote tensor data only 4-byte aligned, and
 * `Buffer.data` is declared 16-byte aligned. The unreachable original copies cost the file's
 * size once more, which is small next to the wasm runtime.
 */
export function addModelMetadata(original: Uint8Array, metadata: Uint8Array): Uint8Array {
  const model = readTfliteModel(original);
  if (model.metadata.some((entry) => entry.name === METADATA_NAME)) {
    throw new Error(`the model already has ${METADATA_NAME}`);
  }
  if (model.buffers.some((_, index) => usesExternalData(model, index))) {
    throw new Error('buffers stored outside the flatbuffer are not supported');
  }

  const out = new ByteWriter();
  // References into the original file are written as placeholders and patched once the prefix
  // length, and so where the original starts, is known; likewise references to the copied data.
  const intoOriginal: { at: number; target: number }[] = [];
  const refOriginal = (target: number): void => {
    intoOriginal.push({ at: out.position, target });
    out.u32(0);
  };

  out.u32(0).bytes(new TextEncoder().encode('TFL3'));

  // Root Model table: one 4-byte slot a field, in id order, so field i sits at 4 + 4 * i.
  // Fields the original lacks get no vtable entry (a zero offset would not verify).
  const originalObjects: Partial<Record<number, number>> = {
    [MODEL_FIELD.operatorCodes]: model.objects.operatorCodes,
    [MODEL_FIELD.subgraphs]: model.objects.subgraphs,
    [MODEL_FIELD.description]: model.objects.description,
    [MODEL_FIELD.metadataBuffer]: model.objects.metadataBuffer,
    [MODEL_FIELD.signatureDefs]: model.objects.signatureDefs,
  };
  const written = (id: number): boolean =>
    id === MODEL_FIELD.version || id === MODEL_FIELD.buffers || id === MODEL_FIELD.metadata || originalObjects[id] !== undefined;
  const fieldOffsets = Array.from({ length: MODEL_FIELD_COUNT }, (_, id) => (written(id) ? 4 + 4 * id : 0));
  const root = startTable(out, fieldOffsets, 4 + 4 * MODEL_FIELD_COUNT);
  out.patchU32(0, root);
  out.u32(model.version);
  const slots = new Map<number, number>();
  for (let id = 1; id < MODEL_FIELD_COUNT; id++) {
    slots.set(id, out.position);
    const target = originalObjects[id];
    if (target === undefined) out.u32(0);
    else refOriginal(target);
  }
  const pointSlot = (id: number, target: number): void => {
    const slot = slots.get(id) ?? 0;
    out.patchU32(slot, target - slot);
  };

  // buffers: empty ones stay the original tables; the others, and the metadata, get new tables.
  out.align(4);
  pointSlot(MODEL_FIELD.buffers, out.position);
  out.u32(model.buffers.length + 1);
  const newBuffers: { ref: number; data: Uint8Array }[] = [];
  model.buffers.forEach((table, index) => {
    const data = bufferData(model, index);
    if (data.length === 0) {
      refOriginal(table);
    } else {
      newBuffers.push({ ref: out.position, data });
      out.u32(0);
    }
  });
  newBuffers.push({ ref: out.position, data: metadata });
  out.u32(0);

  // metadata: the original entries, then ours.
  pointSlot(MODEL_FIELD.metadata, out.position);
  out.u32(model.metadata.length + 1);
  for (const entry of model.metadata) refOriginal(entry.table);
  const newMetadataRef = out.position;
  out.u32(0);

  const metadataTable = startTable(out, [4, 8], 12);
  out.patchU32(newMetadataRef, metadataTable - newMetadataRef);
  const nameRef = out.position;
  out.u32(0).u32(model.buffers.length);
  out.patchU32(nameRef, out.position - nameRef);
  const name = new TextEncoder().encode(METADATA_NAME);
  out.u32(name.length).bytes(name).bytes(new Uint8Array(1));

  // The new Buffer tables share one vtable: a single field, `data`.
  out.align(4);
  const bufferVtable = out.position;
  out.u16(6).u16(8).u16(4).align(4);
  const dataRefs: { at: number; data: Uint8Array }[] = [];
  for (const { ref, data } of newBuffers) {
    const table = out.position;
    out.patchU32(ref, table - ref);
    out.i32(table - bufferVtable);
    dataRefs.push({ at: out.position, data });
    out.u32(0);
  }

  out.align(PREFIX_ALIGNMENT);
  const prefixLength = out.position;
  for (const { at, target } of intoOriginal) out.patchU32(at, prefixLength + target - at);
  out.bytes(original).align(4);

  for (const { at, data } of dataRefs) {
    while ((out.position + 4) % DATA_ALIGNMENT !== 0) out.u32(0);
    out.patchU32(at, out.position - at);
    out.u32(data.length).bytes(data);
  }
  return out.align(DATA_ALIGNMENT).toUint8Array();
}
