import { expect } from '@open-wc/testing';
import { GUIDE_ASPECT } from '../../src/geometry/geometry.js';
import { cardBorders, documentPhotosSent } from '../helpers/card-photo.js';

/** The camera shows the card of card-scene.jpg seen tilted back: its top side 11 % shorter than its bottom. */
describe('<ekyc-flow> with a card seen at a slant', function () {
  this.timeout(120_000);

  it('uploads the card straightened: square corners at ID-1 proportions, its margin even all round', async () => {
    for (const capture of await documentPhotosSent()) {
      expect(capture.width / capture.height, `the ${capture.side}'s proportions`).to.be.closeTo(GUIDE_ASPECT.card, 0.005);
      const middle = await cardBorders(capture.image);
      const { margin } = middle;
      for (const edge of ['left', 'right', 'top', 'bottom'] as const) {
        const band = edge === 'left' || edge === 'right' ? margin.x : margin.y;
        expect(middle.borders[edge], `the ${capture.side}'s ${edge} border, ${band.toFixed(1)} px expected`).to.be.within(0.5 * band, 1.5 * band);
      }
      // The card's sides stand upright: in the top and bottom of the photo alike, as far from its edges.
      const upper = await cardBorders(capture.image, [0.15, 0.35]);
      const lower = await cardBorders(capture.image, [0.65, 0.85]);
      for (const edge of ['left', 'right'] as const) {
        expect(upper.borders[edge] - lower.borders[edge], `the ${capture.side}'s ${edge} side's lean, in pixels`).to.be.closeTo(0, 0.25 * margin.x);
      }
    }
  });
});
