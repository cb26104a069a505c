import { expect } from '@open-wc/testing';
import { documentLayout } from '../../src/quality/layout.js';
import { copyRgbRegion, isPackedRgb } from '../../src/quality/rgb-region.js';
import type { FrameLayout } from '../../src/quality/types.js';
import { cameraFrame, packedFrame } from '../helpers/camera-frame.js';

function flat(width: number, height: number, colour: string): OffscreenCanvas {
  const canvas = new OffscreenCanvas(width, height);
  const context = canvas.getContext('2d')!;
  context.fillStyle = colour;
  context.fillRect(0, 0, width, height);
  return canvas;
}

const layoutOf = (width: number, height: number): FrameLayout =>
  documentLayout({ width, height }, { x: width * 0.2, y: height * 0.2, width: width * 0.6, height: height * 0.5 });

const FORMATS = ['RGBA', 'RGBX', 'BGRA', 'BGRX'] as const;

describe('copying the region of a packed-RGB frame (canvas streams in Firefox and Safari)', () => {
  it('reads RGBA, RGBX, BGRA and BGRX frames, and no 4:2:0 one', () => {
    const frames = [...FORMATS.map((format) => packedFrame(flat(64, 32, '#808080'), format)), cameraFrame(flat(64, 32, '#808080'))];
    expect(frames.map(isPackedRgb)).to.deep.equal([true, true, true, true, false]);
    frames.forEach((frame) => {
      frame.close();
    });
  });

  it('gives back the colours of a plain picture in RGBA and BGRA, downscaled to the layout', async () => {
    for (const format of ['RGBA', 'BGRA'] as const) {
      for (const colour of [[200, 40, 40], [30, 160, 90], [20, 20, 250]] as const) {
        const frame = packedFrame(flat(640, 360, `rgb(${colour.join(' ')})`), format);
        const layout = layoutOf(640, 360);
        const image = await copyRgbRegion(frame, layout);
        frame.close();
        expect([image.width, image.height]).to.deep.equal([layout.width, layout.height]);
        const middle = ((image.height >> 1) * image.width + (image.width >> 1)) * 4;
        expect([...image.data.slice(middle, middle + 4)], `${format} rgb(${colour.join(' ')})`).to.deep.equal([...colour, 255]);
      }
    }
  });

  it('reads RGBX and BGRX frames alike, or rejects them where the engine cannot copy them (WebKit), for the worker to draw them', async () => {
    for (const format of ['RGBX', 'BGRX'] as const) {
      const frame = packedFrame(flat(640, 360, 'rgb(30 160 90)'), format);
      const copyable = await frame.copyTo(new Uint8Array(frame.allocationSize())).then(() => true, () => false);
      const outcome = await copyRgbRegion(frame, layoutOf(640, 360)).then(
        (image) => {
          const middle = ((image.height >> 1) * image.width + (image.width >> 1)) * 4;
          return [...image.data.slice(middle, middle + 4)].join(' ');
        },
        () => 'rejected',
      );
      frame.close();
      expect(outcome, format).to.equal(copyable ? '30 160 90 255' : 'rejected');
    }
  });

  it('averages every pixel under an output pixel: fine stripes come out as their mean', async () => {
    const canvas = new OffscreenCanvas(1920, 1080);
    const context = canvas.getContext('2d')!;
    for (let x = 0; x < canvas.width; x++) {
      context.fillStyle = x % 2 === 0 ? '#000' : '#fff';
      context.fillRect(x, 0, 1, canvas.height);
    }
    const layout = layoutOf(canvas.width, canvas.height);
    expect(layout.width, 'a layout at least 2× smaller than the region').to.be.at.most(layout.region.width / 2);
    const frame = packedFrame(canvas, 'BGRA');
    const image = await copyRgbRegion(frame, layout);
    frame.close();
    const reds = image.data.filter((_, index) => index % 4 === 0);
    expect(Math.min(...reds)).to.be.above(60);
    expect(Math.max(...reds)).to.be.below(195);
  });
});
