import { boxHeight, boxWidth } from './box.js';
import type { EdgeMaps } from './edges.js';
import { findLines, refineLine, scoreStretch, slopeDegrees, type Line, type LineSearch } from './lines.js';
import type { Box, Point, Side } from './types.js';

/** The card as found in the analysed image, in its pixels. */
export interface CardFit {
  lines: Record<Side, Line>;
  /**
   * How clearly each side shows as a card's edge: one straight step along the side, not running on past both its
   * corners.
   */
  sides: Record<Side, number>;
  /** Each side's lean from the guide's, in degrees. */
  angles: Record<Side, number>;
  /** Whether the card is lighter than what surrounds it (its four sides must agree). */
  lighter: boolean;
  /** Top-left, top-right, bottom-right, bottom-left. */
  corners: [Point, Point, Point, Point];
  /** Area of the quadrilateral over the guide's. */
  fill: number;
  /** Shorter over longer side, the worse of the two opposite pairs. */
  squareness: number;
}

/**
 * Bands stop this share of the guide short of its centre: a card narrower or lower than 30 % of the guide is not
 * looked for.
 */
const BAND_INNER = 0.15;
/** Ends of the guide's sides left out when looking for candidates. */
const GUIDE_INSET = 0.12;
/** Candidate lines kept for each side; every combination of them is tried. */
const CANDIDATES = 4;
/** Share of a side's length, at each end, left out of its score: cards have rounded corners. */
const CORNER_INSET = 0.08;
/**
 * Beyond each corner, this stretch (as shares of the side's length) should
 * show no edge: a line that runs on past both ends (a plank, a table's edge)
 * is not the card's side. Past one end only is allowed: a passport's data
 * page continues into its facing page.
 */
const BEYOND = [0.05, 0.3] as const;
/** Run-on up to this clarity is tolerated: wavy wood grain or fabric may line up with a side for a short way. */
const RUN_ON_TOLERANCE = 0.2;
/** Signs that turn each side's signed edge strength into the card's contrast with its surroundings. */
const INWARD: Record<Side, 1 | -1> = { left: 1, top: 1, right: -1, bottom: -1 };

const SIDES = ['left', 'right', 'top', 'bottom'] as const;

type Lines = Record<Side, Line>;

interface Measure {
  /** Mean step across each quarter of the side, −1…1, positive where the card is lighter than outside. */
  quarters: [number, number, number, number];
  /** How clearly the line runs on past both corners, beyond the tolerance. */
  runOn: number;
}

function perSide<T>(value: (side: Side) => T): Record<Side, T> {
  return { left: value('left'), right: value('right'), top: value('top'), bottom: value('bottom') };
}

function intersect(vertical: Line, horizontal: Line): Point {
  // x = a + s·(y − m), y = b + t·(x − n)
  const { offset: a, slope: s, mid: m } = vertical;
  const { offset: b, slope: t, mid: n } = horizontal;
  const x = (a + s * (b - t * n - m)) / (1 - s * t);
  return { x, y: b + t * (x - n) };
}

function cornersOf(lines: Lines): CardFit['corners'] {
  return [
    intersect(lines.left, lines.top),
    intersect(lines.right, lines.top),
    intersect(lines.right, lines.bottom),
    intersect(lines.left, lines.bottom),
  ];
}

/** The stretch of a side between its corners, as positions along it. */
function stretchOf(side: Side, corners: CardFit['corners']): [number, number] {
  const [topLeft, topRight, bottomRight, bottomLeft] = corners;
  if (side === 'left') return [topLeft.y, bottomLeft.y];
  if (side === 'right') return [topRight.y, bottomRight.y];
  if (side === 'top') return [topLeft.x, topRight.x];
  return [bottomLeft.x, bottomRight.x];
}

function measureSide(maps: EdgeMaps, side: Side, line: Line, [start, end]: [number, number], step: number): Measure {
  const length = end - start;
  if (length <= 8) return { quarters: [0, 0, 0, 0], runOn: 0 };
  const from = start + CORNER_INSET * length;
  const quarter = ((1 - 2 * CORNER_INSET) * length) / 4;
  const inward = (k: number): number =>
    INWARD[side] * scoreStretch(maps, line, from + k * quarter, from + (k + 1) * quarter, step);
  const before = Math.abs(scoreStretch(maps, line, start - BEYOND[1] * length, start - BEYOND[0] * length, step));
  const after = Math.abs(scoreStretch(maps, line, end + BEYOND[0] * length, end + BEYOND[1] * length, step));
  return {
    quarters: [inward(0), inward(1), inward(2), inward(3)],
    runOn: Math.max(0, Math.min(before, after) - RUN_ON_TOLERANCE),
  };
}

/**
 * A side's score for a card lighter (`polarity` 1) or darker (−1) than its
 * surroundings: its weakest quarter, so that a straight feature printed on
 * the card (a photo's border) that spans only part of it does not pass for
 * the side, less any run-on.
 */
function polarised(measure: Measure, polarity: 1 | -1): number {
  return Math.max(0, Math.min(...measure.quarters.map((q) => polarity * q)) - measure.runOn);
}

