import { expect } from '@open-wc/testing';
import { encodeDocumentCapture } from '../../src/capture/document-photo.js';
import { CAPTURE_MARGIN } from '../../src/geometry/geometry.js';
import { documentCaptureCard, documentCaptureRect } from '../../src/quality/crop.js';
import { distance } from '../../src/quality/quad.js';
import { analyseScene } from './fixtures/frames.js';
import { passingReport } from './fixtures/reports.js';

describe('the capture crop', () => {
  it(`adds a margin of ${CAPTURE_MARGIN * 100} % of the card on every side`, () => {
    const report = passingReport();
    report.card.bounds = { x: 300, y: 150, width: 600, height: 380 };
    expect(documentCaptureRect(report)).to.deep.equal({ x: 264, y: 127, width: 672, height: 426 });
  });

  it('keeps the capture inside the frame', () => {
    const report = passingReport();
    report.card.bounds = { x: 10, y: 300, width: 1260, height: 415 };
    const rect = documentCaptureRect(report);
    expect(rect.x).to.equal(0);
    expect(rect.x + rect.width).to.be.at.most(1280);
    expect(rect.y + rect.height).to.be.at.most(720);
  });

  it('falls back to the guide when the card’s sides are not all clear', () => {
    const report = passingReport();
    report.card.sides.left = 0.2;
    report.card.bounds = { x: 500, y: 300, width: 100, height: 60 };
    expect(documentCaptureRect(report, 0)).to.deep.equal(report.layout.guide);
  });

  it('flattens the card of a 1280×720 frame to the guide’s proportions, at its full resolution', async () => {
    const { scene, report } = await analyseScene({ card: 'idr-front', background: 'wood' });
    const capture = await encodeDocumentCapture(scene, report);
    const { guide } = report.layout;
    expect(capture.card).to.deep.equal(documentCaptureCard(report));
    expect(capture.width / capture.height).to.be.closeTo(guide.width / guide.height, 0.005);
    // Not scaled down: the card's top side keeps every pixel it has in the frame.
    const [topLeft, topRight] = capture.card!.corners;
    expect(capture.width).to.be.at.least(Math.floor(distance(topLeft, topRight) * (1 + 2 * CAPTURE_MARGIN)));
    expect(capture.width).to.be.within(guide.width, guide.width * 1.2);
    expect(capture.blob.type).to.equal('image/jpeg');
  });

  it('crops a card whose sides are not all clear at its full resolution', async () => {
    const { scene, report } = await analyseScene({ card: 'idr-front', background: 'wood' });
    report.card.sides.left = 0.2;
    const capture = await encodeDocumentCapture(scene, report);
    expect(capture.card).to.equal(null);
    expect([capture.width, capture.height]).to.deep.equal([capture.crop.width, capture.crop.height]);
  });

  it('crops a card whose corners make no quadrilateral', async () => {
    const { scene, report } = await analyseScene({ card: 'idr-front', background: 'wood' });
    const [topLeft, topRight, bottomRight, bottomLeft] = report.card.corners;
    report.card.corners = [topLeft, bottomRight, topRight, bottomLeft];
    const capture = await encodeDocumentCapture(scene, report);
    expect([capture.width, capture.height]).to.deep.equal([capture.crop.width, capture.crop.height]);
  });

  it('scales a capture from a 4K frame down to a long side of 1600 px', async () => {
    const { scene, report } = await analyseScene({ card: 'passport', background: 'desk', width: 3840, height: 2160 });
    const capture = await encodeDocumentCapture(scene, report);
    expect(capture.card).to.not.equal(null);
    expect(Math.max(capture.width, capture.height)).to.equal(1600);
  });

  it('keeps the JPEG under 500 KB even for a noisy frame', async () => {
    const { scene, report } = await analyseScene({
      card: 'idr-back',
      background: 'wood',
      width: 3840,
      height: 2160,
      noise: 20,
    });
    const capture = await encodeDocumentCapture(scene, report);
    expect(capture.blob.size).to.be.at.most(500_000);
  });
});
