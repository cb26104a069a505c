import type { ReviewSummary } from '../flow/capture-screen.js';
import type { FrameFindings } from '../guidance/types.js';

/**
 * What the review says about the checks' findings on the photo (pure): the checks and the verdict the live guidance
 * judged on that frame, in words; `null` when the photo was not checked on the device.
 */
export function reviewSummary(findings: FrameFindings | null): ReviewSummary | null {
  if (!findings) return null;
  if (findings.kind === 'document') {
    const { checks, ok } = findings;
    return {
      findings: [
        checks.corners ? 'review.document.corners' : 'review.document.cut-off',
        checks.sharp ? 'review.document.sharp' : 'review.document.blurry',
        checks.glare ? 'review.document.glare' : 'review.document.no-glare',
        `review.document.${checks.light}`,
      ],
      ok,
    };
  }
  const { hint } = findings;
  if (hint === 'ready') return { findings: ['review.selfie.one-face'], ok: true };
  return { findings: [`review.selfie.${hint}`], ok: false };
}
