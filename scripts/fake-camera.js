// Turns still images into .y4m files for Chromium's fake camera
// (--use-file-for-fake-video-capture), so tests see a real camera stream.
import { mkdirSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { basename, extname, join } from 'node:path';
import jpeg from 'jpeg-js';
import { rgbaToI420 } from './i420.js';

/**
 * Converts RGBA pixels to one y4m file (I420, BT.601 limited range), `frames` identical frames.
 * @param {{ width: number, height: number, data: Uint8Array }} image
 * @param {number} [frames]
 * @returns {Buffer}
 */
export function rgbaToY4m(image, frames = 2) {
  const { width, height, data } = rgbaToI420(image);
  const planes = Buffer.from(data.buffer, data.byteOffset, data.byteLength);
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
