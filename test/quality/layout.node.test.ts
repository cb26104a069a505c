import { expect } from 'chai';
import { describe, it } from 'node:test';
import { ANALYSED_LONG_SIDE, documentLayout, guideBox, toSource } from '../../src/quality/layout.js';

describe('analysis layout', () => {
  const frame = { width: 1280, height: 720 };
  const guide = { x: 200, y: 80, width: 880, height: 560 };

  it('analyses the guide with a margin on every side, kept inside the frame', () => {
    const { region } = documentLayout(frame, guide, { margin: 0.15 });
    expect(region).to.deep.equal({ x: 68, y: 0, width: 1144, height: 720 });
  });

  it('downscales the region so its long side is the analysed size', () => {
    const layout = documentLayout(frame, guide);
    expect(Math.max(layout.width, layout.height)).to.equal(ANALYSED_LONG_SIDE);
    expect(layout.width / layout.height).to.be.closeTo(layout.region.width / layout.region.height, 0.01);
  });

  it('never enlarges a region smaller than the analysed size', () => {
    const layout = documentLayout({ width: 320, height: 240 }, { x: 40, y: 40, width: 240, height: 160 });
    expect([layout.width, layout.height]).to.deep.equal([layout.region.width, layout.region.height]);
  });

  it('maps the guide to analysed pixels and back to source pixels', () => {
    const layout = documentLayout(frame, guide);
    const box = guideBox(layout);
    const topLeft = toSource(layout, { x: box.x0, y: box.y0 });
    const bottomRight = toSource(layout, { x: box.x1, y: box.y1 });
    expect(topLeft.x).to.be.closeTo(guide.x, 1e-6);
    expect(topLeft.y).to.be.closeTo(guide.y, 1e-6);
    expect(bottomRight.x).to.be.closeTo(guide.x + guide.width, 1e-6);
    expect(bottomRight.y).to.be.closeTo(guide.y + guide.height, 1e-6);
  });
});
