/**
 * Working buffers reused from one frame to the next, so that measuring 30
 * frames a second does not allocate (and collect) a megabyte a second. Each
 * is only valid until the next call asks for the same name; nothing returned
 * to callers may point into one.
 */
const bytes = new Map<string, Uint8Array>();
const floats = new Map<string, Float32Array>();

/** A byte buffer of `length`; its contents are whatever the last user left. */
export function scratchBytes(name: string, length: number): Uint8Array {
  let buffer = bytes.get(name);
  if (!buffer || buffer.length < length) {
    buffer = new Uint8Array(length);
    bytes.set(name, buffer);
  }
  return buffer.subarray(0, length);
}

/** A float buffer of `length`; its contents are whatever the last user left. */
export function scratchFloats(name: string, length: number): Float32Array {
  let buffer = floats.get(name);
  if (!buffer || buffer.length < length) {
    buffer = new Float32Array(length);
    floats.set(name, buffer);
  }
  return buffer.subarray(0, length);
}
