import { boxHeight, boxWidth } from './box.js';
import type { EdgeMaps } from './edges.js';
import {
  findLines,
  measureStretch,
  PRESENT,
  refineLine,
  slopeDegrees,
  type Line,
  type LineSearch,
  type StretchMeasure,
} from './lines.js';
import { isConvex, quadArea, quadShape, type Quad } from './quad.js';
import type { Box, Point, Side } from './types.js';

/** The card as found in the analysed image, in its pixels. */
export interface CardFit {
  lines: Record<Side, Line>;
  /**
   * How clearly each side shows as a card's edge: a straight edge all along the side, not running on past both its
   * corners.
   */
  sides: Record<Side, number>;
  /** Each side's lean from the guide's, in degrees. */
  angles: Record<Side, number>;
  /** Whether the card is lighter than its surroundings, on the whole. */
  lighter: boolean;
  /** Top-left, top-right, bottom-right, bottom-left. */
  corners: Quad;
  /** Area of the quadrilateral over the guide's. */
  fill: number;
  /** Shorter over longer side, the worse of the two opposite pairs. */
  squareness: number;
  /** Share of the view around the guide (its margin) that is busy with edges: print, cloth, keys. */
  surround: number;
}

/**
 * Bands stop this share of the guide short of its centre: a card narrower or lower than 30 % of the guide is not
 * looked for.
 */
const BAND_INNER = 0.15;
/** Ends of the guide's sides left out when looking for candidates. */
const GUIDE_INSET = 0.12;
/** Candidate lines kept for each side; every combination of them is tried. */
const CANDIDATES = 6;
/** Parts a side is scored in: its score is its weakest part's. */
const PARTS = 4;
/**
 * How much a side whose edge changes sign along it (a card on print: darker than the paper, lighter than the ink)
 * counts against one that is one step all along, lighter or darker: a line of print on a card, or its photo's border,
 * is mixed too, and must not pass for a side as easily.
 */
const MIXED_WEIGHT = 0.85;
/** Share of a side's length, at each end, left out of its score: cards have rounded corners. */
const CORNER_INSET = 0.08;
/**
 * Beyond each corner, this stretch (as shares of the side's length) should
 * show no edge that stands out from what is beside it: a line that runs on
 * past both ends (a plank, a table's edge) is not the card's side. Past one
 * end only is allowed: a passport's data page continues into its facing
 * page, and a card cut off by the frame into the part out of view.
 */
const BEYOND = [0.05, 0.3] as const;
/**
 * Lines this many pixels to either side of a side are its neighbours: past the step of its edge, on the card's
 * plain margin (some 2.5 % of its height in) and on what is around it.
 */
const NEIGHBOUR = 3;
/** Stretch of a side, as shares of its length, whose neighbours are compared: its middle, away from printed corners. */
const MIDDLE = [0.2, 0.8] as const;
/**
 * Edge on both neighbours up to this share is tolerated (a guilloche, letters near the card's edge); more means the
 * line lies within a texture (cloth, print, keys), not between a card and what it lies on.
 */
const TEXTURE_TOLERANCE = 0.35;
/**
 * Grey levels between the two sides of a line from which they are different things: a card (even with print near
 * its edge) and a cloth or a page, rather than one texture. Closer, a busy line is taken for part of a texture.
 */
const APART = 14;
/**
 * Share of plain ground a card's inside has at least: 37–66 % for the test cards on any surface (their print,
 * photo and guilloche taken out), 6–18 % for a block of a newspaper's columns.
 */
const MIN_PLAIN = 0.22;
/** Sides whose weakest part shows less edge than this are not checked further: they cannot count as found. */
const MIN_COVER_CHECKED = 0.45;
/** What a stretch past a corner that is out of view counts as: a little more than the tolerance. */
const UNSEEN_COVER = 0.45;
/** Sides scoring this much each make a quadrilateral whose shape is weighed. */
const WHOLE_FROM = 0.5;
/** Run-on up to this share is tolerated: wavy wood grain or fabric may line up with a side for a short way. */
const RUN_ON_TOLERANCE = 0.25;
/**
 * How far the quadrilateral's width over height may stray from the guide's, as a natural logarithm, before its score
 * falls: a card leaning back 20° is some 10 % lower than it is wide, one leaning sideways some 10 % narrower. More
 * room (for a camera that stretches a 16:9 picture to 4:3, as Chromium's test camera does at 640×480) lets a card
 * whose bottom is out of view pass for a whole one, with a line printed on it for its bottom side.
 */
const ASPECT_SLACK = 0.2;
/**
 * Width over the guide's from which a quadrilateral is less likely the card the more it exceeds it: a card 15 % wider
 * than the guide is still framed whole; a pattern lined up with the analysed view's border is wider.
 */
