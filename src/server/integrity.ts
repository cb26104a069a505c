import type { SignalRecord } from './integrity-part.js';
import type { Verdict } from './verdict.js';

/** What a flagged session gets: `review` (a person looks), `fail`, or nothing (`ignore`: your own rule decides). */
export type IntegrityMode = 'review' | 'fail' | 'ignore';

export const INTEGRITY_MODES: readonly IntegrityMode[] = ['review', 'fail', 'ignore'];

/** The integrity report one upload carried, as kept with its session. */
export interface IntegrityUpload {
  route: 'ocr' | 'face';
  /** The document sides the upload was for (none for a selfie). */
  sides: ('front' | 'back')[];
  /** The signals the page sent; `null` when it sent none. */
  signals: SignalRecord[] | null;
  flagged: boolean;
}

/** A session's integrity evidence: every admitted upload's report, and whether any signal flags. */
export interface IntegrityEvidence {
  flagged: boolean;
  uploads: IntegrityUpload[];
}

/** Kept with the session: each upload's report under the upload's own id (a retry replaces its own). */
export type StoredIntegrity = (IntegrityUpload & { upload: string })[];

/** More reports than a session's attempts allow are not kept: a flagged one is never the one dropped. */
const MAX_KEPT = 24;

export function withUpload(kept: StoredIntegrity, entry: IntegrityUpload & { upload: string }): StoredIntegrity {
  const others = kept.filter((item) => item.upload !== entry.upload);
  const next = [...others, entry];
  while (next.length > MAX_KEPT) {
    const quiet = next.findIndex((item) => !item.flagged);
    next.splice(quiet >= 0 ? quiet : 0, 1);
  }
  return next;
}

export function evidenceOfIntegrity(kept: StoredIntegrity): IntegrityEvidence {
  const uploads = kept.map(({ route, sides, signals, flagged }) => ({ route, sides, signals, flagged }));
  return { flagged: uploads.some((upload) => upload.flagged), uploads };
}

/**
 * Weighs a flagged session's verdict: `capture-integrity` among its reasons, and a pass becomes
 * `review` (or `failed` with `fail`, which also fails a `review`); a pending one stays pending.
 */
export function weighIntegrity(verdict: Verdict, integrity: IntegrityEvidence, mode: IntegrityMode): Verdict {
  if (!integrity.flagged || mode === 'ignore') return verdict;
  const reasons = [...verdict.reasons, 'capture-integrity' as const];
  const { status } = verdict;
  if (status === 'pending' || status === 'failed') return { status, reasons };
  return { status: mode === 'fail' ? 'failed' : 'review', reasons };
}
