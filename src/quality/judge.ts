import { cardSlant, cardTurn } from './pose.js';
import { DOCUMENT_THRESHOLDS, type DocumentThresholds } from './thresholds.js';
import type { DocumentFrameReport, DocumentHint, DocumentVerdict, Side } from './types.js';

const SIDES: readonly Side[] = ['left', 'right', 'top', 'bottom'];

const fail = (hint: DocumentHint): DocumentVerdict => ({ ok: false, hint });

/** The checks the review screen names, judged as {@link judgeDocumentFrame} judges them, with the same limits. */
export interface DocumentChecks {
  /** All four sides of the card are clear. */
  corners: boolean;
  sharp: boolean;
  /** A reflection large enough to hide something. */
  glare: boolean;
  light: 'dark' | 'bright' | 'lit';
}

const foundSides = (report: DocumentFrameReport, t: DocumentThresholds): Side[] =>
  SIDES.filter((side) => report.card.sides[side] >= t.minSideScore);

const lightOf = ({ exposure, glare }: DocumentFrameReport, t: DocumentThresholds): DocumentChecks['light'] =>
  exposure.mean < t.minMean ? 'dark' : glare.share > t.maxBlownShare ? 'bright' : 'lit';

export function documentChecks(report: DocumentFrameReport, thresholds: Partial<DocumentThresholds> = {}): DocumentChecks {
  const t = { ...DOCUMENT_THRESHOLDS, ...thresholds };
  return {
    corners: foundSides(report, t).length === 4,
    sharp: report.sharpness >= t.minSharpness,
    glare: report.glare.largest > t.maxGlarePatch,
    light: lightOf(report, t),
  };
}

/**
 * The first check a frame fails; `ready` when none. A view too dark or too
 * bright to find anything in is named first; then a view that moved since
 * the last frame; then where the card is (three
 * clear sides mean the fourth is out of view: `card-cut-off`; fewer, a card
 * turned past `maxTilt`, or seen at a slant past `maxSlant` or
 * `minSquareness` (`maxSlantOfThreeSides` with a side out of view), mean no card is placed in the guide); then
 * the card's exposure, glare and sharpness.
 */
export function judgeDocumentFrame(
  report: DocumentFrameReport,
  thresholds: Partial<DocumentThresholds> = {},
): DocumentVerdict {
  const t = { ...DOCUMENT_THRESHOLDS, ...thresholds };
  const { card, exposure } = report;
  if (exposure.high < t.minViewHigh) return fail('too-dark');
  if (exposure.blown > t.maxViewBlown) return fail('too-bright');
  const found = foundSides(report, t);
  // A view that moved is named before where the card is: its edges are smeared, and where they seem to be is no
  // guide to where the card should go.
  if (report.motion !== null && report.motion > t.maxMotion) return fail('hold-still');
  if (found.length < 3) return fail('no-card');
  if (Math.abs(cardTurn(card, found)) > t.maxTilt) return fail('no-card');
  if (cardSlant(card, found) > (found.length === 4 ? t.maxSlant : t.maxSlantOfThreeSides)) return fail('no-card');
  if (found.length === 4 && card.squareness < t.minSquareness) return fail('no-card');
  if (found.length === 4 && card.fill < t.minFill) return fail('move-closer');
  if (found.length === 3) return fail('card-cut-off');
  const checks = documentChecks(report, t);
  if (checks.light !== 'lit') return fail(checks.light === 'dark' ? 'too-dark' : 'too-bright');
  if (exposure.contrast < t.minContrast) return fail('low-contrast');
  if (checks.glare) return fail('glare');
  if (!checks.sharp) return fail('blurry');
  return { ok: true, hint: 'ready' };
}
