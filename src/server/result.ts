import { holderOf } from './document-evidence.js';
import { evidenceOfIntegrity, weighIntegrity, type IntegrityEvidence } from './integrity.js';
import type { ResolvedOptions } from './resolve-options.js';
import { evidenceOf, type FaceOnRecord, type SessionRecord, type Sessions, type SideOnRecord } from './sessions.js';
import { decide, DEFAULT_VERDICT_RULE, type Evidence, type Verdict, type VerdictStatus } from './verdict.js';

/** What `GET /session/{id}/result` answers, and what `onComplete` receives. */
export interface EkycResult {
  sessionId: string;
  /** Who the session belongs to, as `authorize` named them. */
  subject: string;
  status: VerdictStatus;
  reasons: Verdict['reasons'];
  /** FPT.AI's readings of the document, raw (every value a string); `null` for a side not read. */
  ocr: {
    documentType: string | null;
    front: Readonly<Record<string, unknown>> | null;
    back: Readonly<Record<string, unknown>> | null;
  };
  /** FPT.AI's face answer the verdict used, raw; `null` before the selfie. */
  face: Readonly<Record<string, unknown>> | null;
  /** The capture-integrity signals each upload carried (as the page sent them: evidence, not proof). */
  integrity: IntegrityEvidence;
}

/**
 * FPT.AI last read the front of another document than the one on record (see `document-changed`):
 * in a full flow, no selfie can be compared with the document on record any more.
 */
export const documentChanged = (session: SessionRecord, front: SideOnRecord | null, frontRead: string | null): boolean =>
  session.flow === 'full' && front !== null && frontRead !== null && frontRead !== holderOf(front.response);

/**
 * Gathers what the store holds of a session and applies the verdict rule. `face`: the answer just
 * received, instead of the one on record. A face answer counts only for the very document evidence
 * it was given for.
 */
export async function currentResult(
  options: ResolvedOptions,
  sessions: Sessions,
  sessionId: string,
  session: SessionRecord,
  face?: FaceOnRecord,
): Promise<EkycResult> {
  const [{ front, back }, storedFace, faceAttempts, unavailable, frontRead, integrity] = await Promise.all([
    sessions.sides(sessionId),
    face ? Promise.resolve(face) : sessions.face(sessionId),
    sessions.attempts(sessionId, 'face'),
    sessions.unavailable(sessionId),
    sessions.lastFrontRead(sessionId),
    sessions.integrity(sessionId).then(evidenceOfIntegrity),
  ]);
  const faceCounts = storedFace !== null && storedFace.evidence === evidenceOf(front, back);
  const evidence: Evidence = {
    flow: session.flow,
    front: front && { documentType: front.documentType, response: front.response },
    back: back && { documentType: back.documentType, response: back.response },
    face: faceCounts ? storedFace.response : null,
    faceAttemptsExhausted: faceAttempts >= options.limits.faceAttemptsPerSession,
    integrity,
  };
  const rule = options.verdict;
  const verdict: Verdict = documentChanged(session, front, frontRead)
    ? { status: 'failed', reasons: ['document-changed'] }
    : weighIntegrity(typeof rule === 'function' ? rule(evidence) : decide(evidence, { ...DEFAULT_VERDICT_RULE, ...rule }), integrity, options.integrity ?? 'review');
  const reasons = verdict.status === 'pending' && unavailable ? [...verdict.reasons, 'upstream-unavailable' as const] : verdict.reasons;
  return {
    sessionId,
    subject: session.subject,
    status: verdict.status,
    reasons,
    ocr: {
      documentType: front?.documentType ?? back?.documentType ?? null,
      front: evidence.front?.response ?? null,
      back: evidence.back?.response ?? null,
    },
    face: evidence.face,
    integrity,
  };
}
