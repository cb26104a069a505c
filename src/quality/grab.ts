import type { FrameLayout } from './types.js';

/**
 * Copies `layout.region` of a frame into a small canvas, downscaled in the same
 * `drawImage`, and reads its pixels. One canvas is kept and reused.
 */
export function createRegionGrabber(): (source: CanvasImageSource, layout: FrameLayout) => ImageData {
  let canvas: OffscreenCanvas | null = null;
  let context: OffscreenCanvasRenderingContext2D | null = null;
  return (source, layout) => {
    if (!canvas || !context || canvas.width !== layout.width || canvas.height !== layout.height) {
      canvas = new OffscreenCanvas(layout.width, layout.height);
      // Read back every frame: a CPU-side canvas makes getImageData cheap.
      context = canvas.getContext('2d', { willReadFrequently: true, alpha: false });
      if (!context) throw new Error('No 2D canvas context.');
      context.imageSmoothingEnabled = true;
      context.imageSmoothingQuality = 'medium';
    }
    const { region } = layout;
    context.drawImage(source, region.x, region.y, region.width, region.height, 0, 0, layout.width, layout.height);
    return context.getImageData(0, 0, layout.width, layout.height);
  };
}
