import { expect } from 'chai';
import { describe, it } from 'node:test';
import { makeThumbnail, THUMBNAIL_WIDTH, thumbnailDifference } from '../../src/quality/stability.js';
import { greyImage } from './fixtures/images.js';

/** A light card on a dark surface, the view moved `shift` pixels to the left. */
const view = (shift: number) =>
  greyImage(400, 250, (x, y) => (x + shift > 100 && x + shift < 300 && y > 60 && y < 190 ? 220 : 60));

describe('stability', () => {
  it('makes a thumbnail THUMBNAIL_WIDTH wide with the image’s proportions', () => {
    const thumbnail = makeThumbnail(view(0));
    expect([thumbnail.width, thumbnail.height]).to.deep.equal([THUMBNAIL_WIDTH, 20]);
  });

  it('finds no motion between identical frames', () => {
    expect(thumbnailDifference(makeThumbnail(view(0)), makeThumbnail(view(0)))).to.equal(0);
  });

  it('finds more motion the further the view moved', () => {
    const still = makeThumbnail(view(0));
    const small = thumbnailDifference(makeThumbnail(view(3)), still)!;
    const large = thumbnailDifference(makeThumbnail(view(20)), still)!;
    expect(small).to.be.greaterThan(0);
    expect(large).to.be.greaterThan(3 * small);
  });

  it('cannot compare a first frame or thumbnails of different sizes', () => {
    const thumbnail = makeThumbnail(view(0));
    expect(thumbnailDifference(thumbnail, null)).to.equal(null);
    expect(thumbnailDifference(thumbnail, makeThumbnail(greyImage(400, 300, () => 0)))).to.equal(null);
  });
});
