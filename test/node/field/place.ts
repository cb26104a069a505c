import type { Picture } from './picture.js';

/** ID-1: 85.6 × 54 mm, corners rounded to 3.18 mm. */
const CARD_MM = { width: 85.6, height: 54, radius: 3.18 } as const;

/** How the card lies before the camera. */
export interface Pose {
  /** Centre of the card in the frame, in pixels. */
  x: number;
  y: number;
  /** Width of the card in pixels were it square to the camera. */
  width: number;
  /** Turn in the card's own plane, degrees clockwise. */
  rotate: number;
  /** Lean away from the camera, degrees, about the frame's horizontal (`x`) or vertical (`y`) axis. */
  tilt: { axis: 'x' | 'y'; degrees: number };
}

/** Focal length in pixels for a frame of this long side: a phone's main camera, about 65° across the long side. */
export const focalLength = (longSide: number): number => longSide * 0.785;

interface Projection {
  f: number;
  depth: number;
  e1: readonly [number, number, number];
  e2: readonly [number, number, number];
  normal: readonly [number, number, number];
  cos: number;
  sin: number;
}

function projection(pose: Pose, f: number): Projection {
  const t = (pose.tilt.degrees * Math.PI) / 180;
  const e1 = pose.tilt.axis === 'y' ? ([Math.cos(t), 0, Math.sin(t)] as const) : ([1, 0, 0] as const);
  const e2 = pose.tilt.axis === 'x' ? ([0, Math.cos(t), Math.sin(t)] as const) : ([0, 1, 0] as const);
  const normal = [e1[1] * e2[2] - e1[2] * e2[1], e1[2] * e2[0] - e1[0] * e2[2], e1[0] * e2[1] - e1[1] * e2[0]] as const;
  const r = (pose.rotate * Math.PI) / 180;
  return { f, depth: (f * CARD_MM.width) / pose.width, e1, e2, normal, cos: Math.cos(r), sin: Math.sin(r) };
}

/** Where a point of the card (millimetres from its centre) shows in the frame. */
function project(p: Projection, pose: Pose, u: number, v: number): { x: number; y: number } {
  const a = u * p.cos - v * p.sin;
  const b = u * p.sin + v * p.cos;
  const X = a * p.e1[0] + b * p.e2[0];
  const Y = a * p.e1[1] + b * p.e2[1];
  const Z = p.depth + a * p.e1[2] + b * p.e2[2];
  return { x: pose.x + (p.f * X) / Z, y: pose.y + (p.f * Y) / Z };
}

/** The card's four corners in the frame: top-left, top-right, bottom-right, bottom-left. */
export function cardCorners(pose: Pose, f: number): { x: number; y: number }[] {
  const p = projection(pose, f);
  const u = CARD_MM.width / 2;
  const v = CARD_MM.height / 2;
  return [project(p, pose, -u, -v), project(p, pose, u, -v), project(p, pose, u, v), project(p, pose, -u, v)];
}

/**
 * The point of the card (millimetres from its centre) seen at a frame pixel, into `out`; false where the ray runs
 * along the card's plane.
 */
function unproject(p: Projection, pose: Pose, x: number, y: number, out: Float64Array): boolean {
  const dx = (x - pose.x) / p.f;
  const dy = (y - pose.y) / p.f;
  const facing = p.normal[0] * dx + p.normal[1] * dy + p.normal[2];
  if (Math.abs(facing) < 1e-9) return false;
  const lambda = (p.normal[2] * p.depth) / facing;
  const px = lambda * dx;
  const py = lambda * dy;
  const pz = lambda - p.depth;
  const a = px * p.e1[0] + py * p.e1[1] + pz * p.e1[2];
  const b = px * p.e2[0] + py * p.e2[1] + pz * p.e2[2];
  out[0] = a * p.cos + b * p.sin;
  out[1] = -a * p.sin + b * p.cos;
  return true;
}

function insideCard(u: number, v: number): boolean {
  const du = Math.abs(u) - (CARD_MM.width / 2 - CARD_MM.radius);
  const dv = Math.abs(v) - (CARD_MM.height / 2 - CARD_MM.radius);
  if (du > CARD_MM.radius || dv > CARD_MM.radius) return false;
  return du <= 0 || dv <= 0 || du * du + dv * dv <= CARD_MM.radius * CARD_MM.radius;
}

function bilinear(face: Picture, x: number, y: number, channel: number): number {
  const x0 = Math.max(0, Math.min(face.width - 2, Math.floor(x)));
  const y0 = Math.max(0, Math.min(face.height - 2, Math.floor(y)));
  const fx = Math.max(0, Math.min(1, x - x0));
  const fy = Math.max(0, Math.min(1, y - y0));
  const i = (y0 * face.width + x0) * 3 + channel;
  const j = i + face.width * 3;
  const { data } = face;
  const top = (data[i] ?? 0) * (1 - fx) + (data[i + 3] ?? 0) * fx;
  const bottom = (data[j] ?? 0) * (1 - fx) + (data[j + 3] ?? 0) * fx;
  return top * (1 - fy) + bottom * fy;
}