const MAX_WIDTH = 1.18;
/** Opposite sides under this ratio are more than a moderate perspective gives: the score falls. */
const SQUARENESS_SLACK = 0.7;
/** Signs that turn each side's signed edge strength into the card's contrast with its surroundings. */
const INWARD: Record<Side, 1 | -1> = { left: 1, top: 1, right: -1, bottom: -1 };

const SIDES = ['left', 'right', 'top', 'bottom'] as const;

type Lines = Record<Side, Line>;

interface Measure {
  /** Share of each part of the side where an edge shows, either sign. */
  cover: number[];
  /** Mean signed step across each part, positive where the card side is lighter. */
  steps: number[];
  /** Mean step across the side, −1…1, positive where the card is lighter than outside. */
  contrast: number;
  /** How much of the line shows past its corners, beyond the tolerance. */
  runOn: number;
  /**
   * How busy the picture is on both sides of it (edges of any direction), beyond the tolerance, where both sides are
   * alike in brightness: a line within a texture, not between a card and what it lies on.
   */
  texture: number;
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

function cornersOf(lines: Lines): Quad {
  return [
    intersect(lines.left, lines.top),
    intersect(lines.right, lines.top),
    intersect(lines.right, lines.bottom),
    intersect(lines.left, lines.bottom),
  ];
}

/** The stretch of a side between its corners, as positions along it. */
function stretchOf(side: Side, corners: Quad): [number, number] {
  const [topLeft, topRight, bottomRight, bottomLeft] = corners;
  if (side === 'left') return [topLeft.y, bottomLeft.y];
  if (side === 'right') return [topRight.y, bottomRight.y];
  if (side === 'top') return [topLeft.x, topRight.x];
  return [bottomLeft.x, bottomRight.x];
}

const NOTHING: Measure = { cover: [0], steps: [0], contrast: 0, runOn: 0, texture: 0 };

/**
 * Share of what can be seen of a stretch where an edge shows. Past the image's border nothing is known: a line whose
 * corner is out of view is given the doubt at one end, not at both (a pattern larger than the guide, lined up with
 * it, is not a card).
 */
function seenCover(stretch: StretchMeasure): number {
  return stretch.seen > 0.2 ? stretch.cover / stretch.seen : UNSEEN_COVER;
}

/**
 * How much more edge a stretch of the line shows than the lines beside it (the quieter of the two): a line running on
 * is a line; a texture (cloth, print) shows as much edge beside it as on it.
 */
function standsOut(maps: EdgeMaps, line: Line, from: number, to: number, step: number): number {
  const on = seenCover(measureStretch(maps, line, from, to, { step }));
  const beside = Math.min(
    seenCover(measureStretch(maps, line, from, to, { step, shift: -NEIGHBOUR })),
    seenCover(measureStretch(maps, line, from, to, { step, shift: NEIGHBOUR })),
  );
  return Math.max(0, on - beside);
}

export function measureSide(
  maps: EdgeMaps,
  side: Side,
  line: Line,
  [start, end]: [number, number],
  step: number,
): Measure {
  const length = end - start;
  if (length <= 8) return NOTHING;
  const from = start + CORNER_INSET * length;
  const part = ((1 - 2 * CORNER_INSET) * length) / PARTS;
  const cover: number[] = [];
  const steps: number[] = [];
  let signed = 0;
  for (let k = 0; k < PARTS; k++) {
    const stretch = measureStretch(maps, line, from + k * part, from + (k + 1) * part, { step });
    cover.push(stretch.cover);
    steps.push(INWARD[side] * stretch.signed);
    signed += stretch.signed;
  }
  // A side this unclear scores its cover whatever else: what follows only lowers clearer ones.
  if (Math.min(...cover) < MIN_COVER_CHECKED) return { cover, steps, contrast: (INWARD[side] * signed) / PARTS, runOn: 0, texture: 0 };
  const before = standsOut(maps, line, start - BEYOND[1] * length, start - BEYOND[0] * length, step);
  const after = standsOut(maps, line, end + BEYOND[0] * length, end + BEYOND[1] * length, step);
  const middle = [start + MIDDLE[0] * length, start + MIDDLE[1] * length] as const;
  const inside = measureStretch(maps, line, middle[0], middle[1], { step, shift: INWARD[side] * NEIGHBOUR });
  const outside = measureStretch(maps, line, middle[0], middle[1], { step, shift: -INWARD[side] * NEIGHBOUR });
  // Brightness on either side over two lines, so that a fine pattern (gingham) averages out.
  const further = INWARD[side] * 2 * NEIGHBOUR;
  const apart =
    (inside.grey +
      measureStretch(maps, line, middle[0], middle[1], { step, shift: further }).grey -
      outside.grey -
      measureStretch(maps, line, middle[0], middle[1], { step, shift: -further }).grey) /
    2;
  const alike = Math.max(0, 1 - Math.abs(apart) / APART);
  return {
    cover,
    steps,
    contrast: (INWARD[side] * signed) / PARTS,
    runOn: Math.max(0, Math.min(before, after) - RUN_ON_TOLERANCE),
    texture: Math.max(0, Math.min(inside.busy, outside.busy) - TEXTURE_TOLERANCE) * alike,
  };
}

/**
 * A side's score: its weakest part's, so that a straight feature that spans only part of it (a photo's border printed
 * on the card) does not pass for the side; the part's step where it is one step all along (lighter or darker), or,
 * counting less, the share of it where an edge shows of either sign; less any run-on and texture.
 */
export const clarity = (measure: Measure): number => {
  const lighter = Math.min(...measure.steps);
  const darker = -Math.max(...measure.steps);
  const oneStep = Math.max(lighter, darker);
  const mixed = MIXED_WEIGHT * Math.min(...measure.cover);
  return Math.max(0, Math.max(oneStep, mixed) - measure.runOn - measure.texture);
};

/** Running counts of busy pixels (an edge of either direction): any rectangle's count in four lookups. */
interface BusyTable {
  width: number;
  height: number;
  /** `(width + 1) × (height + 1)`: the count above and to the left of each pixel corner. */
  sums: Int32Array;
}

function busyTable(maps: EdgeMaps): BusyTable {
  const { width, height, vertical, horizontal } = maps;
  const stride = width + 1;
  const sums = new Int32Array(stride * (height + 1));
  for (let y = 0; y < height; y++) {
    let row = 0;
    for (let x = 0, i = y * width; x < width; x++, i++) {
      const v = vertical[i] ?? 0;
      const h = horizontal[i] ?? 0;
      if (v >= PRESENT || v <= -PRESENT || h >= PRESENT || h <= -PRESENT) row++;
      sums[(y + 1) * stride + x + 1] = (sums[y * stride + x + 1] ?? 0) + row;
    }
  }
  return { width, height, sums };
}

/** Busy pixels in `[x0, x1) × [y0, y1)`, clamped to the table. */
function busyIn(table: BusyTable, x0: number, y0: number, x1: number, y1: number): number {
  const left = Math.max(0, Math.min(table.width, Math.round(x0)));
  const right = Math.max(left, Math.min(table.width, Math.round(x1)));
  const top = Math.max(0, Math.min(table.height, Math.round(y0)));
  const bottom = Math.max(top, Math.min(table.height, Math.round(y1)));
  const stride = table.width + 1;
  const at = (x: number, y: number): number => table.sums[y * stride + x] ?? 0;
  return at(right, bottom) - at(left, bottom) - at(right, top) + at(left, top);
}

/**
 * Share of the quadrilateral's inside (the middle 80 % each way of the rectangle within its corners) that is plain:
 * no edge of either direction. A card has plain ground between its fields and around its photo; a page of print has
 * almost none.
 */
function plainInside(table: BusyTable, corners: Quad): number {
  const [topLeft, topRight, bottomRight, bottomLeft] = corners;
  const x0 = Math.max(topLeft.x, bottomLeft.x);
  const x1 = Math.min(topRight.x, bottomRight.x);
  const y0 = Math.max(topLeft.y, topRight.y);
  const y1 = Math.min(bottomLeft.y, bottomRight.y);
  const left = Math.max(0, Math.round(x0 + (x1 - x0) * 0.1));
  const right = Math.min(table.width, Math.round(x1 - (x1 - x0) * 0.1));
  const top = Math.max(0, Math.round(y0 + (y1 - y0) * 0.1));
  const bottom = Math.min(table.height, Math.round(y1 - (y1 - y0) * 0.1));
  if (right <= left || bottom <= top) return 0;
  return 1 - busyIn(table, left, top, right, bottom) / ((right - left) * (bottom - top));
}

/** How much a quadrilateral's inside is like a card's: 1 from `MIN_PLAIN` plain ground up, less below. */
const cardInside = (table: BusyTable, corners: Quad): number => Math.min(1, plainInside(table, corners) / MIN_PLAIN);

/**
 * How much a quadrilateral looks like the card the guide asks for, 0–1: its width over height near the guide's, its
 * opposite sides no more unequal than a moderate perspective makes them, not much wider than the guide.
 */
function likeCard(corners: Quad, guide: { width: number; height: number }): number {
  if (!isConvex(corners)) return 0;
  const shape = quadShape(corners);
  if (shape.aspect <= 0) return 0;
  const stray = Math.max(0, Math.abs(Math.log(shape.aspect / (guide.width / guide.height))) - ASPECT_SLACK);
  const squeezed = Math.max(0, SQUARENESS_SLACK - shape.squareness);
  const oversized = Math.max(0, (shape.width / guide.width) - MAX_WIDTH);
  return Math.max(0, 1 - stray / 0.15) * Math.max(0, 1 - squeezed / 0.1) * Math.max(0, 1 - oversized / 0.1);
}

/**
 * The combination of candidates with the clearest sides between their corners, weighed by how much their
 * quadrilateral, when all four are clear, has the card's shape, and by how much its inside is like a card's.
 */
function bestCombination(
  maps: EdgeMaps,
  candidates: Record<Side, [Line, ...Line[]]>,
  { guide, table }: { guide: { width: number; height: number }; table: BusyTable },
): Lines {
  const { left: lefts, right: rights, top: tops, bottom: bottoms } = candidates;
  // A side's score depends on it and the two sides across it only: score each such triple once, kept by its indices.
  const n = CANDIDATES;
  const memo = new Float64Array(4 * n * n * n).fill(-1);
  const sideScore = (k: number, side: Side, lines: Lines, corners: Quad, key: number): number => {
    const at = (k * n * n * n) + key;
    let score = memo[at] ?? -1;
    if (score < 0) {
      score = clarity(measureSide(maps, side, lines[side], stretchOf(side, corners), 3));
      memo[at] = score;
    }
    return score;
  };
  let best = { lines: { left: lefts[0], right: rights[0], top: tops[0], bottom: bottoms[0] }, total: -1 };
  for (let l = 0; l < lefts.length; l++) {
    for (let r = 0; r < rights.length; r++) {
      for (let t = 0; t < tops.length; t++) {
        for (let b = 0; b < bottoms.length; b++) {
          const lines = { left: lefts[l] ?? lefts[0], right: rights[r] ?? rights[0], top: tops[t] ?? tops[0], bottom: bottoms[b] ?? bottoms[0] };
          const corners = cornersOf(lines);
          const left = sideScore(0, 'left', lines, corners, (l * n + t) * n + b);
          const right = sideScore(1, 'right', lines, corners, (r * n + t) * n + b);
          const top = sideScore(2, 'top', lines, corners, (t * n + l) * n + r);
          const bottom = sideScore(3, 'bottom', lines, corners, (b * n + l) * n + r);
          const sides = left + right + top + bottom;
          // The shape and inside only lower a total: a combination whose sides alone do not beat the best is done.
          if (sides <= best.total) continue;
          // Only four clear sides make a shape to judge: a card cut off by the frame has three and a stand-in.
          const whole = Math.min(left, right, top, bottom) >= WHOLE_FROM;
          const total = sides * (whole ? 0.5 + 0.5 * likeCard(corners, guide) : 1) * cardInside(table, corners);
          if (total > best.total) best = { lines, total };
        }
      }
    }
  }
  return best.lines;
}

/** Share of the view outside the guide that is busy. */
function surroundBusy(table: BusyTable, guide: Box): number {
  const all = table.width * table.height;
  const inGuide = Math.max(0, (Math.round(guide.x1) - Math.round(guide.x0)) * (Math.round(guide.y1) - Math.round(guide.y0)));
  const around = all - inGuide;
  if (around <= 0) return 0;
  return (busyIn(table, 0, 0, table.width, table.height) - busyIn(table, guide.x0, guide.y0, guide.x1, guide.y1)) / around;
}

/**
 * Fits the card's four sides: a few candidate straight edges in a band along
 * each side of the guide, then the combination whose sides are clearest
 * between their corners and whose shape is the card's, refined to the pixel
 * and a quarter degree.
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
    return first ? [first, ...rest] : [{ orientation: bands[side].orientation, offset, slope: 0, mid, score: 0, strength: 0 }];
  });
  const table = busyTable(maps);
  const chosen = bestCombination(maps, candidates, { guide: { width: gw, height: gh }, table });
  const rough = cornersOf(chosen);
  const lines = perSide((side) => {
    const [start, end] = stretchOf(side, rough);
    const inset = CORNER_INSET * (end - start);
    return end - start > 8 ? refineLine(maps, chosen[side], start + inset, end - inset) : chosen[side];
  });
  const corners = cornersOf(lines);
  const measures = perSide((side) => measureSide(maps, side, lines[side], stretchOf(side, corners), 1));
  const likeness = cardInside(table, corners);
  return {
    lines,
    sides: perSide((side) => clarity(measures[side]) * likeness),
    angles: perSide((side) => slopeDegrees(lines[side].slope)),
    lighter: SIDES.reduce((sum, side) => sum + measures[side].contrast, 0) >= 0,
    corners,
    fill: gw > 0 && gh > 0 ? quadArea(corners) / (gw * gh) : 0,
    squareness: quadShape(corners).squareness,
    surround: surroundBusy(table, guide),
  };
}
