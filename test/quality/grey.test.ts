import { expect } from '@open-wc/testing';
import { toGrey } from '../../src/quality/grey.js';
import { rgbaImage } from './fixtures/images.js';

describe('greyscale conversion', () => {
  it('marks a pixel blown out only when every channel is near 255', () => {
    const colours: [number, number, number][] = [
      [255, 255, 255],
      [250, 251, 252],
      [255, 255, 0],
      [249, 255, 255],
    ];
    const { blown, blownCount } = toGrey(rgbaImage(4, 1, (x) => colours[x]!));
    expect(Array.from(blown)).to.deep.equal([1, 1, 0, 0]);
    expect(blownCount).to.equal(2);
  });

  it('weighs green most and blue least, as the eye does', () => {
    const { grey } = toGrey(rgbaImage(3, 1, (x) => (x === 0 ? [255, 0, 0] : x === 1 ? [0, 255, 0] : [0, 0, 255])));
    const [red, green, blue] = Array.from(grey.data);
    expect(green).to.be.greaterThan(red!);
    expect(red).to.be.greaterThan(blue!);
    expect(red! + green! + blue!).to.be.closeTo(255, 2);
  });
});
