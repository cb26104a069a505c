import { expect } from 'chai';
import { describe, it } from 'node:test';
import { flatten, fromScaledRegion, homography, mapPoint, planFlatten, type Pixels, type Quad } from '../../src/capture/flatten.js';
import { GUIDE_ASPECT } from '../../src/geometry/geometry.js';
import { CAPTURE_MARGIN } from '../../src/geometry/geometry.js';

const ID1 = GUIDE_ASPECT.card;
const OPTIONS = { aspect: ID1, margin: CAPTURE_MARGIN, maxLongSide: 1600 };

/** A card seen from below and to the left: its far (right, top) sides foreshortened. */
const SLANTED: Quad = [
  { x: 132.4, y: 96.1 },
  { x: 548.7, y: 131.9 },
  { x: 571.2, y: 338.5 },
  { x: 101.8, y: 371.3 },
];

const rectangle = (x: number, y: number, width: number, height: number): Quad => [
  { x, y },
  { x: x + width, y },
  { x: x + width, y: y + height },
  { x, y: y + height },
];

const COLUMNS = 8;
const ROWS = 5;
const GROUND = 128;

/** Black or white: the checkerboard's square at a point of the card (0–1 each way). */
const square = (u: number, v: number): number => ((Math.floor(u * COLUMNS) + Math.floor(v * ROWS)) % 2 === 0 ? 20 : 235);

/**
 * A photo of a checkerboard card of 8 × 5 squares, lying on grey ground, whose corners are at `corners`: each pixel
 * the mean of 4 × 4 samples, each taken back to the card's plane.
 */
function photograph(corners: Quad, width: number, height: number): Pixels {
  const toCard = homography(corners, rectangle(0, 0, 1, 1));
  if (!toCard) throw new Error('No homography.');
  const data = new Uint8ClampedArray(width * height * 4);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      let sum = 0;
      for (let sy = 0; sy < 4; sy++) {
        for (let sx = 0; sx < 4; sx++) {
          const { x: u, y: v } = mapPoint(toCard, { x: x + (sx + 0.5) / 4, y: y + (sy + 0.5) / 4 });
          sum += u >= 0 && u < 1 && v >= 0 && v < 1 ? square(u, v) : GROUND;
        }
      }
      const o = (y * width + x) * 4;
      data.fill(Math.round(sum / 16), o, o + 3);
      data[o + 3] = 255;
    }
  }
  return { width, height, data };
}

/** The pixels of `region` of a photo: what `getImageData` of that region gives. */
function cut(photo: Pixels, region: { x: number; y: number; width: number; height: number }): Pixels {
  const data = new Uint8ClampedArray(region.width * region.height * 4);
  for (let y = 0; y < region.height; y++) {
    const start = ((region.y + y) * photo.width + region.x) * 4;
    data.set(photo.data.subarray(start, start + region.width * 4), y * region.width * 4);
  }
  return { width: region.width, height: region.height, data };
}

const grey = (image: Pixels, x: number, y: number): number => image.data[(Math.floor(y) * image.width + Math.floor(x)) * 4] ?? -1;

describe('the homography', () => {
  it('takes each corner to its pair', () => {
    const h = homography(rectangle(0, 0, 1280, 808), SLANTED);
    expect(h).to.not.equal(null);
    rectangle(0, 0, 1280, 808).forEach((corner, k) => {
      const mapped = mapPoint(h!, corner);
      expect(mapped.x).to.be.closeTo(SLANTED[k]!.x, 1e-6);
      expect(mapped.y).to.be.closeTo(SLANTED[k]!.y, 1e-6);
    });
  });

  it('takes a rectangle to a scaled rectangle, every point in proportion', () => {
    const h = homography(rectangle(10, 20, 100, 60), rectangle(50, 40, 300, 180));
    expect(h![6]).to.be.closeTo(0, 1e-12);
    expect(h![7]).to.be.closeTo(0, 1e-12);
    for (const [x, y] of [[10, 20], [60, 50], [35.5, 71], [110, 80]] as const) {
      const mapped = mapPoint(h!, { x, y });
      expect(mapped.x).to.be.closeTo(50 + (x - 10) * 3, 1e-9);
      expect(mapped.y).to.be.closeTo(40 + (y - 20) * 3, 1e-9);
    }
  });

  it('has none where three points lie on a line', () => {
    const flat: Quad = [{ x: 0, y: 0 }, { x: 10, y: 0 }, { x: 20, y: 0 }, { x: 0, y: 10 }];
    expect(homography(rectangle(0, 0, 1, 1), flat)).to.equal(null);
    expect(homography(flat, rectangle(0, 0, 1, 1))).to.equal(null);
  });
});

