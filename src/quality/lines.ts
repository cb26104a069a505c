import type { EdgeMaps } from './edges.js';

/**
 * A straight line across the image, nearly parallel to one of its axes:
 * `across = offset + slope · (along − mid)`. For an up-and-down line `along`
 * is y and `across` is x; for a line across the image, the other way round.
 */
export interface Line {
  orientation: 'vertical' | 'horizontal';
  offset: number;
  slope: number;
  mid: number;
  /** Mean signed edge strength along its stretch, −1…1 (positive: brighter towards larger `across`). */
  score: number;
}

export interface LineSearch {
  orientation: 'vertical' | 'horizontal';
  /** Range of `offset` to try, inclusive. */
  from: number;
  to: number;
  /** Stretch of `along` the line is scored on. */
  alongFrom: number;
  alongTo: number;
}

/** Tilts tried in the first pass, in degrees: a card held within about ±10° of the guide is found. */
const COARSE_DEGREES = [-9, -7.5, -6, -4.5, -3, -1.5, 0, 1.5, 3, 4.5, 6, 7.5, 9];
const COARSE_STEP = 4;
/** Candidates closer than this (pixels) are the same edge (a step shows on two pixels, a shadow on a few more). */
const SEPARATION = 4;

const toSlope = (degrees: number): number => Math.tan((degrees * Math.PI) / 180);

export const slopeDegrees = (slope: number): number => (Math.atan(slope) * 180) / Math.PI;

interface Strides {
  map: Float32Array;
  along: number;
  across: number;
  limit: number;
  alongLimit: number;
}

function stridesOf(maps: EdgeMaps, orientation: Line['orientation']): Strides {
  return orientation === 'vertical'
    ? { map: maps.vertical, along: maps.width, across: 1, limit: maps.width, alongLimit: maps.height }
    : { map: maps.horizontal, along: 1, across: maps.width, limit: maps.height, alongLimit: maps.width };
}

interface Samples {
  base: Int32Array;
  shift: Int32Array;
  /** Samples inside the image (the first `count` entries). */
  count: number;
  /** Samples in all, inside the image or not: the mean divides by this. */
  total: number;
}

/**
 * Sample points of a line of `slope` (around `mid`) from `alongFrom` to `alongTo`; points outside the image are left
 * out but still counted.
 */
function sampling(
  strides: Strides,
  alongFrom: number,
  alongTo: number,
  step: number,
  slope: number,
  mid: number,
): Samples {
  const total = Math.max(1, Math.floor((alongTo - alongFrom) / step) + 1);
  const base = new Int32Array(total);
  const shift = new Int32Array(total);
  let count = 0;
  for (let k = 0; k < total; k++) {
    const along = Math.round(alongFrom + k * step);
    if (along < 1 || along > strides.alongLimit - 2) continue;
    base[count] = along * strides.along;
    shift[count] = Math.round(slope * (along - mid));
    count++;
  }
  return { base, shift, count, total };
}

function sumAt(strides: Strides, offset: number, samples: Samples): number {
  const { map, across: stride, limit } = strides;
  const { base, shift, count } = samples;
  let sum = 0;
  for (let k = 0; k < count; k++) {
    const across = offset + (shift[k] ?? 0);
    if (across >= 1 && across < limit - 1) sum += map[(base[k] ?? 0) + across * stride] ?? 0;
  }
  return sum;
}

/**
 * Every position in the band at every coarse tilt: the clearest lines, one per
 * edge, best first (at most `count`).
 */
