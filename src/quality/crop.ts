import { CAPTURE_MARGIN, clampRect } from '../geometry/geometry.js';
import type { Quad } from './quad.js';
import { DOCUMENT_THRESHOLDS } from './thresholds.js';
import type { DocumentFrameReport, Rect } from './types.js';

/** Whether all four of the card's sides were found: its corners and bounds are then where the card is. */
function cardFound(report: Pick<DocumentFrameReport, 'card'>): boolean {
  return Object.values(report.card.sides).every((score) => score >= DOCUMENT_THRESHOLDS.minSideScore);
}

/** A card to flatten: its corners in the frame's pixels (top-left, top-right, bottom-right, bottom-left) and its proportions. */
export interface CaptureCard {
  corners: Quad;
  /** Width over height: the guide's, which the card was found to match (ID-1, or a passport's page). */
  aspect: number;
}

/**
 * The card to flatten out of the frame when all four of its sides were found: the photo sent is then the card
 * alone, perspective corrected, at the guide's proportions. `null` otherwise.
 */
export function documentCaptureCard(report: Pick<DocumentFrameReport, 'card' | 'layout'>): CaptureCard | null {
  if (!cardFound(report)) return null;
  const [topLeft, topRight, bottomRight, bottomLeft] = report.card.corners;
  const { guide } = report.layout;
  return { corners: [{ ...topLeft }, { ...topRight }, { ...bottomRight }, { ...bottomLeft }], aspect: guide.width / guide.height };
}

/**
 * The part of the frame to send where the card is not flattened (see `documentCaptureCard`): the card's bounds
 * when all four of its sides were found, else the guide, with `margin` on every side, inside the frame.
 */
export function documentCaptureRect(
  report: Pick<DocumentFrameReport, 'card' | 'layout'>,
  margin = CAPTURE_MARGIN,
): Rect {
  const rect = cardFound(report) ? report.card.bounds : report.layout.guide;
  const { width, height } = report.layout.frame;
  const x0 = Math.max(0, rect.x - rect.width * margin);
  const y0 = Math.max(0, rect.y - rect.height * margin);
  const x1 = Math.min(width, rect.x + rect.width * (1 + margin));
  const y1 = Math.min(height, rect.y + rect.height * (1 + margin));
  return clampRect({ x: x0, y: y0, width: x1 - x0, height: y1 - y0 }, width, height);
}
