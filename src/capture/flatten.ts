// A card's quadrilateral in a photo, flattened: perspective-corrected through a homography to the card's own
// proportions. Pure functions on RGBA pixels (an `ImageData`, or anything shaped like it), run where the photo is
// encoded: in the encoding worker, or on the page where no worker can run.
import type { Point } from '../quality/types.js';
import { isConvex, type Quad } from '../quality/quad.js';
import type { Rect } from '../geometry/geometry.js';

export type { Quad };

/** A projective transform of the plane: a 3×3 matrix row by row, its last entry 1. */
export type Homography = readonly [number, number, number, number, number, number, number, number, number];

/** RGBA pixels, row by row, 4 bytes a pixel: what `getImageData` gives and `putImageData` takes. */
export interface Pixels {
  width: number;
  height: number;
  data: Uint8ClampedArray;
}

export interface FlattenOptions {
  /** Width over height of the card (ID-1: 85.6 × 53.98 mm). */
  aspect: number;
  /** Surface kept around the card on every side, as a share of its size (the quadrilateral grows outward, in the card's plane). */
  margin: number;
  /** The result's longest side, at most. */
  maxLongSide: number;
}

/** How a quadrilateral of a source is flattened. */
export interface FlattenPlan {
  /** Size of the result: the card and its margin, at the card's proportions. */
  width: number;
  height: number;
  /** From the result's pixels to the source's (continuous coordinates: pixel `k` spans `[k, k + 1)`). */
  toSource: Homography;
  /** The part of the source the result reads: around the grown quadrilateral, inside the source, in whole pixels. */
  region: Rect;
  /** The result's pixels a source pixel along the card's longest side (at most 1: the card is never enlarged). */
  scale: number;
}

/**
 * The homography that takes each of four points to its pair (`from[k]` to `to[k]`), or `null` when three of
 * either four lie on a line. The eight unknowns come from two linear equations a pair, solved by Gaussian elimination.
 */
export function homography(from: Quad, to: Quad): Homography | null {
  const rows: number[][] = [];
  from.forEach(({ x, y }, k) => {
    const { x: u, y: v } = to[k] ?? to[0];
    rows.push([x, y, 1, 0, 0, 0, -x * u, -y * u, u]);
    rows.push([0, 0, 0, x, y, 1, -x * v, -y * v, v]);
  });
  const h = solve(rows);
  if (!h) return null;
  const [a = 0, b = 0, c = 0, d = 0, e = 0, f = 0, g = 0, i = 0] = h;
  // A singular matrix folds the plane onto a line: three of the points paired lie on one.
  const det = a * (e - f * i) - b * (d - f * g) + c * (d * i - e * g);
  const size = Math.max(Math.abs(a), Math.abs(b), Math.abs(c), Math.abs(d), Math.abs(e), Math.abs(f), Math.abs(g), Math.abs(i), 1);
  if (!Number.isFinite(det) || Math.abs(det) < 1e-12 * size ** 3) return null;
  return [a, b, c, d, e, f, g, i, 1];
}

/** Solves `n` linear equations, each row its `n` coefficients then its constant, with partial pivoting. */
function solve(rows: number[][]): number[] | null {
  const n = rows.length;
  const at = (r: number, c: number): number => rows[r]?.[c] ?? 0;
  for (let col = 0; col < n; col++) {
    let pivot = col;
    for (let r = col + 1; r < n; r++) if (Math.abs(at(r, col)) > Math.abs(at(pivot, col))) pivot = r;
    const scale = Math.max(...rows.map((row) => Math.abs(row[col] ?? 0)), 1);
    if (Math.abs(at(pivot, col)) < 1e-12 * scale) return null;
    [rows[col], rows[pivot]] = [rows[pivot] ?? [], rows[col] ?? []];
    const top = rows[col] ?? [];
    for (let r = 0; r < n; r++) {
      const row = rows[r];
      if (r === col || !row) continue;
      const factor = (row[col] ?? 0) / (top[col] ?? 1);
      if (factor === 0) continue;
      for (let c = col; c <= n; c++) row[c] = (row[c] ?? 0) - factor * (top[c] ?? 0);
    }
  }
  return rows.map((row, r) => (row[n] ?? 0) / (row[r] ?? 1));
}

