import { html } from 'lit';
import type { ReviewSummary } from '../flow/capture-screen.js';
import type { Translate } from './common.js';

/** The summary as one sentence a screen reader reads in one go: "Checks: all four corners visible, sharp…. You can use this photo." */
export function reviewSummaryText(t: Translate, summary: ReviewSummary | null): string {
  if (!summary) return t('review.unchecked');
  const findings = summary.findings.map((key) => t(key)).join(', ');
  return `${t('review.found', { findings })} ${t(summary.ok ? 'review.verdict.ok' : 'review.verdict.retake')}`;
}

export function renderReviewSummary(t: Translate, summary: ReviewSummary | null) {
  return html`<p part="review-summary" class="review-summary">${reviewSummaryText(t, summary)}</p>`;
}