const meanContrast = (measure: Measure): number => measure.quarters.reduce((sum, q) => sum + q, 0) / 4;

function distance(p: Point, q: Point): number {
  return Math.hypot(p.x - q.x, p.y - q.y);
}

function quadArea(corners: readonly Point[]): number {
  let twice = 0;
  corners.forEach((p, k) => {
    const q = corners[(k + 1) % corners.length] ?? p;
    twice += p.x * q.y - q.x * p.y;
  });
  return Math.abs(twice) / 2;
}

/**
 * The combination of candidates whose sides are clearest between their corners, all lighter or all darker than
 * outside.
 */
function bestCombination(maps: EdgeMaps, candidates: Record<Side, [Line, ...Line[]]>): Lines {
  // A side's measure depends on it and the two sides across it only: measure each such triple once.
  const memo = new Map<string, Measure>();
  const measure = (side: Side, lines: Lines, key: string): Measure => {
    let found = memo.get(key);
    if (!found) {
      found = measureSide(maps, side, lines[side], stretchOf(side, cornersOf(lines)), 3);
      memo.set(key, found);
    }
    return found;
  };
  const { left: lefts, right: rights, top: tops, bottom: bottoms } = candidates;
  let best = { lines: { left: lefts[0], right: rights[0], top: tops[0], bottom: bottoms[0] }, total: -1 };
  lefts.forEach((left, l) => {
    rights.forEach((right, r) => {
      tops.forEach((top, t) => {
        bottoms.forEach((bottom, b) => {
          const lines = { left, right, top, bottom };
          const measures = [
            measure('left', lines, `l${l}${t}${b}`),
            measure('right', lines, `r${r}${t}${b}`),
            measure('top', lines, `t${t}${l}${r}`),
            measure('bottom', lines, `b${b}${l}${r}`),
          ];
          for (const polarity of [1, -1] as const) {
            const total = measures.reduce((sum, m) => sum + polarised(m, polarity), 0);
            if (total > best.total) best = { lines, total };
          }
        });
      });
    });
  });
  return best.lines;
}

/**
 * Fits the card's four sides: a few candidate straight edges in a band along
 * each side of the guide, then the combination whose sides are clearest
 * between their corners, refined to the pixel and a quarter degree.
 */
export function fitCard(maps: EdgeMaps, guide: Box): CardFit {
  const gw = boxWidth(guide);
  const gh = boxHeight(guide);
  const cx = (guide.x0 + guide.x1) / 2;
  const cy = (guide.y0 + guide.y1) / 2;
  const rows = { alongFrom: guide.y0 + GUIDE_INSET * gh, alongTo: guide.y1 - GUIDE_INSET * gh };
  const columns = { alongFrom: guide.x0 + GUIDE_INSET * gw, alongTo: guide.x1 - GUIDE_INSET * gw };
  const bands: Record<Side, LineSearch> = {
    left: { orientation: 'vertical', from: 1, to: cx - BAND_INNER * gw, ...rows },
    right: { orientation: 'vertical', from: cx + BAND_INNER * gw, to: maps.width - 2, ...rows },
    top: { orientation: 'horizontal', from: 1, to: cy - BAND_INNER * gh, ...columns },
    bottom: { orientation: 'horizontal', from: cy + BAND_INNER * gh, to: maps.height - 2, ...columns },
  };
  const guideEdge: Record<Side, [number, number]> = {
    left: [guide.x0, cy],
    right: [guide.x1, cy],
    top: [guide.y0, cx],
    bottom: [guide.y1, cx],
  };
  const candidates = perSide((side): [Line, ...Line[]] => {
    const [first, ...rest] = findLines(maps, bands[side], CANDIDATES);
    const [offset, mid] = guideEdge[side];
    return first ? [first, ...rest] : [{ orientation: bands[side].orientation, offset, slope: 0, mid, score: 0 }];
  });
  const chosen = bestCombination(maps, candidates);
  const rough = cornersOf(chosen);
  const lines = perSide((side) => {
    const [start, end] = stretchOf(side, rough);
    const inset = CORNER_INSET * (end - start);
    return end - start > 8 ? refineLine(maps, chosen[side], start + inset, end - inset) : chosen[side];
  });
  const corners = cornersOf(lines);
  const measures = perSide((side) => measureSide(maps, side, lines[side], stretchOf(side, corners), 1));
  const lighter = SIDES.reduce((sum, side) => sum + meanContrast(measures[side]), 0) >= 0;
  const [topLeft, topRight, bottomRight, bottomLeft] = corners;
  const ratio = (a: number, b: number): number => (Math.max(a, b) > 0 ? Math.min(a, b) / Math.max(a, b) : 0);
  return {
    lines,
    sides: perSide((side) => polarised(measures[side], lighter ? 1 : -1)),
    angles: perSide((side) => slopeDegrees(lines[side].slope)),
    lighter,
    corners,
    fill: gw > 0 && gh > 0 ? quadArea(corners) / (gw * gh) : 0,
    squareness: Math.min(
      ratio(distance(topLeft, topRight), distance(bottomLeft, bottomRight)),
      ratio(distance(topLeft, bottomLeft), distance(topRight, bottomRight)),
    ),
  };
}