/** Where the homography takes a point. */
export function mapPoint(h: Homography, { x, y }: Point): Point {
  const w = h[6] * x + h[7] * y + h[8];
  return { x: (h[0] * x + h[1] * y + h[2]) / w, y: (h[3] * x + h[4] * y + h[5]) / w };
}

/**
 * How to flatten the card whose corners (top-left, top-right, bottom-right, bottom-left, in the source's pixels) are
 * given: the result has the card's proportions with `margin` on every side, and holds the card at the resolution
 * of its longest side in the source (the other sides, foreshortened, are stretched to match), never more than
 * `maxLongSide`. `null` for corners that make no card (crossed, folded, or too small to hold a pixel).
 */
export function planFlatten(corners: Quad, source: { width: number; height: number }, options: FlattenOptions): FlattenPlan | null {
  const { aspect, margin, maxLongSide } = options;
  if (!isConvex(corners) || !corners.every(({ x, y }) => Number.isFinite(x) && Number.isFinite(y))) return null;
  const [topLeft, topRight, bottomRight, bottomLeft] = corners;
  const length = (p: Point, q: Point): number => Math.hypot(p.x - q.x, p.y - q.y);
  const cardWidth = Math.max(length(topLeft, topRight), length(bottomLeft, bottomRight), aspect * Math.max(length(topLeft, bottomLeft), length(topRight, bottomRight)));
  const grown = 1 + 2 * margin;
  const scale = Math.min(1, maxLongSide / (Math.max(cardWidth, cardWidth / aspect) * grown));
  const width = Math.round(cardWidth * grown * scale);
  const height = Math.round((cardWidth / aspect) * grown * scale);
  if (width < 2 || height < 2) return null;
  // The card in the result: the margin's share of its size on every side.
  const x0 = (width * margin) / grown;
  const x1 = (width * (1 + margin)) / grown;
  const y0 = (height * margin) / grown;
  const y1 = (height * (1 + margin)) / grown;
  const toSource = homography([{ x: x0, y: y0 }, { x: x1, y: y0 }, { x: x1, y: y1 }, { x: x0, y: y1 }], corners);
  if (!toSource) return null;
  const outline = [{ x: 0, y: 0 }, { x: width, y: 0 }, { x: width, y: height }, { x: 0, y: height }].map((p) => mapPoint(toSource, p));
  // One pixel more each way: the bilinear sampling of the edge pixels reads their neighbours.
  const left = Math.max(0, Math.floor(Math.min(...outline.map((p) => p.x))) - 1);
  const top = Math.max(0, Math.floor(Math.min(...outline.map((p) => p.y))) - 1);
  const right = Math.min(source.width, Math.ceil(Math.max(...outline.map((p) => p.x))) + 1);
  const bottom = Math.min(source.height, Math.ceil(Math.max(...outline.map((p) => p.y))) + 1);
  if (!(right > left && bottom > top)) return null;
  return { width, height, toSource, region: { x: left, y: top, width: right - left, height: bottom - top }, scale };
}

/**
 * The same flattening, read from a copy of the plan's region scaled to `width`×`height`: a card much larger in the
 * source than in the result is read from a copy the canvas scaled down with its own filtering, as bilinear sampling
 * of four pixels would skip detail between them (fine print would alias).
 */
