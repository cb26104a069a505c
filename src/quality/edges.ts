import { scratchFloats } from './scratch.js';
import type { GreyImage } from './types.js';

/**
 * Grey-level step (over two pixels) at which an edge counts in full, for a
 * well-lit view. Weaker steps count in part, stronger ones no more: a card's
 * outline then scores by how much of its length shows a step, not by how
 * bright the card is, and sharp print inside the card cannot outweigh it.
 */
export const EDGE_SATURATION = 24;

/**
 * The saturation step for a view whose bright parts (95th percentile) are at
 * `high`: a tenth of it, so that a card in a dim room, whose edges are dim
 * too, is still found (and then reported as too dark rather than missing).
 */
export function edgeSaturation(high: number): number {
  return Math.max(6, Math.min(EDGE_SATURATION, high / 10));
}

export interface EdgeMaps {
  width: number;
  height: number;
  /** Signed strength, −1…1, of edges running up and down (brightness changing along x). */
  vertical: Float32Array;
  /** Signed strength of edges running across (brightness changing along y). */
  horizontal: Float32Array;
  /** The grey levels they were found on. */
  grey: Uint8Array;
}

/**
 * Central-difference gradients, each pixel assigned to the direction its
 * gradient mostly points in, signed and saturated at `saturation`.
 */
export function edgeMaps(image: GreyImage, saturation = EDGE_SATURATION): EdgeMaps {
  const inverse = 1 / saturation;
  const { width, height, data } = image;
  const vertical = scratchFloats('vertical', width * height).fill(0);
  const horizontal = scratchFloats('horizontal', width * height).fill(0);
  for (let y = 1; y < height - 1; y++) {
    for (let x = 1, i = y * width + 1; x < width - 1; x++, i++) {
      const gx = (data[i + 1] ?? 0) - (data[i - 1] ?? 0);
      const gy = (data[i + width] ?? 0) - (data[i - width] ?? 0);
      const ax = gx < 0 ? -gx : gx;
      const ay = gy < 0 ? -gy : gy;
      if (ax >= ay) {
        vertical[i] = ax >= saturation ? (gx > 0 ? 1 : -1) : gx * inverse;
      } else {
        horizontal[i] = ay >= saturation ? (gy > 0 ? 1 : -1) : gy * inverse;
      }
    }
  }
  return { width, height, vertical, horizontal, grey: data };
}
