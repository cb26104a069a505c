/** An RGB picture, three floats a pixel (0–255, unclamped while it is being made), row by row. */
export interface Picture {
  width: number;
  height: number;
  data: Float32Array;
}

export function blankPicture(width: number, height: number): Picture {
  return { width, height, data: new Float32Array(width * height * 3) };
}

/** Every pixel from a function of its position. */
export function paint(picture: Picture, colour: (x: number, y: number) => readonly [number, number, number]): void {
  const { width, height, data } = picture;
  for (let y = 0, i = 0; y < height; y++) {
    for (let x = 0; x < width; x++, i += 3) {
      const [r, g, b] = colour(x, y);
      data[i] = r;
      data[i + 1] = g;
      data[i + 2] = b;
    }
  }
}

/** A filled axis-aligned rectangle, clipped to the picture. */
export function fillRect(picture: Picture, x0: number, y0: number, w: number, h: number, rgb: readonly number[], alpha = 1): void {
  const left = Math.max(0, Math.round(x0));
  const top = Math.max(0, Math.round(y0));
  const right = Math.min(picture.width, Math.round(x0 + w));
  const bottom = Math.min(picture.height, Math.round(y0 + h));
  for (let y = top; y < bottom; y++) {
    for (let x = left, i = (y * picture.width + left) * 3; x < right; x++, i += 3) {
      for (let c = 0; c < 3; c++) picture.data[i + c] = (picture.data[i + c] ?? 0) * (1 - alpha) + (rgb[c] ?? 0) * alpha;
    }
  }
}

/** The picture as 8-bit RGBA, as a camera frame's pixels are read. */
export function toRgba(picture: Picture): Uint8ClampedArray {
  const out = new Uint8ClampedArray(picture.width * picture.height * 4);
  for (let i = 0, o = 0; i < picture.data.length; i += 3, o += 4) {
    out[o] = picture.data[i] ?? 0;
    out[o + 1] = picture.data[i + 1] ?? 0;
    out[o + 2] = picture.data[i + 2] ?? 0;
    out[o + 3] = 255;
  }
  return out;
}
