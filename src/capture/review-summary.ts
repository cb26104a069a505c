import type { CaptureQuality } from '../events.js';
import type { ReviewSummary } from '../flow/capture-screen.js';
import type { FrameFindings } from '../guidance/types.js';
import { DOCUMENT_THRESHOLDS } from '../quality/thresholds.js';

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
