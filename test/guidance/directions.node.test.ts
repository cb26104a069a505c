import { expect } from 'chai';
import { describe, it } from 'node:test';
import { documentDirection } from '../../src/guidance/directions.js';
import { passingReport } from '../quality/fixtures/reports.js';

/** A report whose card shows only its left and top sides (a corner), off to the left of the guide, on a surface `surround` busy. */
function topLeftCorner(surround: number) {
  const report = passingReport();
  report.card.sides = { left: 0.9, right: 0.1, top: 0.9, bottom: 0.1 };
  report.card.corners = [
    { x: 100, y: 80 },
    { x: 980, y: 80 },
    { x: 980, y: 640 },
    { x: 100, y: 640 },
  ];
  report.card.surround = surround;
  return report;
}

describe('directions on a patterned surface', () => {
  it('gives a direction from two sides meeting at a corner on a plain surface', () => {
    expect(documentDirection(topLeftCorner(0.05), 'no-card')).to.equal('move-right');
  });

  it('gives none from them on a busy one (print, cloth, keys), where they may be the surface’s', () => {
    expect(documentDirection(topLeftCorner(0.7), 'no-card')).to.equal(null);
  });
});
