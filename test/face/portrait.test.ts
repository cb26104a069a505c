import { expect } from '@open-wc/testing';
import type { FaceDetectorHandle } from '../../src/face/detector/handle.js';
import { loadFaceDetector } from '../../src/face/detector/load-detector.js';
import { frontHasPortrait } from '../../src/face/portrait.js';
import { bitmapOf, syntheticCard } from './images.js';

describe('frontHasPortrait', function () {
  this.timeout(60_000);
  let detector: FaceDetectorHandle;

  before(async () => {
    detector = await loadFaceDetector({ assetsBase: '/public/ekyc-assets/' });
  });
  after(() => detector.close());

  it('finds the portrait on a card whose photo is a quarter of its width', async () => {
    const card = await syntheticCard(await bitmapOf('/test/fixtures/faces/person-b.jpg'), 0.25);
    expect(await frontHasPortrait(detector, card)).to.equal(true);
  });

  it('finds a smaller portrait, 15 % of the card, by looking closer', async () => {
    const card = await syntheticCard(await bitmapOf('/test/fixtures/faces/person-a.jpg'), 0.15);
    expect(await detector.detect(card)).to.deep.equal([]);
    expect(await frontHasPortrait(detector, card)).to.equal(true);
  });

  it('accepts the capture as a JPEG blob', async () => {
    const card = await syntheticCard(await bitmapOf('/test/fixtures/faces/person-b.jpg'), 0.25);
    const canvas = new OffscreenCanvas(card.width, card.height);
    canvas.getContext('2d')!.drawImage(card, 0, 0);
    const jpeg = await canvas.convertToBlob({ type: 'image/jpeg', quality: 0.85 });
    expect(await frontHasPortrait(detector, jpeg)).to.equal(true);
  });

  it('says no for a card without a portrait, such as the back', async () => {
    expect(await frontHasPortrait(detector, await syntheticCard())).to.equal(false);
  });
});
