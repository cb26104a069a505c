import type { Box, GreyImage } from './types.js';

/**
 * Sharpness of the detail inside `box`: the energy of the Laplacian over the
 * energy of the gradient. For a pattern of spatial frequency ω (radians a
 * pixel) this is 4·sin²(ω/2), about ω², so it measures how fine the detail is
 * rather than how strong: it does not change with contrast or exposure, and,
 * as the analysed image is scaled to the guide, not with the camera's
 * resolution either. Blur removes the fine detail first, so the value falls
 * fast as a frame goes out of focus (0 for a flat image, at most 4).
 */
export function measureSharpness(image: GreyImage, box: Box, gate = 100): number {
  const { width, height, data } = image;
  const x0 = Math.max(1, box.x0);
  const y0 = Math.max(1, box.y0);
  const x1 = Math.min(width - 1, box.x1);
  const y1 = Math.min(height - 1, box.y1);
  let laplacian = 0;
  let gradient = 0;
  for (let y = y0; y < y1; y++) {
    for (let x = x0, i = y * width + x0; x < x1; x++, i++) {
      const centre = data[i] ?? 0;
      const right = data[i + 1] ?? 0;
      const below = data[i + width] ?? 0;
      const l = (data[i - 1] ?? 0) + right + (data[i - width] ?? 0) + below - 4 * centre;
      const dx = right - centre;
      const dy = below - centre;
      const g = dx * dx + dy * dy;
      // Flat areas only add sensor noise, which would pass for fine detail.
      if (g < gate) continue;
      laplacian += l * l;
      gradient += g;
    }
  }
  return gradient > 0 ? laplacian / gradient : 0;
}