describe('flattening a card', () => {
  it('keeps a margin of the card’s size on every side, grown outward in the card’s plane', () => {
    const plan = planFlatten(rectangle(100, 200, 400, 400 / ID1), { width: 1280, height: 720 }, OPTIONS)!;
    expect(plan.width).to.equal(Math.round(400 * (1 + 2 * CAPTURE_MARGIN)));
    expect(plan.width / plan.height).to.be.closeTo(ID1, 0.005);
    const topLeft = mapPoint(plan.toSource, { x: 0, y: 0 });
    const bottomRight = mapPoint(plan.toSource, { x: plan.width, y: plan.height });
    expect(topLeft.x).to.be.closeTo(100 - 400 * CAPTURE_MARGIN, 0.5);
    expect(topLeft.y).to.be.closeTo(200 - (400 / ID1) * CAPTURE_MARGIN, 0.5);
    expect(bottomRight.x).to.be.closeTo(500 + 400 * CAPTURE_MARGIN, 0.5);
    expect(bottomRight.y).to.be.closeTo(200 + (400 / ID1) * (1 + CAPTURE_MARGIN), 0.5);
    // Seen at a slant, the margin is the card's own: the result's corners map to the slanted quad grown in its plane.
    const slanted = planFlatten(SLANTED, { width: 640, height: 400 }, OPTIONS)!;
    const grown = 1 + 2 * CAPTURE_MARGIN;
    const card = homography(rectangle(0, 0, 1, 1), SLANTED)!;
    const expected = mapPoint(card, { x: -CAPTURE_MARGIN, y: -CAPTURE_MARGIN });
    const actual = mapPoint(slanted.toSource, { x: 0, y: 0 });
    expect(actual.x).to.be.closeTo(expected.x, 0.5);
    expect(actual.y).to.be.closeTo(expected.y, 0.5);
    const inside = mapPoint(slanted.toSource, { x: (slanted.width * CAPTURE_MARGIN) / grown, y: (slanted.height * CAPTURE_MARGIN) / grown });
    expect(inside.x).to.be.closeTo(SLANTED[0].x, 1e-6);
    expect(inside.y).to.be.closeTo(SLANTED[0].y, 1e-6);
  });

  it('holds the card at the resolution of its longest side, within the longest side allowed', () => {
    const slanted = planFlatten(SLANTED, { width: 640, height: 400 }, OPTIONS)!;
    const bottom = Math.hypot(SLANTED[2].x - SLANTED[3].x, SLANTED[2].y - SLANTED[3].y);
    expect(slanted.width).to.equal(Math.round(bottom * (1 + 2 * CAPTURE_MARGIN)));
    expect(slanted.scale).to.equal(1);
    const large = planFlatten(rectangle(100, 100, 3000, 3000 / ID1), { width: 3840, height: 2160 }, OPTIONS)!;
    expect(Math.max(large.width, large.height)).to.equal(1600);
    expect(large.width / large.height).to.be.closeTo(ID1, 0.005);
  });

  it('reads only the part of the source around the card, inside the source', () => {
    const plan = planFlatten(SLANTED, { width: 640, height: 400 }, OPTIONS)!;
    expect(plan.region.x).to.be.within(0, 101);
    expect(plan.region.x + plan.region.width).to.be.within(572, 640);
    const cutOff = planFlatten(rectangle(-20, 10, 500, 500 / ID1), { width: 640, height: 400 }, OPTIONS)!;
    expect(cutOff.region.x).to.equal(0);
    expect(cutOff.region.y + cutOff.region.height).to.be.at.most(400);
  });

  it('reads a scaled copy of its region where the card is much larger in the source than in the result', () => {
    const corners = SLANTED.map(({ x, y }) => ({ x: 4 * x, y: 4 * y })) as unknown as Quad;
    const plan = planFlatten(corners, { width: 2560, height: 1600 }, OPTIONS)!;
    const bottom = Math.hypot(corners[2].x - corners[3].x, corners[2].y - corners[3].y);
    expect(plan.width).to.equal(1600);
    expect(plan.scale).to.be.closeTo(1600 / (bottom * (1 + 2 * CAPTURE_MARGIN)), 1e-9);
    const width = Math.ceil(plan.region.width * plan.scale);
    const height = Math.ceil(plan.region.height * plan.scale);
    const scaled = fromScaledRegion(plan, width, height);
    expect(scaled.region).to.deep.equal({ x: 0, y: 0, width, height });
    expect(scaled.scale).to.be.closeTo(1, 0.01);
    for (const point of [{ x: 0, y: 0 }, { x: 800, y: 500 }, { x: 1600, y: 1009 }]) {
      const original = mapPoint(plan.toSource, point);
      const copy = mapPoint(scaled.toSource, point);
      expect(copy.x).to.be.closeTo(((original.x - plan.region.x) * width) / plan.region.width, 1e-6);
      expect(copy.y).to.be.closeTo(((original.y - plan.region.y) * height) / plan.region.height, 1e-6);
    }
  });

  it('makes no plan of a crossed quadrilateral', () => {
    const crossed: Quad = [SLANTED[0], SLANTED[2], SLANTED[1], SLANTED[3]];
    expect(planFlatten(crossed, { width: 640, height: 400 }, OPTIONS)).to.equal(null);
  });

  it('flattens a checkerboard seen at a slant back to a regular checkerboard', () => {
    const photo = photograph(SLANTED, 640, 400);
    const plan = planFlatten(SLANTED, photo, OPTIONS)!;
    const flat = flatten(cut(photo, plan.region), plan);
    expect([flat.width, flat.height]).to.deep.equal([plan.width, plan.height]);
    const grown = 1 + 2 * CAPTURE_MARGIN;
    const card = {
      x: (flat.width * CAPTURE_MARGIN) / grown,
      y: (flat.height * CAPTURE_MARGIN) / grown,
      width: flat.width / grown,
      height: flat.height / grown,
    };
    // Every square's middle has its colour, the margin the ground's.
    for (let row = 0; row < ROWS; row++) {
      for (let column = 0; column < COLUMNS; column++) {
        const u = (column + 0.5) / COLUMNS;
        const v = (row + 0.5) / ROWS;
        expect(grey(flat, card.x + u * card.width, card.y + v * card.height), `square ${column}, ${row}`).to.be.closeTo(square(u, v), 12);
      }
    }
    for (const [x, y] of [[card.x / 2, flat.height / 2], [flat.width - card.x / 2, flat.height / 2], [flat.width / 2, card.y / 2], [flat.width / 2, flat.height - card.y / 2]] as const) {
      expect(grey(flat, x, y), `margin at ${x}, ${y}`).to.be.closeTo(GROUND, 12);
    }
    // The squares' edges are where a regular checkerboard has them, along every row and column of squares.
    const crossings = (values: number[]): number[] =>
      values.flatMap((value, k) => {
        const next = values[k + 1];
        if (next === undefined || (value - GROUND) * (next - GROUND) > 0 || value === next) return [];
        return [k + 0.5 + (GROUND - value) / (next - value)];
      });
    for (let row = 0; row < ROWS; row++) {
      const y = card.y + ((row + 0.5) / ROWS) * card.height;
      const line = Array.from({ length: flat.width }, (_, x) => grey(flat, x, y));
      const found = crossings(line).filter((x) => x > card.x + 2 && x < card.x + card.width - 2);
      const expected = Array.from({ length: COLUMNS - 1 }, (_, k) => card.x + ((k + 1) / COLUMNS) * card.width);
      expect(found, `row ${row}`).to.have.length(expected.length);
      found.forEach((x, k) => expect(x, `row ${row}, edge ${k}`).to.be.closeTo(expected[k]!, 1.5));
    }
    for (let column = 0; column < COLUMNS; column++) {
      const x = card.x + ((column + 0.5) / COLUMNS) * card.width;
      const line = Array.from({ length: flat.height }, (_, y) => grey(flat, x, y));
      const found = crossings(line).filter((y) => y > card.y + 2 && y < card.y + card.height - 2);
      const expected = Array.from({ length: ROWS - 1 }, (_, k) => card.y + ((k + 1) / ROWS) * card.height);
      expect(found, `column ${column}`).to.have.length(expected.length);
      found.forEach((y, k) => expect(y, `column ${column}, edge ${k}`).to.be.closeTo(expected[k]!, 1.5));
    }
  });

  it('writes into the target it is given', () => {
    const photo = photograph(SLANTED, 640, 400);
    const plan = planFlatten(SLANTED, photo, OPTIONS)!;
    const target = { width: plan.width, height: plan.height, data: new Uint8ClampedArray(plan.width * plan.height * 4) };
    expect(flatten(cut(photo, plan.region), plan, target)).to.equal(target);
    expect(target.data[3]).to.equal(255);
    expect(() => flatten(cut(photo, plan.region), plan, { width: 1, height: 1, data: new Uint8ClampedArray(4) })).to.throw();
  });
});