export function findLines(maps: EdgeMaps, search: LineSearch, count: number): Line[] {
  const strides = stridesOf(maps, search.orientation);
  const mid = (search.alongFrom + search.alongTo) / 2;
  const from = Math.max(1, Math.round(Math.min(search.from, search.to)));
  const to = Math.min(strides.limit - 2, Math.round(Math.max(search.from, search.to)));
  if (to < from) return [];
  const profile = new Float32Array(to - from + 1);
  const signed = new Float32Array(profile.length);
  const bestDegrees = new Float32Array(profile.length);
  for (const degrees of COARSE_DEGREES) {
    const samples = sampling(strides, search.alongFrom, search.alongTo, COARSE_STEP, toSlope(degrees), mid);
    for (let offset = from; offset <= to; offset++) {
      const score = sumAt(strides, offset, samples) / samples.total;
      if (Math.abs(score) > (profile[offset - from] ?? 0)) {
        profile[offset - from] = Math.abs(score);
        signed[offset - from] = score;
        bestDegrees[offset - from] = degrees;
      }
    }
  }
  const order = Array.from(profile.keys()).sort((a, b) => (profile[b] ?? 0) - (profile[a] ?? 0));
  const lines: Line[] = [];
  for (const k of order) {
    if (lines.length === count || (profile[k] ?? 0) <= 0) break;
    const offset = from + k;
    // Same-signed peaks this close are one edge; an opposite step next to it (a shadow, a crease) is another.
    const score = signed[k] ?? 0;
    if (lines.some((line) => Math.abs(line.offset - offset) < SEPARATION && line.score * score > 0)) continue;
    lines.push({ orientation: search.orientation, offset, slope: toSlope(bestDegrees[k] ?? 0), mid, score });
  }
  return lines;
}

/**
 * Mean signed edge strength along `line` from `alongFrom` to `alongTo` (positive: brighter towards larger `across`).
 * Computed on the fly: it is called for many short stretches, each once.
 */
export function scoreStretch(maps: EdgeMaps, line: Line, alongFrom: number, alongTo: number, step = 2): number {
  if (alongTo <= alongFrom) return 0;
  const { map, along: alongStride, across: acrossStride, limit, alongLimit } = stridesOf(maps, line.orientation);
  // Rounding the offset moves the line by under half a pixel; the slope still applies around `mid`.
  const offset = Math.round(line.offset);
  const total = Math.max(1, Math.floor((alongTo - alongFrom) / step) + 1);
  let sum = 0;
  for (let k = 0; k < total; k++) {
    const along = Math.round(alongFrom + k * step);
    if (along < 1 || along > alongLimit - 2) continue;
    const across = offset + Math.round(line.slope * (along - line.mid));
    if (across >= 1 && across < limit - 1) sum += map[along * alongStride + across * acrossStride] ?? 0;
  }
  return sum / total;
}

/**
 * The clearest line of the same sign within `reach` pixels and 1.5° of `line`, scored from `alongFrom` to `alongTo` at
 * fine steps.
 */
export function refineLine(maps: EdgeMaps, line: Line, alongFrom: number, alongTo: number, reach = 2): Line {
  const strides = stridesOf(maps, line.orientation);
  const mid = (alongFrom + alongTo) / 2;
  const centre = Math.round(acrossAt(line, mid));
  const degrees = slopeDegrees(line.slope);
  const sign = line.score < 0 ? -1 : 1;
  let best: Line = { ...line, offset: centre, mid, score: 0 };
  // Nearest tilts first, so that a tie keeps the tilt found before.
  for (const step of [0, 1, -1, 2, -2, 3, -3, 4, -4, 5, -5, 6, -6]) {
    const slope = toSlope(degrees + step * 0.25);
    const samples = sampling(strides, alongFrom, alongTo, 1, slope, mid);
    for (let o = Math.max(1, centre - reach); o <= Math.min(strides.limit - 2, centre + reach); o++) {
      const score = sumAt(strides, o, samples) / samples.total;
      if (sign * score > sign * best.score) best = { orientation: line.orientation, offset: o, slope, mid, score };
    }
  }
  return best;
}

/** Where a line is at a given position along it. */
export function acrossAt(line: Line, along: number): number {
  return line.offset + line.slope * (along - line.mid);
}
