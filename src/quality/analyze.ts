import { clampBox, insetBox } from './box.js';
import { fitCard } from './card.js';
import { edgeMaps, edgeSaturation } from './edges.js';
import { greyStats } from './exposure.js';
import { measureGlare } from './glare.js';
import { toGrey } from './grey.js';
import { halve } from './halve.js';
import { guideBox, toSource } from './layout.js';
import { measureSharpness } from './sharpness.js';
import { makeThumbnail, thumbnailDifference } from './stability.js';
import { DOCUMENT_THRESHOLDS } from './thresholds.js';
import type { Box, CardReport, DocumentFrameReport, FrameLayout, Point, Thumbnail } from './types.js';

/**
 * Share of the card left out around its border when measuring it: the edge itself and rounded corners are not content.
 */
const CONTENT_INSET = 0.06;

function boundsOf(points: readonly Point[]): Box {
  const xs = points.map((p) => p.x);
  const ys = points.map((p) => p.y);
  return { x0: Math.min(...xs), y0: Math.min(...ys), x1: Math.max(...xs), y1: Math.max(...ys) };
}

/**
 * Measures one downscaled frame (`image`, drawn from `layout.region`): where
 * the card is, and, on the card (or on the guide when no card is clear),
 * exposure, glare and sharpness; `previous` is the last frame's thumbnail.
 * No DOM: the same in a worker and on the main thread.
 */
export function analyzeDocumentFrame(
  image: ImageData,
  layout: FrameLayout,
  previous?: Thumbnail | null,
): DocumentFrameReport {
  const { grey, blown, blownCount } = toGrey(image);
  const view = greyStats(grey, { x0: 0, y0: 0, x1: grey.width, y1: grey.height });
  const guide = guideBox(layout);
  // Edges are found at half the analysed size: a pixel there is still under 1 % of the card.
  const small = halve(grey);
  const sx = small.width / grey.width;
  const sy = small.height / grey.height;
  const fit = fitCard(edgeMaps(small, edgeSaturation(view.high)), {
    x0: guide.x0 * sx,
    y0: guide.y0 * sy,
    x1: guide.x1 * sx,
    y1: guide.y1 * sy,
  });
  const analysed = (point: Point): Point => ({ x: point.x / sx, y: point.y / sy });
  // Which part is measured as the card follows the default limits, whatever limits the judge is given later.
  const clear = Object.values(fit.sides).every((score) => score >= DOCUMENT_THRESHOLDS.minSideScore);
  const content = insetBox(
    clampBox(clear ? boundsOf(fit.corners.map(analysed)) : guide, grey.width, grey.height),
    CONTENT_INSET,
  );

  const [topLeft, topRight, bottomRight, bottomLeft] = fit.corners;
  const corners: CardReport['corners'] = [
    toSource(layout, analysed(topLeft)),
    toSource(layout, analysed(topRight)),
    toSource(layout, analysed(bottomRight)),
    toSource(layout, analysed(bottomLeft)),
  ];
  const bounds = boundsOf(corners);
  const thumbnail = makeThumbnail(grey);
  return {
    layout,
    card: {
      sides: fit.sides,
      corners,
      bounds: { x: bounds.x0, y: bounds.y0, width: bounds.x1 - bounds.x0, height: bounds.y1 - bounds.y0 },
      fill: fit.fill,
      angles: fit.angles,
      lighter: fit.lighter,
      squareness: fit.squareness,
      surround: fit.surround,
    },
    exposure: {
      mean: greyStats(grey, content).mean,
      low: view.low,
      high: view.high,
      contrast: view.high + view.low > 0 ? (view.high - view.low) / (view.high + view.low) : 0,
      blown: blownCount / (grey.width * grey.height),
    },
    glare: measureGlare(blown, grey.width, content),
    sharpness: measureSharpness(grey, content),
    motion: thumbnailDifference(thumbnail, previous),
    thumbnail,
  };
}
