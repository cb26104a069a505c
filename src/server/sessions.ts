import type { DocumentSide } from '../api/types.js';
import type { IntegrityUpload, StoredIntegrity } from './integrity.js';
import { withUpload } from './integrity.js';
import { isSessionPolicy, type SessionPolicy } from './policy.js';
import type { EkycStore } from './store/types.js';
import type { EkycResult } from './result.js';
import type { OcrSideRecord } from './verdict.js';

/** A session this server created, as the store keeps it, with the policy it was created with. */
export interface SessionRecord extends SessionPolicy {
  subject: string;
  createdAt: number;
  /** After this, uploads are refused; the result stays readable. */
  expiresAt: number;
}

/**
 * A session record as the store may hold it: one stored by an earlier version of this server has no
 * policy (see `withPolicy`).
 */
export type StoredSession = Omit<SessionRecord, keyof SessionPolicy> & Partial<SessionPolicy>;



/** A side FPT.AI read, as kept: once on record, never replaced. */
export interface SideOnRecord extends OcrSideRecord {
  /** The upload that read it (its idempotency record, or a random id). */
  upload: string;
  /** A digest of the picture that was read. */
  image: string;
}

/** A face answer, as kept with the document evidence it was given for. */
export interface FaceOnRecord {
  response: Readonly<Record<string, unknown>>;
  /** Which sides were on record when the selfie was sent (see `evidenceOf`). */
  evidence: string;
  upload: string;
}

/** Session ids are FPT.AI's: letters, digits and `-`. */
export const SESSION_ID = /^[A-Za-z0-9-]{1,128}$/;

const key = (sessionId: string, part?: string): string => `session:${sessionId}${part ? `:${part}` : ''}`;

/** Names the document evidence a face answer belongs to: the uploads of the sides on record. */
export const evidenceOf = (front: SideOnRecord | null, back: SideOnRecord | null): string =>
  JSON.stringify([front?.upload ?? null, back?.upload ?? null]);

