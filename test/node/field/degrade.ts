import { addSensorNoise } from '../../quality/fixtures/random.js';
import type { Picture } from './picture.js';

/** One pass of a box blur of `radius` along rows or columns, every channel, edges clamped. */
function boxPass(picture: Picture, radius: number, horizontal: boolean): void {
  if (radius < 1) return;
  const { width, height, data } = picture;
  const lines = horizontal ? height : width;
  const length = horizontal ? width : height;
  const step = (horizontal ? 1 : width) * 3;
  const size = 2 * radius + 1;
  const line = new Float32Array(length + 2 * radius + 1);
  for (let l = 0; l < lines; l++) {
    const base = (horizontal ? l * width : l) * 3;
    for (let channel = 0; channel < 3; channel++) {
      // The line with its ends repeated `radius` times, so that the running sum needs no bounds.
      for (let k = -radius; k <= length + radius; k++) {
        line[k + radius] = data[base + Math.max(0, Math.min(length - 1, k)) * step + channel] ?? 0;
      }
      let sum = 0;
      for (let k = 0; k < size; k++) sum += line[k] ?? 0;
      for (let k = 0; k < length; k++) {
        data[base + k * step + channel] = sum / size;
        sum += (line[k + size] ?? 0) - (line[k] ?? 0);
      }
    }
  }
}

/** Out of focus: close to a Gaussian of deviation `sigma` pixels (three box blurs each way). */
export function defocus(picture: Picture, sigma: number): void {
  const radius = Math.max(1, Math.round(Math.sqrt((sigma * sigma * 12) / 3 + 1) / 2 - 0.5));
  for (let pass = 0; pass < 3; pass++) {
    boxPass(picture, radius, true);
    boxPass(picture, radius, false);
  }
}

/** Moved during the exposure: smeared along the rows over `length` pixels. */
export function motionBlur(picture: Picture, length: number): void {
  boxPass(picture, Math.round(length / 2), true);
}

/** A reflection: a blown-out disc of `radius` at (x, y), fading out over another one and a half radii. */
export function glare(picture: Picture, x: number, y: number, radius: number): void {
  const { width, height, data } = picture;
  for (let py = Math.max(0, Math.floor(y - 2.5 * radius)); py < Math.min(height, y + 2.5 * radius); py++) {
    for (let px = Math.max(0, Math.floor(x - 2.5 * radius)); px < Math.min(width, x + 2.5 * radius); px++) {
      const d = Math.hypot(px - x, py - y);
      const strength = d <= radius ? 1 : Math.max(0, 1 - (d - radius) / (1.5 * radius));
      const i = (py * width + px) * 3;
      for (let c = 0; c < 3; c++) data[i + c] = (data[i + c] ?? 0) * (1 - strength) + 260 * strength;
    }
  }
}

/** Exposure and contrast, as a camera's gain and a hazy lens change them. */
export function expose(picture: Picture, gain: number, contrast = 1): void {
  const { data } = picture;
  for (let i = 0; i < data.length; i++) data[i] = ((data[i] ?? 0) * gain - 127.5) * contrast + 127.5;
}

/** Sensor noise of deviation about `sigma` grey levels, the same in every channel. */
export function addNoise(picture: Picture, sigma: number, seed: number): void {
  addSensorNoise(picture.data, 3, sigma, seed);
}

/** The whole view moved by (dx, dy) pixels, as a shaking hand moves it between frames; edges repeat. */
export function panned(picture: Picture, dx: number, dy: number): Picture {
  const { width, height, data } = picture;
  const out = new Float32Array(data.length);
  for (let y = 0; y < height; y++) {
    const sy = Math.max(0, Math.min(height - 1, y - dy));
    for (let x = 0; x < width; x++) {
      const sx = Math.max(0, Math.min(width - 1, x - dx));
      const i = (y * width + x) * 3;
      const s = (sy * width + sx) * 3;
      out[i] = data[s] ?? 0;
      out[i + 1] = data[s + 1] ?? 0;
      out[i + 2] = data[s + 2] ?? 0;
    }
  }
  return { width, height, data: out };
}
