import { expect } from 'chai';
import { describe, it } from 'node:test';
import { measureGlare } from '../../src/quality/glare.js';

function mask(width: number, height: number, patches: { x: number; y: number; size: number }[]): Uint8Array {
  const blown = new Uint8Array(width * height);
  for (const { x, y, size } of patches) {
    for (let dy = 0; dy < size; dy++) blown.fill(1, (y + dy) * width + x, (y + dy) * width + x + size);
  }
  return blown;
}

describe('glare', () => {
  const box = { x0: 0, y0: 0, x1: 100, y1: 100 };

  it('measures the share of blown-out pixels', () => {
    expect(measureGlare(mask(100, 100, [{ x: 10, y: 10, size: 10 }]), 100, box).share).to.be.closeTo(0.01, 1e-9);
  });

  it('measures the largest patch rather than the sum of all', () => {
    const glare = measureGlare(mask(100, 100, [{ x: 10, y: 10, size: 10 }, { x: 60, y: 60, size: 5 }]), 100, box);
    expect(glare.largest).to.be.closeTo(0.01, 1e-9);
    expect(glare.share).to.be.closeTo(0.0125, 1e-9);
  });

  it('joins pixels that touch side by side into one patch, not those touching only at a corner', () => {
    const diagonal = mask(100, 100, [{ x: 10, y: 10, size: 4 }, { x: 14, y: 14, size: 4 }]);
    expect(measureGlare(diagonal, 100, box).largest).to.be.closeTo(0.0016, 1e-9);
    const adjacent = mask(100, 100, [{ x: 10, y: 10, size: 4 }, { x: 14, y: 10, size: 4 }]);
    expect(measureGlare(adjacent, 100, box).largest).to.be.closeTo(0.0032, 1e-9);
  });

  it('counts only what lies inside the box, as a share of the box', () => {
    const blown = mask(100, 100, [{ x: 0, y: 0, size: 20 }]);
    const glare = measureGlare(blown, 100, { x0: 10, y0: 10, x1: 60, y1: 60 });
    expect(glare.share).to.be.closeTo(100 / 2500, 1e-9);
    expect(glare.largest).to.be.closeTo(100 / 2500, 1e-9);
  });

  it('finds no glare in a frame without blown-out pixels', () => {
    expect(measureGlare(new Uint8Array(100 * 100), 100, box)).to.deep.equal({ share: 0, largest: 0 });
  });
});