/** Where in a pixel the card is sampled: four points, for an anti-aliased outline. */
const SUBSAMPLES = [0.25, 0.25, 0.75, 0.25, 0.25, 0.75, 0.75, 0.75];

/** Blurs a one-channel mask in place with a box of `radius` along rows then columns, inside `box`. */
function boxMask(mask: Float32Array, width: number, box: { x0: number; y0: number; x1: number; y1: number }, radius: number): void {
  const size = 2 * radius + 1;
  const line = new Float32Array(Math.max(box.x1 - box.x0, box.y1 - box.y0));
  for (const horizontal of [true, false]) {
    const [lines, from, to] = horizontal ? [[box.y0, box.y1], box.x0, box.x1] : [[box.x0, box.x1], box.y0, box.y1];
    const step = horizontal ? 1 : width;
    for (let l = lines[0] ?? 0; l < (lines[1] ?? 0); l++) {
      const base = horizontal ? l * width : l;
      const length = to - from;
      for (let k = 0; k < length; k++) line[k] = mask[base + (from + k) * step] ?? 0;
      let sum = 0;
      for (let k = 0; k <= radius && k < length; k++) sum += line[k] ?? 0;
      for (let k = 0; k < length; k++) {
        mask[base + (from + k) * step] = sum / size;
        sum += (line[k + radius + 1] ?? 0) - (line[k - radius] ?? 0);
      }
    }
  }
}

/**
 * Lays the card's face on the frame as a camera would see it: projected through `pose`, its corners
 * rounded, its outline anti-aliased, over a soft shadow cast down and to the right.
 */
export function placeCard(frame: Picture, face: Picture, pose: Pose): void {
  const f = focalLength(Math.max(frame.width, frame.height));
  const p = projection(pose, f);
  const corners = cardCorners(pose, f);
  const x0 = Math.max(0, Math.floor(Math.min(...corners.map((c) => c.x))) - 1);
  const x1 = Math.min(frame.width, Math.ceil(Math.max(...corners.map((c) => c.x))) + 1);
  const y0 = Math.max(0, Math.floor(Math.min(...corners.map((c) => c.y))) - 1);
  const y1 = Math.min(frame.height, Math.ceil(Math.max(...corners.map((c) => c.y))) + 1);
  const { width, height } = frame;
  const coverage = new Float32Array(width * height);
  const colour = new Float32Array(width * height * 3);
  const point = new Float64Array(2);
  for (let y = y0; y < y1; y++) {
    for (let x = x0; x < x1; x++) {
      let inside = 0;
      const i = y * width + x;
      for (let s = 0; s < SUBSAMPLES.length; s += 2) {
        if (!unproject(p, pose, x + (SUBSAMPLES[s] ?? 0), y + (SUBSAMPLES[s + 1] ?? 0), point)) continue;
        const u = point[0] ?? 0;
        const v = point[1] ?? 0;
        if (!insideCard(u, v)) continue;
        inside++;
        const tx = (u / CARD_MM.width + 0.5) * (face.width - 1);
        const ty = (v / CARD_MM.height + 0.5) * (face.height - 1);
        for (let c = 0; c < 3; c++) colour[i * 3 + c] = (colour[i * 3 + c] ?? 0) + bilinear(face, tx, ty, c);
      }
      coverage[i] = inside / (SUBSAMPLES.length / 2);
      if (inside > 0) for (let c = 0; c < 3; c++) colour[i * 3 + c] = (colour[i * 3 + c] ?? 0) / inside;
    }
  }
  // The shadow: the card's outline moved down and right, blurred, darkening what is under it by up to a third.
  const shadow = new Float32Array(width * height);
  const reach = Math.round(pose.width / 70);
  for (let y = y0; y < y1; y++) {
    for (let x = x0; x < x1; x++) {
      const tx = x + Math.round(reach / 3);
      const ty = y + Math.round(reach / 2);
      if (tx < width && ty < height) shadow[ty * width + tx] = coverage[y * width + x] ?? 0;
    }
  }
  const spread = {
    x0: Math.max(0, x0 - 3 * reach),
    y0: Math.max(0, y0 - 3 * reach),
    x1: Math.min(width, x1 + 3 * reach),
    y1: Math.min(height, y1 + 3 * reach),
  };
  for (let pass = 0; pass < 2; pass++) boxMask(shadow, width, spread, reach);
  for (let i = 0; i < width * height; i++) {
    const cover = coverage[i] ?? 0;
    const dim = 1 - 0.33 * (shadow[i] ?? 0);
    for (let c = 0; c < 3; c++) {
      const under = (frame.data[i * 3 + c] ?? 0) * dim;
      frame.data[i * 3 + c] = under * (1 - cover) + (colour[i * 3 + c] ?? 0) * cover;
    }
  }
}
