import { HttpError } from './errors.js';
import type { Part } from './multipart.js';

export type ImageType = 'image/jpeg' | 'image/png';

export interface Image {
  type: ImageType;
  data: Uint8Array;
}

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

/** What an upload route takes: its field's name and how many images. */
export interface UploadShape {
  field: 'files' | 'selfies';
  min: number;
  max: number;
}

/** Keeps only what FPT.AI should see: `min`–`max` images in `field`, each a JPEG or PNG within `maxFileBytes`. */
export function inspectParts(parts: readonly Part[], shape: UploadShape, maxFileBytes: number): Image[] {
  const images: Image[] = [];
  for (const part of parts) {
    if (part.name !== shape.field || part.filename === undefined) {
      throw new HttpError(400, 'unexpected-part', `Only "${shape.field}" file parts are accepted.`);
    }
    if (part.data.byteLength > maxFileBytes) {
      throw new HttpError(413, 'file-too-large', `An image is larger than ${maxFileBytes} bytes.`);
    }
    const type = imageTypeOf(part.data);
    if (!type) throw new HttpError(415, 'not-an-image', 'Every file must be a JPEG or PNG image.');
    images.push({ type, data: part.data });
  }
  if (images.length < shape.min || images.length > shape.max) {
    const count = shape.min === shape.max ? `${shape.min}` : `${shape.min} to ${shape.max}`;
    throw new HttpError(400, 'wrong-file-count', `Send ${count} "${shape.field}" image(s).`);
  }
  return images;
}
