import { scratchBytes } from './scratch.js';
import type { GreyImage } from './types.js';

/** A pixel is blown out when even its darkest channel is this bright: white glare, not a saturated colour. */
export const BLOWN_LEVEL = 250;

export interface GreyFrame {
  grey: GreyImage;
  /** 1 where the pixel is blown out, else 0. */
  blown: Uint8Array;
  /** How many pixels are blown out. */
  blownCount: number;
}

/** Converts RGBA pixels to luma (BT.601 weights) and marks blown-out pixels, in one pass, into working buffers. */
export function toGrey(image: ImageData): GreyFrame {
  const { width, height, data } = image;
  const count = width * height;
  const grey = scratchBytes('grey', count);
  const blown = scratchBytes('blown', count);
  let blownCount = 0;
  for (let i = 0, p = 0; i < count; i++, p += 4) {
    const r = data[p] ?? 0;
    const g = data[p + 1] ?? 0;
    const b = data[p + 2] ?? 0;
    grey[i] = (77 * r + 150 * g + 29 * b) >> 8;
    const isBlown = r >= BLOWN_LEVEL && g >= BLOWN_LEVEL && b >= BLOWN_LEVEL ? 1 : 0;
    blown[i] = isBlown;
    blownCount += isBlown;
  }
  return { grey: { width, height, data: grey }, blown, blownCount };
}