export function fromScaledRegion(plan: FlattenPlan, width: number, height: number): FlattenPlan {
  const { region, toSource: h } = plan;
  const sx = width / region.width;
  const sy = height / region.height;
  // Into the copy's pixels: x' = (x − region.x) · sx, after the homography.
  const toSource: Homography = [
    sx * (h[0] - region.x * h[6]),
    sx * (h[1] - region.x * h[7]),
    sx * (h[2] - region.x * h[8]),
    sy * (h[3] - region.y * h[6]),
    sy * (h[4] - region.y * h[7]),
    sy * (h[5] - region.y * h[8]),
    h[6],
    h[7],
    h[8],
  ];
  return { ...plan, toSource, region: { x: 0, y: 0, width, height }, scale: Math.min(1, plan.scale / Math.min(sx, sy)) };
}

/**
 * Draws the flattened card: every pixel of the result is sampled (bilinearly, from the four source pixels around
 * the point it maps to) out of `region`, the part of the source the plan reads (`plan.region`, whose top-left
 * pixel is `region.data`'s first). A point beyond the source takes the nearest edge pixel. Writes into `target`
 * when given (an `ImageData` of the plan's size), else into new pixels.
 */
export function flatten(region: Pixels, plan: FlattenPlan, target?: Pixels): Pixels {
  const { width, height, toSource: h } = plan;
  const out = target ?? { width, height, data: new Uint8ClampedArray(width * height * 4) };
  if (out.width !== width || out.height !== height) throw new Error('The target is not the flattened size.');
  const { data: src, width: sw, height: sh } = region;
  const dst = out.data;
  const maxX = sw - 1;
  const maxY = sh - 1;
  // Source coordinates of pixel centres, in the region's own pixels: pixel (i, j) of the result is the point
  // (i + 0.5, j + 0.5), whose image is read at pixel centres, half a pixel in.
  const offsetX = plan.region.x + 0.5;
  const offsetY = plan.region.y + 0.5;
  const [dx, , , dy, , , dw] = h;
  let o = 0;
  for (let j = 0; j < height; j++) {
    const y = j + 0.5;
    // Along a row, numerators and denominator grow by a constant step: three additions a pixel, one division.
    let nx = dx * 0.5 + h[1] * y + h[2];
    let ny = dy * 0.5 + h[4] * y + h[5];
    let nw = dw * 0.5 + h[7] * y + h[8];
    for (let i = 0; i < width; i++, o += 4, nx += dx, ny += dy, nw += dw) {
      const inverse = 1 / nw;
      let fx = nx * inverse - offsetX;
      let fy = ny * inverse - offsetY;
      fx = fx < 0 ? 0 : fx > maxX ? maxX : fx;
      fy = fy < 0 ? 0 : fy > maxY ? maxY : fy;
      const px = fx | 0;
      const py = fy | 0;
      const ax = fx - px;
      const ay = fy - py;
      const p00 = (py * sw + px) * 4;
      const p01 = px < maxX ? p00 + 4 : p00;
      const p10 = py < maxY ? p00 + sw * 4 : p00;
      const p11 = px < maxX ? p10 + 4 : p10;
      const w00 = (1 - ax) * (1 - ay);
      const w01 = ax * (1 - ay);
      const w10 = (1 - ax) * ay;
      const w11 = ax * ay;
      // Red, green, blue (the clamped array rounds); opaque.
      dst[o] = (src[p00] ?? 0) * w00 + (src[p01] ?? 0) * w01 + (src[p10] ?? 0) * w10 + (src[p11] ?? 0) * w11;
      dst[o + 1] = (src[p00 + 1] ?? 0) * w00 + (src[p01 + 1] ?? 0) * w01 + (src[p10 + 1] ?? 0) * w10 + (src[p11 + 1] ?? 0) * w11;
      dst[o + 2] = (src[p00 + 2] ?? 0) * w00 + (src[p01 + 2] ?? 0) * w01 + (src[p10 + 2] ?? 0) * w10 + (src[p11 + 2] ?? 0) * w11;
      dst[o + 3] = 255;
    }
  }
  return out;
}
