import type { Point } from './types.js';

/** Four corners: top-left, top-right, bottom-right, bottom-left. */
export type Quad = [Point, Point, Point, Point];

export function distance(p: Point, q: Point): number {
  return Math.hypot(p.x - q.x, p.y - q.y);
}

export function quadArea(corners: readonly Point[]): number {
  let twice = 0;
  corners.forEach((p, k) => {
    const q = corners[(k + 1) % corners.length] ?? p;
    twice += p.x * q.y - q.x * p.y;
  });
  return Math.abs(twice) / 2;
}

/** Whether the corners, in order, turn the same way at each: a convex quadrilateral, not a crossed or folded one. */
export function isConvex(corners: Quad): boolean {
  let sign = 0;
  for (let k = 0; k < 4; k++) {
    const a = corners[k] ?? corners[0];
    const b = corners[(k + 1) % 4] ?? corners[0];
    const c = corners[(k + 2) % 4] ?? corners[0];
    const cross = (b.x - a.x) * (c.y - b.y) - (b.y - a.y) * (c.x - b.x);
    if (cross === 0) return false;
    if (sign !== 0 && Math.sign(cross) !== sign) return false;
    sign = Math.sign(cross);
  }
  return true;
}

/**
 * The quadrilateral's shape: its mean width, its mean width over mean height, and the shorter over the longer of each
 * opposite pair (the worse).
 */
export function quadShape(corners: Quad): { aspect: number; squareness: number; width: number } {
  const [topLeft, topRight, bottomRight, bottomLeft] = corners;
  const top = distance(topLeft, topRight);
  const bottom = distance(bottomLeft, bottomRight);
  const left = distance(topLeft, bottomLeft);
  const right = distance(topRight, bottomRight);
  const ratio = (a: number, b: number): number => (Math.max(a, b) > 0 ? Math.min(a, b) / Math.max(a, b) : 0);
  return {
    aspect: left + right > 0 ? (top + bottom) / (left + right) : 0,
    squareness: Math.min(ratio(top, bottom), ratio(left, right)),
    width: (top + bottom) / 2,
  };
}
