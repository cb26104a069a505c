import { scratchBytes } from './scratch.js';
import type { GreyImage } from './types.js';

/**
 * Half the size each way, into a working buffer: each pixel the mean of a 2×2 block (an odd last row or column is
 * dropped).
 */
export function halve(image: GreyImage): GreyImage {
  const width = Math.max(1, image.width >> 1);
  const height = Math.max(1, image.height >> 1);
  const data = scratchBytes('half', width * height);
  const { data: source, width: stride } = image;
  for (let y = 0; y < height; y++) {
    let i = 2 * y * stride;
    let o = y * width;
    for (let x = 0; x < width; x++, i += 2, o++) {
      const top = (source[i] ?? 0) + (source[i + 1] ?? 0);
      const bottom = (source[i + stride] ?? 0) + (source[i + stride + 1] ?? 0);
      data[o] = (top + bottom + 2) >> 2;
    }
  }
  return { width, height, data };
}
