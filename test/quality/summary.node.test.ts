import { expect } from 'chai';
import { describe, it } from 'node:test';
import { qualitySummary } from '../../src/quality/summary.js';
import { passingReport } from './fixtures/reports.js';

describe('the quality summary of a capture', () => {
  it('lists the measured values as rounded numbers', () => {
    const report = passingReport();
    report.sharpness = 2.345678;
    const summary = qualitySummary(report);
    expect(summary.sharpness).to.equal(2.346);
    expect(summary.fill).to.equal(1);
    expect(Object.values(summary).every((value) => Number.isFinite(value))).to.equal(true);
  });

  it('leaves motion out for a first frame', () => {
    const report = passingReport();
    report.motion = null;
    expect(qualitySummary(report)).not.to.have.property('motion');
  });
});
