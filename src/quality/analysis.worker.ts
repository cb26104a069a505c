import { analyzeDocumentFrame } from './analyze.js';
import type { AnalysisRequest, AnalysisResponse } from './protocol.js';

/** Runs the frame analysis off the page's thread. */
addEventListener('message', (event: MessageEvent<AnalysisRequest>) => {
  const { id, image, layout, previous } = event.data;
  let response: AnalysisResponse;
  try {
    response = { id, report: analyzeDocumentFrame(image, layout, previous) };
  } catch (error) {
    response = { id, error: error instanceof Error ? error.message : String(error) };
  }
  postMessage(response);
});
