import { apiBoolean, apiNumber, apiString } from '../api/values.js';
import type { IntegrityEvidence } from './integrity.js';
import type { EkycFlow } from './policy.js';

/** A side of the document as FPT.AI read it: the raw answer, every value a string. */
export interface OcrSideRecord {
  /** `idr`, `passport` or `dlr`. */
  documentType: string;
  response: Readonly<Record<string, unknown>>;
}

/** What the server knows of a session when it decides. */
export interface Evidence {
  /** The session's flow: `document-only` decides on the document alone. */
  flow: EkycFlow;
  front: OcrSideRecord | null;
  back: OcrSideRecord | null;
  /** The last face answer (`/face/liveness`), raw. */
  face: Readonly<Record<string, unknown>> | null;
  /** No face attempt is left, or FPT.AI said the session is used up. */
  faceAttemptsExhausted: boolean;
  /** The capture-integrity reports the element sent with each upload (see the `integrity` option). */
  integrity: IntegrityEvidence;
}

export type VerdictStatus = 'pending' | 'passed' | 'failed' | 'review';

export interface Verdict {
  status: VerdictStatus;
  /** Why it is not `passed`, in stable words (see `VerdictReason`); empty when passed. */
  reasons: VerdictReason[];
}

export type VerdictReason =
  | 'front-not-read'
  | 'back-not-read'
  | 'face-not-checked'
  | 'face-refused'
  | 'not-live'
  | 'no-match'
  | 'similarity-below-threshold'
  | 'needs-review'
  | 'deepfake'
  /**
   * FPT.AI read the front of another document (another number) after the front on record (sent as
   * the back, say): it compares a selfie with the front it read last, so no selfie can prove this
   * document's holder any more. Decided by the server, before any verdict rule.
   */
  | 'document-changed'
  /** Not the user's doing: FPT.AI gave no answer to the last call (added by the server while pending). */
  | 'upstream-unavailable'
  /** A capture-integrity signal flagged (a virtual camera, an injected stream…): see the `integrity` option. */
  | 'capture-integrity';

/** The default rule's settings. */
export interface VerdictRule {
  /** Lowest `face_match.similarity` (0–100) that passes (default 80). */
  minSimilarity: number;
  /** What `need_to_review: "true"` gives (default `review`: a person looks). */
  onNeedToReview: 'review' | 'failed';
  /** What `is_deepfake: "true"` gives (default `failed`). */
  onDeepfake: 'review' | 'failed';
}

export const DEFAULT_VERDICT_RULE: VerdictRule = { minSimilarity: 80, onNeedToReview: 'review', onDeepfake: 'failed' };

const record = (value: unknown): Readonly<Record<string, unknown>> =>
  typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : {};

const sideRead = (side: OcrSideRecord | null): boolean => apiString(side?.response['errorCode']) === '0';

/**
 * The default rule: `passed` when the document was read (front and back; the front
 * alone for a passport), and the selfie is live, matches the document with a
 * similarity of at least `minSimilarity`, and carries no review or deepfake flag.
 * A missing piece leaves the session `pending` (the user can still provide it); a
 * face refusal with no attempt left, or a selfie that is not live or does not match,
 * is `failed`.
 */
export function decide(evidence: Evidence, rule: VerdictRule = DEFAULT_VERDICT_RULE): Verdict {
  const reasons: VerdictReason[] = [];
  const passport = evidence.front?.documentType === 'passport';
  if (!sideRead(evidence.front)) reasons.push('front-not-read');
  if (!passport && !sideRead(evidence.back)) reasons.push('back-not-read');
  if (evidence.flow === 'document-only') return { status: reasons.length === 0 ? 'passed' : 'pending', reasons };

  const face = evidence.face;
  if (!face) return { status: 'pending', reasons: [...reasons, 'face-not-checked'] };
  const liveness = record(face['liveness']);
  const match = record(face['face_match']);
  if (apiString(face['code']) !== '200') {
    reasons.push('face-refused');
    // FPT.AI refuses a selfie that does not match the document with its match result: say so too.
    if (apiBoolean(match['isMatch']) === false) reasons.push('no-match');
    const final = evidence.faceAttemptsExhausted || apiBoolean(face['is_complete_session']) === true;
    return { status: final ? 'failed' : 'pending', reasons };
  }
  const flags: VerdictStatus[] = [];
  if (apiBoolean(liveness['is_live']) !== true) reasons.push('not-live');
  if (apiBoolean(match['isMatch']) !== true) reasons.push('no-match');
  const similarity = apiNumber(match['similarity']);
  if (similarity === null || similarity < rule.minSimilarity) reasons.push('similarity-below-threshold');
  if (apiBoolean(liveness['need_to_review']) === true) {
    reasons.push('needs-review');
    flags.push(rule.onNeedToReview);
  }
  if (apiBoolean(liveness['is_deepfake']) === true) {
    reasons.push('deepfake');
    flags.push(rule.onDeepfake);
  }
  const document: VerdictReason[] = ['front-not-read', 'back-not-read'];
  const soft: VerdictReason[] = [...document, 'needs-review', 'deepfake'];
  if (reasons.some((reason) => !soft.includes(reason)) || flags.includes('failed')) return { status: 'failed', reasons };
  if (reasons.some((reason) => document.includes(reason))) return { status: 'pending', reasons };
  return { status: flags.length > 0 ? 'review' : 'passed', reasons };
}
