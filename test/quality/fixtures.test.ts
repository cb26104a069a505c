import { expect } from '@open-wc/testing';
import { judgeDocumentFrame } from '../../src/quality/judge.js';
import type { DocumentFrameReport, DocumentVerdict } from '../../src/quality/types.js';
import { analyseScene } from './fixtures/frames.js';
import { VARIANTS } from './fixtures/variants.js';

const HINTS = [
  'no-card',
  'move-closer',
  'card-cut-off',
  'too-dark',
  'too-bright',
  'low-contrast',
  'glare',
  'blurry',
  'hold-still',
  'ready',
];

/** One line of measured values, for the table printed after the run. */
function describeReport(report: DocumentFrameReport): string {
  const { card, exposure, glare } = report;
  const sides = Object.values(card.sides).map((v) => v.toFixed(2)).join('/');
  const tilt = Math.max(...Object.values(card.angles).map(Math.abs)).toFixed(1);
  return [
    `sides ${sides}`,
    `fill ${card.fill.toFixed(2)}`,
    `tilt ${tilt}°`,
    `square ${card.squareness.toFixed(2)}`,
    `mean ${exposure.mean.toFixed(0)}`,
    `contrast ${exposure.contrast.toFixed(2)}`,
    `blown view ${(exposure.blown * 100).toFixed(1)}% card ${(glare.share * 100).toFixed(1)}%`,
    `glare ${(glare.largest * 100).toFixed(2)}%`,
    `sharp ${report.sharpness.toFixed(2)}`,
    `motion ${report.motion === null ? '-' : report.motion.toFixed(1)}`,
  ].join('  ');
}

const outcome = (verdict: DocumentVerdict): string => (verdict.ok ? 'accept' : verdict.hint);

describe('the synthetic fixture set', () => {
  const table: string[] = [];
  after(() => {
    console.log(`\n${table.join('\n')}`);
  });

  for (const variant of VARIANTS) {
    const title =
      variant.expected === 'accept'
        ? `accepts ${variant.name}`
        : variant.expected === 'borderline'
          ? `reports a verdict for the borderline ${variant.name}`
          : `rejects ${variant.name} with the hint ${variant.expected}`;
    it(title, async () => {
      const { report } = await analyseScene(variant.scene, variant.previous);
      const verdict = judgeDocumentFrame(report);
      const columns = [variant.name.padEnd(44), variant.expected.padEnd(12), outcome(verdict).padEnd(12)];
      table.push(`${columns.join(' ')} ${describeReport(report)}`);
      if (variant.expected === 'borderline') {
        expect(HINTS).to.include(verdict.hint);
        expect(verdict.ok).to.equal(verdict.hint === 'ready');
      } else {
        expect(outcome(verdict)).to.equal(variant.expected);
      }
    });
  }
});
