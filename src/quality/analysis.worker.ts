import { analyzeDocumentFrame } from './analyze.js';
import { createRegionGrabber } from './grab.js';
import type { AnalysisRequest, AnalysisResponse } from './protocol.js';

const grab = createRegionGrabber();

const answer = (response: AnalysisResponse): void => {
  postMessage(response);
};

/** Runs the frame analysis off the page's thread; a video frame's region is copied here too. */
addEventListener('message', (event: MessageEvent<AnalysisRequest>) => {
  const { id, pixels, layout, previous } = event.data;
  const start = performance.now();
  try {
    const image = pixels instanceof ImageData ? pixels : grab(pixels, layout);
    const report = analyzeDocumentFrame(image, layout, previous);
    answer({ id, report, ms: performance.now() - start });
  } catch (error) {
    answer({ id, error: error instanceof Error ? error.message : String(error) });
  } finally {
    if (!(pixels instanceof ImageData)) pixels.close();
  }
});

addEventListener('messageerror', () => {
  answer({ unreadable: true });
});
