import { outputImage, readableAs, storedRegion } from './frame-region.js';
import { scratchBytes } from './scratch.js';
import { spans } from './spans.js';
import type { FrameLayout } from './types.js';

/**
 * Packed 8-bit RGB formats, four bytes a pixel: what Firefox and Safari give for frames of a canvas
 * stream, a screen share or some cameras, where Chromium gives I420 or NV12.
 */
const BLUE_FIRST = new Set<VideoPixelFormat>(['BGRA', 'BGRX']);
const FORMATS = new Set<VideoPixelFormat>(['RGBA', 'RGBX', 'BGRA', 'BGRX']);

/** Whether `copyRgbRegion` can read this frame: a packed RGB format, its pixels square. */
export function isPackedRgb(frame: VideoFrame): boolean {
  return readableAs(frame, FORMATS);
}

/**
 * The layout's region of a packed RGB video frame, downscaled to the layout's size by averaging
 * every pixel under each output pixel, as RGBA; the same averaging as the 4:2:0 path, so a picture
 * is measured alike whatever format the engine gives it in, and not through a canvas, whose
 * downscale differs from engine to engine. Only the region's rows are copied out of the frame.
 * The image is a working buffer: valid until the next call.
 */
export async function copyRgbRegion(frame: VideoFrame, layout: FrameLayout): Promise<ImageData> {
  const { width, height } = layout;
  const region = storedRegion(frame, layout);
  const x0 = Math.max(0, Math.floor(region.x));
  const y0 = Math.max(0, Math.floor(region.y));
  const x1 = Math.min(frame.codedWidth, Math.ceil(region.x + region.width));
  const y1 = Math.min(frame.codedHeight, Math.ceil(region.y + region.height));
  const rect = { x: x0, y: y0, width: x1 - x0, height: y1 - y0 };
  const data = scratchBytes('rgb-plane', frame.allocationSize({ rect }));
  const [plane] = await frame.copyTo(data, { rect });
  if (!plane) throw new Error(`A ${String(frame.format)} frame without its plane.`);
  const [red, blue] = frame.format !== null && BLUE_FIRST.has(frame.format) ? [2, 0] : [0, 2];

  const image = outputImage(width, height);
  averagePackedRgb(data, plane, red, blue, {
    columns: spans(region.x - x0, region.width, width),
    rows: spans(region.y - y0, region.height, height),
    out: image,
  });
  return image;
}

/**
 * Averages every pixel of a packed RGB plane (four bytes a pixel, red and blue at `red` and `blue`) under each
 * pixel of `out`: pixel (x, y) covers columns `[columns[x], columns[x + 1])` and rows `[rows[y], rows[y + 1])`.
 */
export function averagePackedRgb(
  data: ArrayLike<number>,
  plane: { offset: number; stride: number },
  red: number,
  blue: number,
  { columns, rows, out: image }: { columns: Int32Array; rows: Int32Array; out: ImageData },
): void {
  const { width, height } = image;
  const out = image.data;
  for (let y = 0; y < height; y++) {
    const top = rows[y] ?? 0;
    const bottom = rows[y + 1] ?? top + 1;
    for (let x = 0; x < width; x++) {
      const left = columns[x] ?? 0;
      const right = columns[x + 1] ?? left + 1;
      let r = 0;
      let g = 0;
      let b = 0;
      for (let row = top; row < bottom; row++) {
        const start = plane.offset + row * plane.stride;
        for (let column = left; column < right; column++) {
          const p = start + column * 4;
          r += data[p + red] ?? 0;
          g += data[p + 1] ?? 0;
          b += data[p + blue] ?? 0;
        }
      }
      const count = (bottom - top) * (right - left);
      const p = (y * width + x) * 4;
      out[p] = r / count;
      out[p + 1] = g / count;
      out[p + 2] = b / count;
      out[p + 3] = 255;
    }
  }
}
