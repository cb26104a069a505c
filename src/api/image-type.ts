/** The image formats the API takes, known by their bytes, not by a declared type. */
export type ImageType = 'image/jpeg' | 'image/png';

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const PNG_END = [0x49, 0x45, 0x4e, 0x44, 0xae, 0x42, 0x60, 0x82];

const startsWith = (data: Uint8Array, bytes: readonly number[], at = 0): boolean =>
  data.length >= at + bytes.length && bytes.every((byte, index) => data[at + index] === byte);

/** A JPEG from its start and end markers, or a PNG from its signature and end chunk; `null` for anything else. */
export function imageTypeOf(data: Uint8Array): ImageType | null {
  if (startsWith(data, [0xff, 0xd8, 0xff]) && startsWith(data, [0xff, 0xd9], data.length - 2)) return 'image/jpeg';
  if (startsWith(data, PNG_SIGNATURE) && startsWith(data, PNG_END, data.length - PNG_END.length)) return 'image/png';
  return null;
}
