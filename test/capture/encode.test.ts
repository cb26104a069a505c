import { expect } from '@open-wc/testing';
import { encodeJpeg, releaseEncoder } from '../../src/capture/encode.js';

/** A camera-sized picture: a gradient and some text, as a `VideoFrame` (what the element hands over from a camera). */
function cameraFrame(width: number, height: number): VideoFrame {
  const canvas = new OffscreenCanvas(width, height);
  const context = canvas.getContext('2d');
  if (!context) throw new Error('No 2D canvas context.');
  const gradient = context.createLinearGradient(0, 0, width, height);
  gradient.addColorStop(0, '#204060');
  gradient.addColorStop(1, '#e0c080');
  context.fillStyle = gradient;
  context.fillRect(0, 0, width, height);
  context.fillStyle = '#111';
  context.font = '48px sans-serif';
  context.fillText('NGUYEN VAN AN 079 099 012 345', 40, height / 2);
  return new VideoFrame(canvas, { timestamp: 0 });
}

describe('encodeJpeg', () => {
  it('encodes a camera frame in a worker, cropped and scaled, and leaves the frame to its owner', async () => {
    const names: string[] = [];
    const original = window.Worker;
    window.Worker = class extends original {
      constructor(url: string | URL, options?: WorkerOptions) {
        super(url, options);
        names.push(options?.name ?? '');
      }
    };
    const frame = cameraFrame(1280, 720);
    try {
      const image = await encodeJpeg(frame, { crop: { x: 100, y: 60, width: 1000, height: 600 }, maxLongSide: 800 });
      expect(names).to.include('ekyc-encode');
      expect(image.blob.type).to.equal('image/jpeg');
      expect([image.width, image.height]).to.deep.equal([800, 480]);
      const bitmap = await createImageBitmap(image.blob);
      expect([bitmap.width, bitmap.height]).to.deep.equal([800, 480]);
      bitmap.close();
      // Still the caller's: not closed by the encoding.
      expect(frame.format).to.not.equal(null);
    } finally {
      frame.close();
      window.Worker = original;
    }
  });

  it('lets its worker go when released: at once when idle, else as soon as the photo in hand is done', async () => {
    const terminated: string[] = [];
    const original = window.Worker;
    releaseEncoder();
    window.Worker = class extends original {
      private readonly workerName: string;
      constructor(url: string | URL, options?: WorkerOptions) {
        super(url, options);
        this.workerName = options?.name ?? '';
      }
      override terminate(): void {
        terminated.push(this.workerName);
        super.terminate();
      }
    };
    const frame = cameraFrame(640, 360);
    try {
      await encodeJpeg(frame);
      releaseEncoder();
      expect(terminated).to.deep.equal(['ekyc-encode']);

      const inHand = encodeJpeg(frame);
      releaseEncoder();
      expect(terminated, 'not while a photo is being encoded').to.have.length(1);
      const image = await inHand;
      expect(image.blob.type).to.equal('image/jpeg');
      expect(terminated).to.deep.equal(['ekyc-encode', 'ekyc-encode']);
    } finally {
      frame.close();
      window.Worker = original;
    }
  });
});
