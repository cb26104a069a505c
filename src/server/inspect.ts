import { HttpError } from './errors.js';
import type { Part } from './multipart.js';
import { imageTypeOf, type ImageType } from '../api/image-type.js';

export type { ImageType };

export interface Image {
  type: ImageType;
  data: Uint8Array;
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
