import { expect } from 'chai';
import { describe, it } from 'node:test';
import { greyStats } from '../../src/quality/exposure.js';
import { greyImage } from './fixtures/images.js';

describe('grey-level statistics', () => {
  it('gives the mean and the 5th and 95th percentiles', () => {
    const image = greyImage(100, 10, (x) => (x < 50 ? 40 : 200));
    expect(greyStats(image, { x0: 0, y0: 0, x1: 100, y1: 10 })).to.deep.equal({ mean: 120, low: 40, high: 200 });
  });

  it('ignores a few outliers in the percentiles', () => {
    const image = greyImage(100, 10, (x, y) => (x === 0 && y < 4 ? 255 : 100));
    const stats = greyStats(image, { x0: 0, y0: 0, x1: 100, y1: 10 });
    expect([stats.low, stats.high]).to.deep.equal([100, 100]);
  });

  it('measures only inside the box', () => {
    const image = greyImage(100, 10, (x) => (x < 50 ? 40 : 200));
    expect(greyStats(image, { x0: 60, y0: 0, x1: 100, y1: 10 }).mean).to.equal(200);
  });
});
