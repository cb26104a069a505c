import type { Box, GreyImage } from './types.js';

export interface GreyStats {
  mean: number;
  /** 5th and 95th percentile grey levels. */
  low: number;
  high: number;
}

/** Grey-level percentile from a 256-bin histogram of `count` pixels. */
function percentile(histogram: Uint32Array, count: number, fraction: number): number {
  const target = fraction * count;
  let seen = 0;
  for (let level = 0; level < 256; level++) {
    seen += histogram[level] ?? 0;
    if (seen > target) return level;
  }
  return 255;
}

/** Mean and spread of grey levels inside `box`. */
export function greyStats(image: GreyImage, box: Box): GreyStats {
  const histogram = new Uint32Array(256);
  let sum = 0;
  for (let y = box.y0; y < box.y1; y++) {
    const row = y * image.width;
    for (let x = box.x0; x < box.x1; x++) {
      const level = image.data[row + x] ?? 0;
      histogram[level] = (histogram[level] ?? 0) + 1;
      sum += level;
    }
  }
  const count = (box.x1 - box.x0) * (box.y1 - box.y0);
  const low = percentile(histogram, count, 0.05);
  const high = percentile(histogram, count, 0.95);
  return { mean: count > 0 ? sum / count : 0, low, high };
}
