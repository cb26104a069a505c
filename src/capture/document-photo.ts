import { CAPTURE_MARGIN, type Rect } from '../geometry/geometry.js';
import { documentCaptureCard, documentCaptureRect, type CaptureCard } from '../quality/crop.js';
import type { DocumentFrameReport } from '../quality/types.js';
import { encodeJpeg, type EncodedImage } from './encode.js';
import { CAPTURE_LONG_SIDE, CAPTURE_MAX_BYTES } from './limits.js';

export interface CaptureOptions {
  margin?: number;
  maxLongSide?: number;
  maxBytes?: number;
}

/**
 * Takes the card out of the frame it was measured on and encodes it as a bounded JPEG: flattened when all four of
 * its sides were found (`card`, see `documentCaptureCard`), else cropped (`crop`, see `documentCaptureRect`;
 * also what a card whose corners make no quadrilateral falls back to).
 */
export async function encodeDocumentCapture(
  source: Parameters<typeof encodeJpeg>[0],
  report: Pick<DocumentFrameReport, 'card' | 'layout'>,
  options: CaptureOptions = {},
): Promise<EncodedImage & { crop: Rect; card: CaptureCard | null }> {
  const crop = documentCaptureRect(report, options.margin);
  const card = documentCaptureCard(report);
  const image = await encodeJpeg(source, {
    crop,
    card: card ? { ...card, margin: options.margin ?? CAPTURE_MARGIN } : undefined,
    maxLongSide: options.maxLongSide ?? CAPTURE_LONG_SIDE,
    maxBytes: options.maxBytes ?? CAPTURE_MAX_BYTES,
  });
  return { ...image, crop, card };
}
