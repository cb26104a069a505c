import type { FrameLayout } from './types.js';

/**
 * Whether a frame is in one of `formats` with square pixels (what is shown is what is stored), so
 * its planes can be read directly; otherwise it is drawn on a canvas.
 */
export function readableAs(frame: VideoFrame, formats: ReadonlySet<VideoPixelFormat>): boolean {
  const visible = frame.visibleRect;
  return (
    frame.format !== null &&
    formats.has(frame.format) &&
    visible !== null &&
    visible.width === frame.displayWidth &&
    visible.height === frame.displayHeight
  );
}

/** The layout's region in the frame's stored pixels, which may start inside a larger coded picture. */
export function storedRegion(frame: VideoFrame, layout: FrameLayout): FrameLayout['region'] {
  const visible = frame.visibleRect ?? { x: 0, y: 0, width: frame.codedWidth, height: frame.codedHeight };
  return { ...layout.region, x: layout.region.x + visible.x, y: layout.region.y + visible.y };
}

let output: ImageData | null = null;

/**
 * The image a region is copied into, reused while the size stays the same (as `scratch` buffers
 * are): valid until the next copy of any frame.
 */
export function outputImage(width: number, height: number): ImageData {
  if (output?.width !== width || output.height !== height) output = new ImageData(width, height);
  return output;
}
