import type { DocumentFrameReport, FrameLayout, Thumbnail } from './types.js';

/**
 * What the page sends the analysis worker: the downscaled pixels (their buffer transferred), where they came from, and
 * the last thumbnail.
 */
export interface AnalysisRequest {
  id: number;
  image: ImageData;
  layout: FrameLayout;
  previous: Thumbnail | null;
}

export type AnalysisResponse = { id: number; report: DocumentFrameReport } | { id: number; error: string };
