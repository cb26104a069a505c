/** What the capture-integrity watch needs of a frame a worker read: its hash, and its own timestamp (µs) if it had one. */
export interface FrameSignature {
  hash: number;
  timestamp: number | null;
}

/**
 * A 32-bit hash of a frame's pixels (FNV-1a over 32-bit words): any change of any pixel changes it,
 * so two frames of a real sensor, whose noise moves the pixels by a level or two, never share it.
 * Runs where the frame is already read (the analysis worker), once a frame, in well under a millisecond.
 */
export function frameHash(image: ImageData): number {
  const { data } = image;
  const words = new Uint32Array(data.buffer, data.byteOffset, data.byteLength >> 2);
  let hash = 0x811c9dc5;
  for (let i = 0; i < words.length; i++) hash = Math.imul(hash ^ (words[i] ?? 0), 0x01000193);
  return hash >>> 0;
}
