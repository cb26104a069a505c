import { ByteBuffer } from 'flatbuffers';

/** Field ids of `Model`, `Buffer` and `Metadata` in the TFLite `schema.fbs` (file identifier `TFL3`). */
export const MODEL_FIELD = {
  version: 0,
  operatorCodes: 1,
  subgraphs: 2,
  description: 3,
  buffers: 4,
  metadataBuffer: 5,
  metadata: 6,
  signatureDefs: 7,
} as const;
export const MODEL_FIELD_COUNT = 8;
export const BUFFER_FIELD = { data: 0, offset: 1, size: 2 } as const;
export const METADATA_FIELD = { name: 0, buffer: 1 } as const;

/** A TFLite model's root table, as absolute byte positions in its file. */
export interface TfliteModelLayout {
  bytes: ByteBuffer;
  /** Position of the root `Model` table. */
  root: number;
  /** Schema version (field 0), 0 when absent. */
  version: number;
  /** For each offset field of `Model`: the absolute position of the object it points at, if present. */
  objects: Partial<Record<keyof typeof MODEL_FIELD, number>>;
  /** Absolute positions of the `Buffer` tables, in order. */
  buffers: number[];
  /** The `Metadata` entries: absolute table position, name and buffer index. */
  metadata: { table: number; name: string; buffer: number }[];
}

const fieldSlot = (id: number): number => 4 + 2 * id;

/** Absolute position of the object an offset field of `table` points at, or undefined when the field is absent. */
export function referenced(bytes: ByteBuffer, table: number, id: number): number | undefined {
  const field = bytes.__offset(table, fieldSlot(id));
  return field === 0 ? undefined : bytes.__indirect(table + field);
}

/** Absolute positions of the tables a vector of tables (starting at `vector`) points at. */
export function tableVector(bytes: ByteBuffer, vector: number): number[] {
  const length = bytes.readUint32(vector);
  return Array.from({ length }, (_, i) => bytes.__indirect(vector + 4 + 4 * i));
}

/** Reads a scalar uint32 field, or `fallback` when absent. */
export function uint32Field(bytes: ByteBuffer, table: number, id: number, fallback = 0): number {
  const field = bytes.__offset(table, fieldSlot(id));
  return field === 0 ? fallback : bytes.readUint32(table + field);
}

/** Reads a string field, or undefined when absent. */
export function stringField(bytes: ByteBuffer, table: number, id: number): string | undefined {
  const field = bytes.__offset(table, fieldSlot(id));
  return field === 0 ? undefined : (bytes.__string(table + field) as string);
}

/** Reads the root of a TFLite flatbuffer; throws when it is not one. */
export function readTfliteModel(file: Uint8Array): TfliteModelLayout {
  const bytes = new ByteBuffer(file);
  if (file.length < 8 || bytes.getBufferIdentifier() !== 'TFL3') throw new Error('not a TFLite model (no TFL3 identifier)');
  const root = bytes.readUint32(0);
  const objects: TfliteModelLayout['objects'] = {};
  for (const [name, id] of Object.entries(MODEL_FIELD) as [keyof typeof MODEL_FIELD, number][]) {
    if (name === 'version') continue;
    const target = referenced(bytes, root, id);
    if (target !== undefined) objects[name] = target;
  }
  const buffers = objects.buffers === undefined ? [] : tableVector(bytes, objects.buffers);
  const metadata = (objects.metadata === undefined ? [] : tableVector(bytes, objects.metadata)).map((table) => ({
    table,
    name: stringField(bytes, table, METADATA_FIELD.name) ?? '',
    buffer: uint32Field(bytes, table, METADATA_FIELD.buffer),
  }));
  return { bytes, root, version: uint32Field(bytes, root, MODEL_FIELD.version), objects, buffers, metadata };
}

/** The bytes of buffer `index`'s `data` vector (a view into the file), empty when it has none. */
export function bufferData(model: TfliteModelLayout, index: number): Uint8Array {
  const table = model.buffers[index];
  if (table === undefined) throw new RangeError(`no buffer ${index}`);
  const vector = referenced(model.bytes, table, BUFFER_FIELD.data);
  if (vector === undefined) return new Uint8Array(0);
  const length = model.bytes.readUint32(vector);
  return model.bytes.bytes().subarray(vector + 4, vector + 4 + length);
}

/** Whether buffer `index` stores its data outside the flatbuffer (`offset`/`size`, used by models over 2 GB). */
export function usesExternalData(model: TfliteModelLayout, index: number): boolean {
  const table = model.buffers[index];
  if (table === undefined) return false;
  const field = model.bytes.__offset(table, fieldSlot(BUFFER_FIELD.offset));
  // 0 and 1 are the schema's "not used" markers
  return field !== 0 && model.bytes.readUint64(table + field) > 1n;
}
