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
  /**
   * Mean edge strength along its stretch whatever its sign, 0…1: a card's side on a printed page is darker than the
   * paper and lighter than the ink it crosses, and shows whole only this way.
   */
  strength: number;
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

/**
 * Tilts tried in the first pass, in degrees: a card turned by up to about 8° and leaning back by 20° (whose sides
 * then converge by some 10° more) is found.
 */
const COARSE_DEGREES = Array.from({ length: 23 }, (_, k) => -16.5 + k * 1.5);
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

/** Sums of the signed and of the absolute edge strength at the samples, the line `offset` across. */
function sumAt(strides: Strides, offset: number, samples: Samples, sums: Float64Array): void {
  const { map, across: stride, limit } = strides;
  const { base, shift, count } = samples;
  let signed = 0;
  let absolute = 0;
  for (let k = 0; k < count; k++) {
    const across = offset + (shift[k] ?? 0);
    if (across < 1 || across >= limit - 1) continue;
    const value = map[(base[k] ?? 0) + across * stride] ?? 0;
    signed += value;
    absolute += value < 0 ? -value : value;
  }
  sums[0] = signed;
  sums[1] = absolute;
}

/**
 * Every position in the band at every coarse tilt: the clearest lines (by edge strength whatever its sign), one per
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
  const sums = new Float64Array(2);
  for (const degrees of COARSE_DEGREES) {
    const samples = sampling(strides, search.alongFrom, search.alongTo, COARSE_STEP, toSlope(degrees), mid);
    for (let offset = from; offset <= to; offset++) {
      sumAt(strides, offset, samples, sums);
      const strength = (sums[1] ?? 0) / samples.total;
      if (strength > (profile[offset - from] ?? 0)) {
        profile[offset - from] = strength;
        signed[offset - from] = (sums[0] ?? 0) / samples.total;
        bestDegrees[offset - from] = degrees;
      }
    }
  }
  const order = Array.from(profile.keys()).sort((a, b) => (profile[b] ?? 0) - (profile[a] ?? 0));
  const lines: Line[] = [];
  for (const k of order) {
    if (lines.length === count || (profile[k] ?? 0) <= 0) break;
    const offset = from + k;
    // Peaks this close are one edge (a step and the shadow beside it).
    if (lines.some((line) => Math.abs(line.offset - offset) < SEPARATION)) continue;
    const slope = toSlope(bestDegrees[k] ?? 0);
    lines.push({ orientation: search.orientation, offset, slope, mid, score: signed[k] ?? 0, strength: profile[k] ?? 0 });
  }
  return lines;
}

/**
 * What a stretch of a line shows: its mean signed strength, the share of it where an edge across it shows, and how
 * busy and how bright the picture is along it.
 */
export interface StretchMeasure {
  signed: number;
  /** Share of the samples whose edge strength across the line, either sign, reaches `PRESENT`. */
  cover: number;
  /** Share of the samples where an edge of any direction reaches `PRESENT`. */
  busy: number;
  /** Mean grey level of the samples inside the image. */
  grey: number;
  /** Share of the samples inside the image (those outside count as no edge). */
  seen: number;
}

export interface StretchOptions {
  /** Pixels between samples along the line. */
  step?: number;
  /** Pixels the line is moved across itself first. */
  shift?: number;
}

/** Edge strength (a share of the saturating step) from which an edge counts as present at a point of a line. */
export const PRESENT = 0.3;

/**
 * What `line` shows from `alongFrom` to `alongTo` (signed: positive where brighter towards larger `across`). Computed
 * on the fly: it is called for many short stretches, each once.
 */
export function measureStretch(
  maps: EdgeMaps,
  line: Line,
  alongFrom: number,
  alongTo: number,
  { step = 2, shift = 0 }: StretchOptions = {},
): StretchMeasure {
  if (alongTo <= alongFrom) return { signed: 0, cover: 0, busy: 0, grey: 0, seen: 0 };
  const { map, along: alongStride, across: acrossStride, limit, alongLimit } = stridesOf(maps, line.orientation);
  const other = map === maps.vertical ? maps.horizontal : maps.vertical;
  // Rounding the offset moves the line by under half a pixel; the slope still applies around `mid`.
  const offset = Math.round(line.offset + shift);
  const total = Math.max(1, Math.floor((alongTo - alongFrom) / step) + 1);
  let sum = 0;
  let present = 0;
  let busy = 0;
  let level = 0;
  let inside = 0;
  for (let k = 0; k < total; k++) {
    const along = Math.round(alongFrom + k * step);
    if (along < 1 || along > alongLimit - 2) continue;
    const across = offset + Math.round(line.slope * (along - line.mid));
    if (across < 1 || across >= limit - 1) continue;
    const i = along * alongStride + across * acrossStride;
    const value = map[i] ?? 0;
    const crossing = other[i] ?? 0;
    sum += value;
    level += maps.grey[i] ?? 0;
    inside++;
    if (value >= PRESENT || value <= -PRESENT) {
      present++;
      busy++;
    } else if (crossing >= PRESENT || crossing <= -PRESENT) busy++;
  }
  return {
    signed: sum / total,
    cover: present / total,
    busy: busy / total,
    grey: inside > 0 ? level / inside : 0,
    seen: inside / total,
  };
}

/**
 * The clearest line within `reach` pixels and 1.5° of `line`, scored from `alongFrom` to `alongTo` at fine steps: by
 * its signed strength where `line` is one step, lighter or darker all along; else by its strength whatever the sign.
 */
export function refineLine(maps: EdgeMaps, line: Line, alongFrom: number, alongTo: number, reach = 2): Line {
  const strides = stridesOf(maps, line.orientation);
  const mid = (alongFrom + alongTo) / 2;
  const centre = Math.round(acrossAt(line, mid));
  const degrees = slopeDegrees(line.slope);
  const oneSided = Math.abs(line.score) >= 0.6 * line.strength;
  const sign = line.score < 0 ? -1 : 1;
  const value = (signed: number, strength: number): number => (oneSided ? sign * signed : strength);
  let best: Line = { ...line, offset: centre, mid, score: 0, strength: 0 };
  let bestValue = 0;
  const sums = new Float64Array(2);
  // Nearest tilts first, so that a tie keeps the tilt found before.
  for (const step of [0, 1, -1, 2, -2, 3, -3, 4, -4, 5, -5, 6, -6]) {
    const slope = toSlope(degrees + step * 0.25);
    const samples = sampling(strides, alongFrom, alongTo, 1, slope, mid);
    for (let o = Math.max(1, centre - reach); o <= Math.min(strides.limit - 2, centre + reach); o++) {
      sumAt(strides, o, samples, sums);
      const score = (sums[0] ?? 0) / samples.total;
      const strength = (sums[1] ?? 0) / samples.total;
      if (value(score, strength) > bestValue) {
        bestValue = value(score, strength);
        best = { orientation: line.orientation, offset: o, slope, mid, score, strength };
      }
    }
  }
  return best;
}

/** Where a line is at a given position along it. */
export function acrossAt(line: Line, along: number): number {
  return line.offset + line.slope * (along - line.mid);
}
