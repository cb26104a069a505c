import type { Rect } from '../geometry/geometry.js';
import type { OvalGuide } from '../face/rules/oval-guide.js';

/** The oval drawn over the preview, as the face checks want it: centre and radii as fractions of the frame. */
export function normalisedOval(guide: Rect, frame: { width: number; height: number }): OvalGuide {
  return {
    centerX: (guide.x + guide.width / 2) / frame.width,
    centerY: (guide.y + guide.height / 2) / frame.height,
    radiusX: guide.width / 2 / frame.width,
    radiusY: guide.height / 2 / frame.height,
  };
}
