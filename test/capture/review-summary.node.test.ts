import { expect } from 'chai';
import { describe, it } from 'node:test';
import { reviewSummary } from '../../src/capture/review-summary.js';
import { documentChecks, judgeDocumentFrame } from '../../src/quality/judge.js';
import { qualitySummary } from '../../src/quality/summary.js';
import { passingReport } from '../quality/fixtures/reports.js';
import type { FrameFindings } from '../../src/guidance/types.js';

/** The findings the live guidance hands over for a frame measured as `report`. */
function findingsOf(report: ReturnType<typeof passingReport>): FrameFindings {
  return { kind: 'document', measured: qualitySummary(report), checks: documentChecks(report), ok: judgeDocumentFrame(report).ok };
}

describe('the review of a photo', () => {
  it('says what the live checks found, and that the photo can be used', () => {
    expect(reviewSummary(findingsOf(passingReport()))).to.deep.equal({
      findings: ['review.document.corners', 'review.document.sharp', 'review.document.no-glare', 'review.document.lit'],
      ok: true,
    });
  });

  it('names each failed check in its own words', () => {
    const report = passingReport();
    report.card.sides.top = 0.1;
    report.sharpness = 0.3;
    report.glare = { share: 0.01, largest: 0.008 };
    report.exposure.mean = 40;
    expect(reviewSummary(findingsOf(report))).to.deep.equal({
      findings: ['review.document.cut-off', 'review.document.blurry', 'review.document.glare', 'review.document.dark'],
      ok: false,
    });
  });

  it('never calls a photo usable that the live guidance refused, even when the checks it names pass', () => {
    const report = passingReport();
    report.exposure.contrast = 0.05;
    expect(judgeDocumentFrame(report).hint).to.equal('low-contrast');
    const summary = reviewSummary(findingsOf(report));
    expect(summary?.findings).to.include('review.document.corners');
    expect(summary?.ok).to.equal(false);
  });

  it('has nothing to say of a photo not checked on the device, and says what the selfie check found', () => {
    expect(reviewSummary(null)).to.equal(null);
    expect(reviewSummary({ kind: 'selfie', hint: 'ready' })).to.deep.equal({ findings: ['review.selfie.one-face'], ok: true });
    expect(reviewSummary({ kind: 'selfie', hint: 'no-face' })?.ok).to.equal(false);
  });
});
