/** The image formats the API takes, known by their bytes, not by a declared type. */
export type ImageType = 'image/jpeg' | 'image/png';

/** What an image's header says: its format and its size in pixels. */
export interface ImageHeader {
  type: ImageType;
  width: number;
  height: number;
}

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const PNG_END = [0x49, 0x45, 0x4e, 0x44, 0xae, 0x42, 0x60, 0x82];
const IHDR = [0x49, 0x48, 0x44, 0x52];
/** Baseline, extended and progressive Huffman frames: the JPEGs every decoder reads. */
const JPEG_FRAMES = new Set([0xc0, 0xc1, 0xc2]);
/** Markers that stand alone, with no length: TEM and the restart markers. */
const STANDALONE = (marker: number): boolean => marker === 0x01 || (marker >= 0xd0 && marker <= 0xd7);
/** The scan (SOS) or the end (EOI): past either, a frame header that was not seen never comes. */
const SCAN_OR_END = new Set([0xda, 0xd9]);
/** PNG keeps sizes below 2³¹. */
const PNG_MAX_SIDE = 0x7fffffff;

const startsWith = (data: Uint8Array, bytes: readonly number[], at = 0): boolean =>
  data.length >= at + bytes.length && bytes.every((byte, index) => data[at + index] === byte);

const uint16 = (data: Uint8Array, at: number): number => ((data[at] ?? 0) << 8) | (data[at + 1] ?? 0);
const uint32 = (data: Uint8Array, at: number): number => uint16(data, at) * 0x10000 + uint16(data, at + 2);

/** The size a JPEG's frame header (SOF0, 1 or 2) gives, walking its segments from the start; `null` without one. */
function jpegSize(data: Uint8Array): { width: number; height: number } | null {
  let at = 2;
  while (at + 4 <= data.length) {
    if (data[at] !== 0xff) return null;
    const marker = data[at + 1] ?? 0;
    if (marker === 0xff) {
      at += 1; // fill byte before a marker
      continue;
    }
    if (STANDALONE(marker)) {
      at += 2;
      continue;
    }
    if (SCAN_OR_END.has(marker)) return null;
    const length = uint16(data, at + 2);
    if (length < 2 || at + 2 + length > data.length) return null;
    if (JPEG_FRAMES.has(marker)) {
      if (length < 8) return null;
      return { height: uint16(data, at + 5), width: uint16(data, at + 7) };
    }
    at += 2 + length;
  }
  return null;
}

/** The size a PNG's first chunk, IHDR, gives; `null` when the first chunk is not one. */
function pngSize(data: Uint8Array): { width: number; height: number } | null {
  if (uint32(data, 8) !== 13 || !startsWith(data, IHDR, 12) || data.length < 33) return null;
  const width = uint32(data, 16);
  const height = uint32(data, 20);
  return width > PNG_MAX_SIDE || height > PNG_MAX_SIDE ? null : { width, height };
}

/**
 * A JPEG (start and end markers, and a frame header before its scan) or a PNG (signature, an IHDR
 * chunk first, the end chunk last), with the size its header gives; `null` for anything else,
 * including a header that claims no pixels.
 */
export function imageHeaderOf(data: Uint8Array): ImageHeader | null {
  let header: ImageHeader | null = null;
  if (startsWith(data, [0xff, 0xd8, 0xff]) && startsWith(data, [0xff, 0xd9], data.length - 2)) {
    const size = jpegSize(data);
    header = size && { type: 'image/jpeg', ...size };
  } else if (startsWith(data, PNG_SIGNATURE) && startsWith(data, PNG_END, data.length - PNG_END.length)) {
    const size = pngSize(data);
    header = size && { type: 'image/png', ...size };
  }
  return header && header.width > 0 && header.height > 0 ? header : null;
}

/** The format of a JPEG or PNG whose header reads (see `imageHeaderOf`); `null` for anything else. */
export function imageTypeOf(data: Uint8Array): ImageType | null {
  return imageHeaderOf(data)?.type ?? null;
}
