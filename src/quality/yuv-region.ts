import { outputImage, readableAs, storedRegion } from './frame-region.js';
import { scratchBytes } from './scratch.js';
import { spans } from './spans.js';
import type { FrameLayout } from './types.js';

/** 4:2:0 formats: a full-size luma plane, then chroma at half size (two planes, or one interleaved). */
const FORMATS = new Set<VideoPixelFormat>(['I420', 'I420A', 'NV12']);

/** Luma weights of red and blue, by colour matrix (green takes the rest). */
const LUMA: Record<string, [number, number]> = {
  bt709: [0.2126, 0.0722],
  bt2020: [0.2627, 0.0593],
};
const BT601: [number, number] = [0.299, 0.114];

/**
 * Whether `copyYuvRegion` can read this frame: one of the camera's usual formats, its pixels square (what is
 * shown is what is stored). Otherwise draw it on a canvas.
 */
export function isYuv420(frame: VideoFrame): boolean {
  return readableAs(frame, FORMATS);
}

/**
 * The layout's region of a 4:2:0 video frame, downscaled to the layout's size
 * by averaging the luma under each pixel, as RGBA. Only the region's rows are
 * copied out of the frame (`copyTo` with a `rect`), and only the small image is
 * converted to RGB: drawing the frame on a canvas converts all of it first,
 * which costs several times more. The image is a working buffer: valid until
 * the next call, which draws into the same one.
 */
export async function copyYuvRegion(frame: VideoFrame, layout: FrameLayout): Promise<ImageData> {
  const { width, height } = layout;
  const region = storedRegion(frame, layout);
  // The rectangle copied must start and end on even pixels, where the chroma samples are.
  const x0 = Math.max(0, Math.floor(region.x / 2) * 2);
  const y0 = Math.max(0, Math.floor(region.y / 2) * 2);
  const x1 = Math.min(frame.codedWidth, Math.ceil((region.x + region.width) / 2) * 2);
  const y1 = Math.min(frame.codedHeight, Math.ceil((region.y + region.height) / 2) * 2);
  const rect = { x: x0, y: y0, width: x1 - x0, height: y1 - y0 };
  const data = scratchBytes('yuv-planes', frame.allocationSize({ rect }));
  const [luma, first, second] = await frame.copyTo(data, { rect });
  if (!luma || !first) throw new Error(`A ${String(frame.format)} frame without its planes.`);
  const interleaved = frame.format === 'NV12';

  const columns = spans(region.x - x0, region.width, width);
  const rows = spans(region.y - y0, region.height, height);
  const [kr, kb] = LUMA[frame.colorSpace.matrix ?? ''] ?? BT601;
  const kg = 1 - kr - kb;
  const fullRange = frame.colorSpace.fullRange === true;
  const yScale = fullRange ? 1 : 255 / 219;
  const yOffset = fullRange ? 0 : 16;
  const cScale = fullRange ? 1 : 255 / 224;
  const rv = 2 * (1 - kr) * cScale;
  const bu = 2 * (1 - kb) * cScale;
  const gu = (-2 * (1 - kb) * kb * cScale) / kg;
  const gv = (-2 * (1 - kr) * kr * cScale) / kg;

  const image = outputImage(width, height);
  const out = image.data;
  for (let y = 0; y < height; y++) {
    const top = rows[y] ?? 0;
    const bottom = rows[y + 1] ?? top + 1;
    // The chroma sample under the middle of this output pixel: half the luma's row and column.
    const chromaRow = ((top + bottom) >> 2) * first.stride + first.offset;
    const secondRow = second ? ((top + bottom) >> 2) * second.stride + second.offset : 0;
    for (let x = 0; x < width; x++) {
      const left = columns[x] ?? 0;
      const right = columns[x + 1] ?? left + 1;
      let sum = 0;
      for (let row = top; row < bottom; row++) {
        const start = luma.offset + row * luma.stride;
        for (let column = left; column < right; column++) sum += data[start + column] ?? 0;
      }
      const yValue = (sum / ((bottom - top) * (right - left)) - yOffset) * yScale;
      const centre = (left + right) >> 2;
      const u = (interleaved ? (data[chromaRow + centre * 2] ?? 128) : (data[chromaRow + centre] ?? 128)) - 128;
      const v = (interleaved ? (data[chromaRow + centre * 2 + 1] ?? 128) : (data[secondRow + centre] ?? 128)) - 128;
      const p = (y * width + x) * 4;
      out[p] = yValue + rv * v;
      out[p + 1] = yValue + gu * u + gv * v;
      out[p + 2] = yValue + bu * u;
      out[p + 3] = 255;
    }
  }
  return image;
}
