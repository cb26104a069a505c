import { clampRect, encodeJpeg, type EncodedImage } from '../capture/encode.js';
import { CAPTURE_LONG_SIDE, CAPTURE_MARGIN, CAPTURE_MAX_BYTES } from '../capture/limits.js';
import { DOCUMENT_THRESHOLDS } from './thresholds.js';
import type { DocumentFrameReport, Rect } from './types.js';

export { CAPTURE_LONG_SIDE, CAPTURE_MARGIN, CAPTURE_MAX_BYTES };

export interface CaptureOptions {
  margin?: number;
  maxLongSide?: number;
  maxBytes?: number;
}

/**
 * The part of the frame to send: the card's bounds when all four of its sides
 * were found, else the guide, with `margin` on every side, inside the frame.
 */
export function documentCaptureRect(
  report: Pick<DocumentFrameReport, 'card' | 'layout'>,
  margin = CAPTURE_MARGIN,
): Rect {
  const found = Object.values(report.card.sides).every((score) => score >= DOCUMENT_THRESHOLDS.minSideScore);
  const rect = found ? report.card.bounds : report.layout.guide;
  const { width, height } = report.layout.frame;
  const x0 = Math.max(0, rect.x - rect.width * margin);
  const y0 = Math.max(0, rect.y - rect.height * margin);
  const x1 = Math.min(width, rect.x + rect.width * (1 + margin));
  const y1 = Math.min(height, rect.y + rect.height * (1 + margin));
  return clampRect({ x: x0, y: y0, width: x1 - x0, height: y1 - y0 }, width, height);
}

/** Crops the card (see `documentCaptureRect`) out of the frame it was measured on and encodes it as a bounded JPEG. */
export async function encodeDocumentCapture(
  source: Parameters<typeof encodeJpeg>[0],
  report: Pick<DocumentFrameReport, 'card' | 'layout'>,
  options: CaptureOptions = {},
): Promise<EncodedImage & { crop: Rect }> {
  const crop = documentCaptureRect(report, options.margin);
  const image = await encodeJpeg(source, {
    crop,
    maxLongSide: options.maxLongSide ?? CAPTURE_LONG_SIDE,
    maxBytes: options.maxBytes ?? CAPTURE_MAX_BYTES,
  });
  return { ...image, crop };
}
