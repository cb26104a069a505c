import { expect } from '@open-wc/testing';
import { analyzeDocumentFrame } from '../../src/quality/analyze.js';
import { documentLayout } from '../../src/quality/layout.js';
import { analyseScene } from './fixtures/frames.js';
import { drawnImage } from './fixtures/images.js';

describe('finding the card', () => {
  it('finds the corners of a card filling the guide to within 1 % of its width', async () => {
    const { report, guide } = await analyseScene({ card: 'idr-front', background: 'wood' });
    const expected = [
      { x: guide.x, y: guide.y },
      { x: guide.x + guide.width, y: guide.y },
      { x: guide.x + guide.width, y: guide.y + guide.height },
      { x: guide.x, y: guide.y + guide.height },
    ];
    report.card.corners.forEach((corner, k) => {
      expect(corner.x).to.be.closeTo(expected[k]!.x, guide.width * 0.01);
      expect(corner.y).to.be.closeTo(expected[k]!.y, guide.width * 0.01);
    });
  });

  it('measures how far a turned card leans', async () => {
    const { report } = await analyseScene({ card: 'dlr', background: 'desk', rotate: 4 });
    expect(report.card.angles.top).to.be.closeTo(4, 1);
    expect(report.card.angles.left).to.be.closeTo(-4, 1);
  });

  it('measures how much of the guide a small card fills', async () => {
    const { report } = await analyseScene({ card: 'idr-back', background: 'dark', scale: 0.6 });
    expect(report.card.fill).to.be.closeTo(0.36, 0.03);
  });

  it('finds a dark card on a light surface', () => {
    const image = drawnImage(1280, 720, (ctx) => {
      ctx.fillStyle = '#d8d8d8';
      ctx.fillRect(0, 0, 1280, 720);
      ctx.fillStyle = '#1f3550';
      ctx.fillRect(200, 80, 880, 560);
      ctx.fillStyle = '#e0e0e0';
      ctx.font = '28px DejaVu Sans, sans-serif';
      for (let y = 160; y < 600; y += 60) ctx.fillText('DRIVER LICENCE 790123456789', 260, y);
    });
    const layout = documentLayout({ width: 1280, height: 720 }, { x: 200, y: 80, width: 880, height: 560 });
    const canvas = new OffscreenCanvas(1280, 720);
    canvas.getContext('2d')!.putImageData(image, 0, 0);
    const small = new OffscreenCanvas(layout.width, layout.height).getContext('2d')!;
    const { region } = layout;
    small.drawImage(canvas, region.x, region.y, region.width, region.height, 0, 0, layout.width, layout.height);
    const report = analyzeDocumentFrame(small.getImageData(0, 0, layout.width, layout.height), layout);
    expect(report.card.lighter).to.equal(false);
    expect(Math.min(...Object.values(report.card.sides))).to.be.greaterThan(0.9);
  });

  it('does not take a plank running across the whole view for a side', async () => {
    const { report } = await analyseScene({ card: null, background: 'wood' });
    expect(Object.values(report.card.sides).filter((score) => score >= 0.6).length).to.be.below(3);
  });

  it('does not take the border of the portrait for the side of a card that runs out of the frame', async () => {
    const { report } = await analyseScene({ card: 'idr-front', background: 'desk', shift: { x: -0.3, y: 0 } });
    expect(report.card.sides.left).to.be.below(0.3);
    expect(Math.min(report.card.sides.right, report.card.sides.top, report.card.sides.bottom)).to.be.above(0.9);
  });
});
