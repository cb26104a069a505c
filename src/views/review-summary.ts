import { html } from 'lit';
import type { CaptureQuality } from '../events.js';
import type { FrameFindings } from '../guidance/types.js';
import type { StringKey } from '../i18n/localize.js';
import { DOCUMENT_THRESHOLDS } from '../quality/thresholds.js';
import type { Translate } from './common.js';

/** What the review says about a photo: each check in words, and whether it can be used. `null`: not checked here. */
export interface ReviewSummary {
  findings: StringKey[];
  ok: boolean;
}

const SIDES = ['sideLeft', 'sideRight', 'sideTop', 'sideBottom'] as const;

const numberOf = (measured: CaptureQuality, name: string): number | null => {
  const value = measured[name];
  return typeof value === 'number' ? value : null;
};

/** A document's measured values, judged by the same limits as the live checks. */
function documentSummary(measured: CaptureQuality): ReviewSummary | null {
  const t = DOCUMENT_THRESHOLDS;
  const sides = SIDES.map((name) => numberOf(measured, name));
  const sharpness = numberOf(measured, 'sharpness');
  const glare = numberOf(measured, 'glare');
  const blown = numberOf(measured, 'blown');
  const brightness = numberOf(measured, 'brightness');
  if (sides.some((side) => side === null) || sharpness === null || glare === null || blown === null || brightness === null) return null;
  const corners = sides.every((side) => (side ?? 0) >= t.minSideScore);
  const sharp = sharpness >= t.minSharpness;
  const noGlare = glare <= t.maxGlarePatch;
  const light = brightness < t.minMean ? 'dark' : blown > t.maxBlownShare ? 'bright' : 'lit';
  return {
    findings: [
      corners ? 'review.document.corners' : 'review.document.cut-off',
      sharp ? 'review.document.sharp' : 'review.document.blurry',
      noGlare ? 'review.document.no-glare' : 'review.document.glare',
      `review.document.${light}`,
    ],
    ok: corners && sharp && noGlare && light === 'lit',
  };
}

/** What the review says about the checks' findings on the photo (pure); `null` when the photo was not checked on the device. */
export function reviewSummary(findings: FrameFindings | null): ReviewSummary | null {
  if (!findings) return null;
  if (findings.kind === 'document') return documentSummary(findings.measured);
  const { hint } = findings;
  if (hint === 'ready') return { findings: ['review.selfie.one-face'], ok: true };
  return { findings: [`review.selfie.${hint}`], ok: false };
}

/** The summary as one sentence a screen reader reads in one go: "Checks: all four corners visible, sharp…. You can use this photo." */
export function reviewSummaryText(t: Translate, summary: ReviewSummary | null): string {
  if (!summary) return t('review.unchecked');
  const findings = summary.findings.map((key) => t(key)).join(', ');
  return `${t('review.found', { findings })} ${t(summary.ok ? 'review.verdict.ok' : 'review.verdict.retake')}`;
}

export function renderReviewSummary(t: Translate, summary: ReviewSummary | null) {
  return html`<p part="review-summary" class="review-summary">${reviewSummaryText(t, summary)}</p>`;
}
