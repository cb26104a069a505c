import type { DocumentType } from '../api/types.js';
import type { CaptureSide } from '../events.js';
import type { GuideShape } from '../flow/capture-screen.js';

/** A region of a source image, in the source's pixels. */
export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

/**
 * Margin added around a document on each side, as a share of its size: the OCR
 * service looks for the document's outline, so its rounded corners and a
 * little of the surface must be in the picture, but no more than that.
 */
export const CAPTURE_MARGIN = 0.06;

/** Clamps a rectangle to the source and rounds it to whole pixels. */
export function clampRect(rect: Rect, width: number, height: number): Rect {
  const x = Math.max(0, Math.floor(rect.x));
  const y = Math.max(0, Math.floor(rect.y));
  return {
    x,
    y,
    width: Math.max(1, Math.min(width - x, Math.round(rect.width))),
    height: Math.max(1, Math.min(height - y, Math.round(rect.height))),
  };
}

/** Width / height of each guide: ID-1 cards (85.6 × 54 mm), ID-3 passport pages (125 × 88 mm), a face oval. */
export const GUIDE_ASPECT: Record<GuideShape, number> = { card: 85.6 / 53.98, passport: 125 / 88, face: 1 / 1.3 };

/** Share of the viewfinder's width each guide takes. */
export const GUIDE_WIDTH: Record<GuideShape, number> = { card: 0.86, passport: 0.86, face: 0.62 };

/** The guide, centred, in the viewfinder's CSS pixels. */
export function guideInView(shape: GuideShape, viewWidth: number, viewHeight: number): Rect {
  let width = viewWidth * GUIDE_WIDTH[shape];
  let height = width / GUIDE_ASPECT[shape];
  const maxHeight = viewHeight * 0.86;
  if (height > maxHeight) {
    height = maxHeight;
    width = height * GUIDE_ASPECT[shape];
  }
  return { x: (viewWidth - width) / 2, y: (viewHeight - height) / 2, width, height };
}

/**
 * Maps a rectangle of the viewfinder to the video's own pixels, for a video
 * shown with `object-fit: cover` (scaled to fill, centred, overflow cut).
 */
export function viewToSource(
  rect: Rect,
  view: { width: number; height: number },
  source: { width: number; height: number },
): Rect {
  const scale = Math.max(view.width / source.width, view.height / source.height);
  const offsetX = (view.width - source.width * scale) / 2;
  const offsetY = (view.height - source.height * scale) / 2;
  return {
    x: (rect.x - offsetX) / scale,
    y: (rect.y - offsetY) / scale,
    width: rect.width / scale,
    height: rect.height / scale,
  };
}

/** Grows a rectangle by `margin` of its size on every side. */
export function expandRect(rect: Rect, margin: number): Rect {
  const dx = rect.width * margin;
  const dy = rect.height * margin;
  return { x: rect.x - dx, y: rect.y - dy, width: rect.width + 2 * dx, height: rect.height + 2 * dy };
}

/** The guide drawn for a side: a face oval, a passport's page, or a card. */
export function guideShapeOf(side: CaptureSide, documentType: DocumentType): GuideShape {
  if (side === 'selfie') return 'face';
  return documentType === 'passport' ? 'passport' : 'card';
}