/** A stored JSON value; `null` when missing or unreadable. */
export function parse(text: string | null): unknown {
  if (text === null) return null;
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

/** The session parts of the store, each kept for `ttlMs` from its writing. */
export class Sessions {
  constructor(
    private readonly store: EkycStore,
    private readonly ttlMs: number,
  ) {}

  create(sessionId: string, record: SessionRecord): Promise<boolean> {
    return this.store.setIfAbsent(key(sessionId), JSON.stringify(record), this.ttlMs);
  }

  async get(sessionId: string): Promise<StoredSession | null> {
    return parse(await this.store.get(key(sessionId))) as StoredSession | null;
  }

  /** The policy kept beside a session stored without one, or `null` before one is chosen. */
  async policy(sessionId: string): Promise<SessionPolicy | null> {
    const kept = parse(await this.store.get(key(sessionId, 'policy')));
    return isSessionPolicy(kept) ? kept : null;
  }

  /** Keeps `policy` beside a session stored without one, unless one is kept already: answers the one kept. */
  async keepPolicy(sessionId: string, policy: SessionPolicy): Promise<SessionPolicy> {
    if (await this.store.setIfAbsent(key(sessionId, 'policy'), JSON.stringify(policy), this.ttlMs)) return policy;
    return (await this.policy(sessionId)) ?? policy;
  }

  async side(sessionId: string, side: DocumentSide): Promise<SideOnRecord | null> {
    return parse(await this.store.get(key(sessionId, side))) as SideOnRecord | null;
  }

  async sides(sessionId: string): Promise<{ front: SideOnRecord | null; back: SideOnRecord | null }> {
    const [front, back] = await Promise.all([this.side(sessionId, 'front'), this.side(sessionId, 'back')]);
    return { front, back };
  }

  /**
   * Puts a side on record, once: `true` when it is there now from this upload (set now, or by
   * this same upload before), `false` when another upload's reading holds the place.
   */
  async keepSide(sessionId: string, side: DocumentSide, record: SideOnRecord): Promise<boolean> {
    if (await this.store.setIfAbsent(key(sessionId, side), JSON.stringify(record), this.ttlMs)) return true;
    return (await this.side(sessionId, side))?.upload === record.upload;
  }

  /** The integrity reports of the session's admitted uploads. */
  async integrity(sessionId: string): Promise<StoredIntegrity> {
    const kept = parse(await this.store.get(key(sessionId, 'integrity')));
    return Array.isArray(kept) ? (kept as StoredIntegrity) : [];
  }

  /** Keeps an admitted upload's report; in the session's turn, so no other upload writes meanwhile. */
  async keepIntegrity(sessionId: string, upload: string, report: IntegrityUpload): Promise<void> {
    const kept = withUpload(await this.integrity(sessionId), { ...report, upload });
    await this.store.set(key(sessionId, 'integrity'), JSON.stringify(kept), this.ttlMs);
  }

  async face(sessionId: string): Promise<FaceOnRecord | null> {
    return parse(await this.store.get(key(sessionId, 'face'))) as FaceOnRecord | null;
  }

  /** Keeps the latest face answer: a refused selfie may be followed by another. */
  keepFace(sessionId: string, record: FaceOnRecord): Promise<void> {
    return this.store.set(key(sessionId, 'face'), JSON.stringify(record), this.ttlMs);
  }

  /**
   * Takes one of the session's attempts of `kind` before FPT.AI is called, and answers how many are
   * taken now: given-back attempts (see `giveBack`) are not counted.
   */
  async takeAttempt(sessionId: string, kind: 'ocr' | 'face'): Promise<number> {
    const { count } = await this.store.increment(key(sessionId, `${kind}-attempts`), this.ttlMs);
    return count - (await this.counter(sessionId, `${kind}-given-back`));
  }

  /** Gives back an attempt that did not count: refused before FPT.AI, or not the user's doing. */
  async giveBack(sessionId: string, kind: 'ocr' | 'face'): Promise<void> {
    await this.store.increment(key(sessionId, `${kind}-given-back`), this.ttlMs);
  }

  /** Attempts of `kind` taken and not given back. */
  async attempts(sessionId: string, kind: 'ocr' | 'face'): Promise<number> {
    const [taken, givenBack] = await Promise.all([
      this.counter(sessionId, `${kind}-attempts`),
      this.counter(sessionId, `${kind}-given-back`),
    ]);
    return taken - givenBack;
  }

  /** Counts a picture that was not the side it was sent as, and answers how many there have been. */
  async sideMismatch(sessionId: string): Promise<number> {
    return (await this.store.increment(key(sessionId, 'side-mismatches'), this.ttlMs)).count;
  }

  sideMismatches(sessionId: string): Promise<number> {
    return this.counter(sessionId, 'side-mismatches');
  }

  private async counter(sessionId: string, name: string): Promise<number> {
    return Number((await this.store.get(key(sessionId, name))) ?? 0);
  }

  /**
   * The holder's number on the last front FPT.AI read in this session, kept or not: FPT.AI compares
   * a selfie with that front, whatever the server kept.
   */
  frontRead(sessionId: string, holder: string): Promise<void> {
    return this.store.set(key(sessionId, 'front-read'), holder, this.ttlMs);
  }

  lastFrontRead(sessionId: string): Promise<string | null> {
    return this.store.get(key(sessionId, 'front-read'));
  }

  /** The last call to FPT.AI for this session got no answer of its own (see `UpstreamUnavailable`). */
  markUnavailable(sessionId: string): Promise<void> {
    return this.store.set(key(sessionId, 'upstream-unavailable'), '1', this.ttlMs);
  }

  /** FPT.AI answered again. */
  clearUnavailable(sessionId: string): Promise<void> {
    return this.store.delete(key(sessionId, 'upstream-unavailable'));
  }

  async unavailable(sessionId: string): Promise<boolean> {
    return (await this.store.get(key(sessionId, 'upstream-unavailable'))) !== null;
  }

  /** Records the final result unless one is on record: a final result is never replaced or removed. */
  finish(sessionId: string, result: EkycResult): Promise<boolean> {
    return this.store.setIfAbsent(key(sessionId, 'final'), JSON.stringify(result), this.ttlMs);
  }

  async final(sessionId: string): Promise<EkycResult | null> {
    return parse(await this.store.get(key(sessionId, 'final'))) as EkycResult | null;
  }

  /** `onComplete` ran without failing for this session. */
  async completed(sessionId: string): Promise<boolean> {
    return (await this.store.get(key(sessionId, 'completed'))) !== null;
  }

  markCompleted(sessionId: string): Promise<void> {
    return this.store.set(key(sessionId, 'completed'), '1', this.ttlMs);
  }

  /** The right to run `onComplete` now, for `leaseMs` at most: of two requests, one gets it. */
  leaseCompletion(sessionId: string, leaseMs: number): Promise<boolean> {
    return this.store.setIfAbsent(key(sessionId, 'completing'), '1', leaseMs);
  }

  endCompletionLease(sessionId: string): Promise<void> {
    return this.store.delete(key(sessionId, 'completing'));
  }
}
