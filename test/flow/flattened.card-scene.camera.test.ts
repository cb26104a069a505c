import { expect } from '@open-wc/testing';
import { GUIDE_ASPECT } from '../../src/geometry/geometry.js';
import { cardBorders, documentPhotosSent } from '../helpers/card-photo.js';

describe('<ekyc-flow> sends a card found on all four sides flattened', function () {
  this.timeout(120_000);

  it('uploads the front and the back as the card at ID-1 proportions, filling the photo but for its margin', async () => {
    for (const capture of await documentPhotosSent()) {
      expect(capture.width / capture.height, `the ${capture.side}'s proportions`).to.be.closeTo(GUIDE_ASPECT.card, 0.005);
      const { borders, margin } = await cardBorders(capture.image);
      for (const edge of ['left', 'right', 'top', 'bottom'] as const) {
        const band = edge === 'left' || edge === 'right' ? margin.x : margin.y;
        expect(borders[edge], `the ${capture.side}'s ${edge} border, ${band.toFixed(1)} px expected`).to.be.within(0.5 * band, 1.5 * band);
      }
    }
  });
});
