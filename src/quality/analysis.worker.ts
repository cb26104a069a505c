import { analyzeDocumentFrame } from './analyze.js';
import { createRegionGrabber } from './grab.js';
import type { AnalysisRequest, AnalysisResponse } from './protocol.js';
import type { FrameLayout } from './types.js';
import { copyYuvRegion, isYuv420 } from './yuv-region.js';

const grab = createRegionGrabber();
// Reading the planes straight from the frame, until a frame refuses it (one that lives on the GPU, say).
let readPlanes = true;

const answer = (response: AnalysisResponse): void => {
  postMessage(response);
};

/** The region of a camera frame: copied from its planes where it can be, otherwise drawn on a canvas. */
async function regionOf(frame: VideoFrame, layout: FrameLayout): Promise<ImageData> {
  if (readPlanes && isYuv420(frame)) {
    try {
      return await copyYuvRegion(frame, layout);
    } catch {
      readPlanes = false;
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
      answer({ id, report, ms: performance.now() - start });
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
