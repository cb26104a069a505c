import { expect } from 'chai';
import { describe, it } from 'node:test';
import { documentChecks, judgeDocumentFrame } from '../../src/quality/judge.js';
import { DOCUMENT_THRESHOLDS } from '../../src/quality/thresholds.js';
import { passingReport } from './fixtures/reports.js';

describe('judging a frame', () => {
  it('accepts a frame that passes every check', () => {
    expect(judgeDocumentFrame(passingReport())).to.deep.equal({ ok: true, hint: 'ready' });
  });

  it('asks for a card when fewer than three sides are clear', () => {
    const report = passingReport();
    report.card.sides = { left: 0.9, right: 0.9, top: 0.2, bottom: 0.1 };
    expect(judgeDocumentFrame(report)).to.deep.equal({ ok: false, hint: 'no-card' });
  });

  it('says the card is cut off when exactly three sides are clear', () => {
    const report = passingReport();
    report.card.sides.left = 0.1;
    expect(judgeDocumentFrame(report).hint).to.equal('card-cut-off');
  });

  it('asks to move closer when the card fills too little of the guide', () => {
    const report = passingReport();
    report.card.fill = DOCUMENT_THRESHOLDS.minFill - 0.05;
    expect(judgeDocumentFrame(report).hint).to.equal('move-closer');
  });

  it('asks for the card to be placed in the guide when it leans too far', () => {
    const report = passingReport();
    report.card.angles = { left: 11, right: 11, top: -11, bottom: -11 };
    expect(judgeDocumentFrame(report).hint).to.equal('no-card');
  });

  it('ignores the lean of a side that was not found', () => {
    const report = passingReport();
    report.card.sides.left = 0.1;
    report.card.angles.left = 30;
    expect(judgeDocumentFrame(report).hint).to.equal('card-cut-off');
  });

  it('asks for the card to be placed in the guide when it is seen too much at a slant', () => {
    const report = passingReport();
    report.card.squareness = 0.7;
    expect(judgeDocumentFrame(report).hint).to.equal('no-card');
  });

  it('names a view too dark to search before the missing card', () => {
    const report = passingReport();
    report.card.sides = { left: 0, right: 0, top: 0, bottom: 0 };
    report.exposure.high = 20;
    expect(judgeDocumentFrame(report).hint).to.equal('too-dark');
  });

  it('names a mostly blown-out view too bright before the missing card', () => {
    const report = passingReport();
    report.card.sides = { left: 0, right: 0, top: 0, bottom: 0 };
    report.exposure.blown = 0.6;
    expect(judgeDocumentFrame(report).hint).to.equal('too-bright');
  });

  it('says the card is too dark when its mean grey level is low', () => {
    const report = passingReport();
    report.exposure.mean = 50;
    expect(judgeDocumentFrame(report).hint).to.equal('too-dark');
  });

  it('says the card is too bright when much of it is blown out', () => {
    const report = passingReport();
    report.glare = { share: 0.3, largest: 0.2 };
    expect(judgeDocumentFrame(report).hint).to.equal('too-bright');
  });

  it('reports low contrast', () => {
    const report = passingReport();
    report.exposure.contrast = 0.2;
    expect(judgeDocumentFrame(report).hint).to.equal('low-contrast');
  });

  it('reports glare when one blown-out patch is large enough to hide text', () => {
    const report = passingReport();
    report.glare = { share: 0.01, largest: 0.008 };
    expect(judgeDocumentFrame(report).hint).to.equal('glare');
  });

  it('reports blur', () => {
    const report = passingReport();
    report.sharpness = 0.3;
    expect(judgeDocumentFrame(report).hint).to.equal('blurry');
  });

  it('asks to hold still when the view moved since the last frame', () => {
    const report = passingReport();
    report.motion = 9;
    expect(judgeDocumentFrame(report).hint).to.equal('hold-still');
  });

  it('treats a first frame, with nothing to compare, as steady', () => {
    const report = passingReport();
    report.motion = null;
    expect(judgeDocumentFrame(report).ok).to.equal(true);
  });

  it('names the placement of the card before its exposure, glare and blur', () => {
    const report = passingReport();
    report.card.fill = 0.3;
    report.exposure.mean = 40;
    report.glare = { share: 0.01, largest: 0.01 };
    report.sharpness = 0.1;
    expect(judgeDocumentFrame(report).hint).to.equal('move-closer');
  });

  it('names glare before blur', () => {
    const report = passingReport();
    report.glare = { share: 0.01, largest: 0.01 };
    report.sharpness = 0.1;
    expect(judgeDocumentFrame(report).hint).to.equal('glare');
  });

  it('applies limits given by the caller', () => {
    const report = passingReport();
    report.sharpness = 1.2;
    expect(judgeDocumentFrame(report).ok).to.equal(true);
    expect(judgeDocumentFrame(report, { minSharpness: 1.5 }).hint).to.equal('blurry');
  });
});

describe('the checks the review names', () => {
  it('are all good on a frame that passes', () => {
    expect(documentChecks(passingReport())).to.deep.equal({ corners: true, sharp: true, glare: false, light: 'lit' });
  });

  it('fail where the verdict fails, with the same limits', () => {
    const cases: [string, (report: ReturnType<typeof passingReport>) => void, Partial<ReturnType<typeof documentChecks>>][] = [
      ['card-cut-off', (report) => void (report.card.sides.left = 0.1), { corners: false }],
      ['blurry', (report) => void (report.sharpness = 0.3), { sharp: false }],
      ['glare', (report) => void (report.glare = { share: 0.01, largest: 0.008 }), { glare: true }],
      ['too-dark', (report) => void (report.exposure.mean = DOCUMENT_THRESHOLDS.minMean - 1), { light: 'dark' }],
      ['too-bright', (report) => void (report.glare = { share: DOCUMENT_THRESHOLDS.maxBlownShare + 0.05, largest: 0 }), { light: 'bright' }],
    ];
    for (const [hint, degrade, failed] of cases) {
      const report = passingReport();
      degrade(report);
      expect(judgeDocumentFrame(report).hint, hint).to.equal(hint);
      expect(documentChecks(report), hint).to.include(failed);
    }
  });

  it('follow thresholds given to the judge', () => {
    const report = passingReport();
    report.sharpness = 1.2;
    expect(documentChecks(report).sharp).to.equal(true);
    expect(documentChecks(report, { minSharpness: 1.5 }).sharp).to.equal(false);
  });
});
