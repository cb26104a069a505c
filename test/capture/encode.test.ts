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

/** A `VideoFrame` of a dark desk with a white card whose corners are `corners`, and a red square at (900, 80). */
function cardFrame(corners: readonly { x: number; y: number }[]): VideoFrame {
  const canvas = new OffscreenCanvas(1280, 720);
  const context = canvas.getContext('2d');
  if (!context) throw new Error('No 2D canvas context.');
  context.fillStyle = '#202020';
  context.fillRect(0, 0, 1280, 720);
  context.fillStyle = '#f0f0f0';
  context.beginPath();
  corners.forEach(({ x, y }) => context.lineTo(x, y));
  context.fill();
  context.fillStyle = '#e00000';
  context.fillRect(900, 80, 60, 60);
  return new VideoFrame(canvas, { timestamp: 0 });
}

/** The grey level of a photo at a point. */
async function greyAt(image: Blob, points: readonly [number, number][]): Promise<number[]> {
  const bitmap = await createImageBitmap(image);
  const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
  const context = canvas.getContext('2d')!;
  context.drawImage(bitmap, 0, 0);
  bitmap.close();
  return points.map(([x, y]) => {
    const [r = 0, g = 0, b = 0] = context.getImageData(Math.round(x), Math.round(y), 1, 1).data;
    return Math.round((r + g + b) / 3);
  });
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

  it('crops the part of a camera frame asked for', async () => {
    const frame = cardFrame([{ x: 0, y: 0 }, { x: 1, y: 0 }, { x: 1, y: 1 }]);
    try {
      const image = await encodeJpeg(frame, { crop: { x: 880, y: 60, width: 100, height: 100 } });
      expect([image.width, image.height]).to.deep.equal([100, 100]);
      const bitmap = await createImageBitmap(image.blob);
      const canvas = new OffscreenCanvas(100, 100);
      const context = canvas.getContext('2d')!;
      context.drawImage(bitmap, 0, 0);
      bitmap.close();
      const [r = 0, g = 0] = context.getImageData(50, 50, 1, 1).data;
      expect([r, g], 'the red square in the middle').to.satisfy(([red, green]: number[]) => red! > 180 && green! < 80);
    } finally {
      frame.close();
    }
  });

  it('flattens a card seen at a slant out of a camera frame, with its margin', async () => {
    const corners = [{ x: 260, y: 120 }, { x: 1010, y: 120 }, { x: 1070, y: 630 }, { x: 200, y: 630 }] as const;
    const frame = cardFrame(corners);
    try {
      const aspect = 85.6 / 53.98;
      const image = await encodeJpeg(frame, { card: { corners: [...corners], aspect, margin: 0.06 } });
      expect(image.width / image.height).to.be.closeTo(aspect, 0.005);
      const band = { x: (image.width * 0.06) / 1.12, y: (image.height * 0.06) / 1.12 };
      // The card fills the photo but for the margin, which is the desk, at the top corners as at the bottom ones.
      const inside = [[band.x + 6, band.y + 6], [image.width - band.x - 6, band.y + 6], [image.width / 2, image.height / 2], [band.x + 6, image.height - band.y - 6]] as [number, number][];
      const outside = [[band.x - 6, band.y + 6], [image.width - band.x + 6, band.y + 6], [band.x - 6, image.height - band.y - 6], [image.width / 2, band.y - 6]] as [number, number][];
      expect((await greyAt(image.blob, inside)).every((grey) => grey > 200), 'the card').to.equal(true);
      expect((await greyAt(image.blob, outside)).every((grey) => grey < 60), 'the margin').to.equal(true);
    } finally {
      frame.close();
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
