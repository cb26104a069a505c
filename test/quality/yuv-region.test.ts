import { expect } from '@open-wc/testing';
import { documentLayout } from '../../src/quality/layout.js';
import type { FrameLayout } from '../../src/quality/types.js';
import { copyYuvRegion, isYuv420 } from '../../src/quality/yuv-region.js';
import { guideOf } from './fixtures/frames.js';
import { renderScene } from './fixtures/scene.js';
import { cameraFrame } from '../helpers/camera-frame.js';

function flat(width: number, height: number, colour: string): OffscreenCanvas {
  const canvas = new OffscreenCanvas(width, height);
  const context = canvas.getContext('2d');
  if (!context) throw new Error('No 2D canvas context.');
  context.fillStyle = colour;
  context.fillRect(0, 0, width, height);
  return canvas;
}

const layoutOf = (width: number, height: number): FrameLayout =>
  documentLayout({ width, height }, { x: width * 0.2, y: height * 0.2, width: width * 0.6, height: height * 0.5 });

describe('copying the region of a camera frame from its planes', () => {
  it('reads I420 and NV12 frames, and no other format', () => {
    const i420 = cameraFrame(flat(64, 32, '#808080'));
    const nv12 = cameraFrame(flat(64, 32, '#808080'), 'NV12');
    const rgba = new VideoFrame(flat(64, 32, '#808080'), { timestamp: 0 });
    expect([isYuv420(i420), isYuv420(nv12), isYuv420(rgba)]).to.deep.equal([true, true, false]);
    [i420, nv12, rgba].forEach((frame) => {
      frame.close();
    });
  });

  it('gives back the colours of a plain picture, downscaled to the layout', async () => {
    for (const colour of [[200, 40, 40], [30, 160, 90], [250, 250, 250], [20, 20, 20]] as const) {
      const frame = cameraFrame(flat(640, 360, `rgb(${colour.join(' ')})`));
      const layout = layoutOf(640, 360);
      const image = await copyYuvRegion(frame, layout);
      frame.close();
      expect([image.width, image.height]).to.deep.equal([layout.width, layout.height]);
      const middle = ((image.height >> 1) * image.width + (image.width >> 1)) * 4;
      const got = [...image.data.slice(middle, middle + 3)];
      got.forEach((value, channel) => {
        expect(value, `channel ${channel} of rgb(${colour.join(' ')}): ${got.join(' ')}`).to.be.closeTo(colour[channel] ?? 0, 4);
      });
    }
  });

  it('gives the same pixels from an NV12 frame as from the I420 frame of the same picture', async () => {
    const scene = await renderScene({ card: 'idr-front', background: 'wood' });
    const layout = documentLayout({ width: scene.width, height: scene.height }, guideOf({ card: 'idr-front', background: 'wood' }));
    const i420 = cameraFrame(scene);
    const nv12 = cameraFrame(scene, 'NV12');
    // A copy: the next call draws into the same image.
    const a = (await copyYuvRegion(i420, layout)).data.slice();
    const b = (await copyYuvRegion(nv12, layout)).data;
    i420.close();
    nv12.close();
    expect(b).to.deep.equal(a);
  });
});
