import { HttpError } from './errors.js';
import type { Part } from './multipart.js';
import { imageHeaderOf, type ImageHeader, type ImageType } from '../api/image-type.js';

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

/** How large a file and an image's sides may be. */
export interface ImageLimits {
  maxFileBytes: number;
  /** An image's shorter side, at least. */
  minImageSidePx: number;
  /** An image's longer side, at most. */
  maxImageSidePx: number;
}

/** An image whose header claims a size outside `limits`: 422, with the size it claims. */
function checkSize({ width, height }: ImageHeader, limits: ImageLimits): void {
  const details = { width, height, minSidePx: limits.minImageSidePx, maxSidePx: limits.maxImageSidePx };
  if (Math.min(width, height) < limits.minImageSidePx) {
    throw new HttpError(422, 'image-too-small', `An image is ${width}×${height} px; its shorter side must be at least ${limits.minImageSidePx} px.`, { details });
  }
  if (Math.max(width, height) > limits.maxImageSidePx) {
    throw new HttpError(422, 'image-too-large', `An image is ${width}×${height} px; its longer side must be at most ${limits.maxImageSidePx} px.`, { details });
  }
}

/**
 * Keeps only what FPT.AI should see: `min`–`max` images in `field`, each a JPEG or PNG by its
 * header, within `maxFileBytes` and of a size within the image limits.
 */
export function inspectParts(parts: readonly Part[], shape: UploadShape, limits: ImageLimits): Image[] {
  const { maxFileBytes } = limits;
  const images: Image[] = [];
  for (const part of parts) {
    if (part.name !== shape.field || part.filename === undefined) {
      throw new HttpError(400, 'unexpected-part', `Only "${shape.field}" file parts are accepted.`);
    }
    if (part.data.byteLength > maxFileBytes) {
      throw new HttpError(413, 'file-too-large', `An image is larger than ${maxFileBytes} bytes.`);
    }
    const header = imageHeaderOf(part.data);
    if (!header) throw new HttpError(415, 'not-an-image', 'Every file must be a JPEG or PNG image.');
    checkSize(header, limits);
    images.push({ type: header.type, data: part.data });
  }
  if (images.length < shape.min || images.length > shape.max) {
    const count = shape.min === shape.max ? `${shape.min}` : `${shape.min} to ${shape.max}`;
    throw new HttpError(400, 'wrong-file-count', `Send ${count} "${shape.field}" image(s).`);
  }
  return images;
}
