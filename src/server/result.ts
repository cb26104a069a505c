import type { ResolvedOptions } from './options.js';
import type { SessionRecord, Sessions } from './sessions.js';
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
  /** FPT.AI's last face answer, raw; `null` before the selfie. */
  face: Readonly<Record<string, unknown>> | null;
}

/** Gathers what the store holds of a session and applies the verdict rule. */
export async function currentResult(
  options: ResolvedOptions,
  sessions: Sessions,
  sessionId: string,
  session: SessionRecord,
): Promise<EkycResult> {
  const [front, back, face, faceAttempts] = await Promise.all([
    sessions.side(sessionId, 'front'),
    sessions.side(sessionId, 'back'),
    sessions.face(sessionId),
    sessions.attempts(sessionId, 'face'),
  ]);
  const evidence: Evidence = {
    flow: session.flow,
    front,
    back,
    face,
    faceAttemptsExhausted: faceAttempts >= options.limits.faceAttemptsPerSession,
  };
  const rule = options.verdict;
  const verdict =
    typeof rule === 'function' ? rule(evidence) : decide(evidence, { ...DEFAULT_VERDICT_RULE, ...rule });
  return {
    sessionId,
    subject: session.subject,
    status: verdict.status,
    reasons: verdict.reasons,
    ocr: { documentType: front?.documentType ?? back?.documentType ?? null, front: front?.response ?? null, back: back?.response ?? null },
    face,
  };
}
