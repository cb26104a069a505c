import type { GreyImage, Thumbnail } from './types.js';

/** Width of the thumbnail compared between frames: coarse enough that sensor noise averages out. */
export const THUMBNAIL_WIDTH = 32;

/** Averages the image down to a `THUMBNAIL_WIDTH`-wide thumbnail. */
export function makeThumbnail(image: GreyImage, thumbnailWidth = THUMBNAIL_WIDTH): Thumbnail {
  const width = Math.max(1, Math.min(thumbnailWidth, image.width));
  const height = Math.max(1, Math.round((image.height * width) / image.width));
  const sums = new Float64Array(width * height);
  const counts = new Uint32Array(width * height);
  const columnOf = new Int32Array(image.width);
  for (let x = 0; x < image.width; x++) columnOf[x] = Math.min(width - 1, Math.floor((x * width) / image.width));
  for (let y = 0; y < image.height; y++) {
    const rowOffset = Math.min(height - 1, Math.floor((y * height) / image.height)) * width;
    const source = y * image.width;
    for (let x = 0; x < image.width; x++) {
      const cell = rowOffset + (columnOf[x] ?? 0);
      sums[cell] = (sums[cell] ?? 0) + (image.data[source + x] ?? 0);
      counts[cell] = (counts[cell] ?? 0) + 1;
    }
  }
  const data = new Uint8Array(width * height);
  for (let i = 0; i < data.length; i++) data[i] = Math.round((sums[i] ?? 0) / Math.max(1, counts[i] ?? 0));
  return { width, height, data };
}

/** Mean absolute grey-level difference of two thumbnails, or `null` when they are not comparable. */
export function thumbnailDifference(a: Thumbnail, b: Thumbnail | null | undefined): number | null {
  if (!b || a.width !== b.width || a.height !== b.height) return null;
  let sum = 0;
  for (let i = 0; i < a.data.length; i++) sum += Math.abs((a.data[i] ?? 0) - (b.data[i] ?? 0));
  return sum / a.data.length;
}
