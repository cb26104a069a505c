// Turns still images into .y4m files for Chromium's fake camera
// (--use-file-for-fake-video-capture), so tests see a real camera stream.
import { mkdirSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { basename, extname, join } from 'node:path';
import jpeg from 'jpeg-js';

/**
 * Converts RGBA pixels to one y4m file (I420, BT.601 limited range), `frames` identical frames.
 * @param {{ width: number, height: number, data: Uint8Array }} image
 * @param {number} [frames]
 * @returns {Buffer}
 */
export function rgbaToY4m(image, frames = 2) {
  const width = image.width & ~1;
  const height = image.height & ~1;
  const ySize = width * height;
  const cSize = ySize / 4;
  const planes = Buffer.alloc(ySize + 2 * cSize);
  const at = (x, y) => (y * image.width + x) * 4;
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const i = at(x, y);
      const r = image.data[i], g = image.data[i + 1], b = image.data[i + 2];
      planes[y * width + x] = Math.round(16 + 0.257 * r + 0.504 * g + 0.098 * b);
    }
  }
  for (let y = 0; y < height; y += 2) {
    for (let x = 0; x < width; x += 2) {
      let r = 0, g = 0, b = 0;
      for (const [dx, dy] of [[0, 0], [1, 0], [0, 1], [1, 1]]) {
        const i = at(x + dx, y + dy);
        r += image.data[i]; g += image.data[i + 1]; b += image.data[i + 2];
      }
      r /= 4; g /= 4; b /= 4;
      const c = (y / 2) * (width / 2) + x / 2;
      planes[ySize + c] = Math.round(128 - 0.148 * r - 0.291 * g + 0.439 * b);
      planes[ySize + cSize + c] = Math.round(128 + 0.439 * r - 0.368 * g - 0.071 * b);
    }
  }
  const header = Buffer.from(`YUV4MPEG2 W${width} H${height} F15:1 Ip A1:1 C420jpeg\n`);
  const frameHeader = Buffer.from('FRAME\n');
  const parts = [header];
  for (let n = 0; n < frames; n++) parts.push(frameHeader, planes);
  return Buffer.concat(parts);
}

/**
 * Writes `<name>.y4m` into `outDir` for every `<name>.jpg` in `sourceDir` (when missing or older).
 * @returns {Record<string, string>} name → absolute path of the .y4m
 */
export function prepareFakeCameras(sourceDir, outDir) {
  mkdirSync(outDir, { recursive: true });
  const cameras = {};
  for (const file of readdirSync(sourceDir)) {
    if (extname(file) !== '.jpg') continue;
    const name = basename(file, '.jpg');
    const source = join(sourceDir, file);
    const target = join(outDir, `${name}.y4m`);
    let fresh;
    try {
      fresh = statSync(target).mtimeMs >= statSync(source).mtimeMs;
    } catch {
      fresh = false;
    }
    if (!fresh) writeFileSync(target, rgbaToY4m(jpeg.decode(readFileSync(source), { useTArray: true })));
    cameras[name] = target;
  }
  return cameras;
}
