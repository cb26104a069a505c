import { expect } from '@open-wc/testing';
import { toGrey } from '../../src/quality/grey.js';
import { measureSharpness } from '../../src/quality/sharpness.js';
import { drawnImage, greyImage, printedText } from './fixtures/images.js';

const whole = (width: number, height: number) => ({ x0: 0, y0: 0, x1: width, y1: height });

describe('sharpness', () => {
  it('scores printed text higher than the same text blurred by 2 px', () => {
    // toGrey writes into a working buffer: measure each image before converting the next.
    const sharp = measureSharpness(toGrey(drawnImage(240, 160, printedText)).grey, whole(240, 160));
    const blurred = measureSharpness(toGrey(drawnImage(240, 160, printedText, 'blur(2px)')).grey, whole(240, 160));
    expect(sharp).to.be.greaterThan(2 * blurred);
  });

  it('gives the same score to a pattern at a third of its contrast', () => {
    const bars = (amplitude: number) =>
      greyImage(120, 80, (x, y) => 128 + ((x + (y >> 2)) % 6 < 3 ? amplitude : -amplitude));
    const strong = measureSharpness(bars(90), whole(120, 80));
    const faint = measureSharpness(bars(30), whole(120, 80));
    expect(faint).to.be.closeTo(strong, strong * 0.1);
  });

  it('scores a flat image zero', () => {
    expect(measureSharpness(greyImage(50, 50, () => 140), whole(50, 50))).to.equal(0);
  });

  it('leaves faint sensor noise on a flat area out', () => {
    const noisy = greyImage(80, 80, (x, y) => 140 + ((x * 7 + y * 13) % 5) - 2);
    expect(measureSharpness(noisy, whole(80, 80))).to.equal(0);
  });

  it('measures only inside the box', () => {
    const half = greyImage(100, 50, (x, y) => (x < 50 ? 128 + 80 * Math.sin(x) * Math.sin(y) : 128));
    expect(measureSharpness(half, { x0: 55, y0: 0, x1: 100, y1: 50 })).to.equal(0);
    expect(measureSharpness(half, { x0: 0, y0: 0, x1: 45, y1: 50 })).to.be.greaterThan(1);
  });
});
