import { frameHash } from '../integrity/frame-hash.js';
import { analyzeDocumentFrame } from './analyze.js';
import { createRegionGrabber } from './grab.js';
import type { AnalysisRequest, AnalysisResponse } from './protocol.js';
import { copyRgbRegion, isPackedRgb } from './rgb-region.js';
import type { FrameLayout } from './types.js';
import { copyYuvRegion, isYuv420 } from './yuv-region.js';

const grab = createRegionGrabber();
// Formats whose planes could not be copied (a frame that lives on the GPU, say; WebKit's RGBX): drawn from then on.
const unreadable = new Set<VideoPixelFormat | null>();

const answer = (response: AnalysisResponse): void => {
  postMessage(response);
};

/**
 * The region of a camera frame: copied from its planes where it can be (4:2:0 from cameras in
 * Chromium and Firefox; packed RGB from canvas streams, and in Safari), otherwise drawn on a canvas.
 */
async function regionOf(frame: VideoFrame, layout: FrameLayout): Promise<ImageData> {
  if (!unreadable.has(frame.format) && (isYuv420(frame) || isPackedRgb(frame))) {
    try {
      return await (isYuv420(frame) ? copyYuvRegion(frame, layout) : copyRgbRegion(frame, layout));
    } catch {
      unreadable.add(frame.format);
    }
  }
  return grab(frame, layout);
}

/** Runs the frame analysis off the page's thread; a video frame's region is copied here too. */
addEventListener('message', (event: MessageEvent<AnalysisRequest>) => {
  void (async () => {
    const { id, pixels, layout, previous } = event.data;
    const start = performance.now();
    try {
      const image = pixels instanceof ImageData ? pixels : await regionOf(pixels, layout);
      const report = analyzeDocumentFrame(image, layout, previous);
      const timestamp = pixels instanceof ImageData ? null : pixels.timestamp;
      answer({ id, report, ms: performance.now() - start, hash: frameHash(image), timestamp });
    } catch (error) {
      answer({ id, error: error instanceof Error ? error.message : String(error) });
    } finally {
      if (!(pixels instanceof ImageData)) pixels.close();
    }
  })();
});

addEventListener('messageerror', () => {
  answer({ unreadable: true });
});
