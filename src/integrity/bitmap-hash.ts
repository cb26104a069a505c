import { frameHash } from './frame-hash.js';

/** Wide enough that a sensor's noise survives the downscale (a few source pixels a sample), small enough to cost little. */
const WIDTH = 160;

let context: OffscreenCanvasRenderingContext2D | null = null;

/**
 * `frameHash` of a bitmap drawn small, for a worker that hands its frames to a model without reading
 * their pixels (the face detector's). `null` where the worker cannot draw.
 */
export function bitmapHash(image: ImageBitmap): number | null {
  try {
    const width = WIDTH;
    const height = Math.max(1, Math.round((WIDTH * image.height) / Math.max(1, image.width)));
    context ??= new OffscreenCanvas(width, height).getContext('2d', { willReadFrequently: true });
    if (!context) return null;
    const { canvas } = context;
    if (canvas.width !== width || canvas.height !== height) {
      canvas.width = width;
      canvas.height = height;
    }
    context.drawImage(image, 0, 0, width, height);
    return frameHash(context.getImageData(0, 0, width, height));
  } catch {
    return null;
  }
}
