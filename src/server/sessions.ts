import type { SessionPolicy } from './policy.js';
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

export type Side = 'front' | 'back';

/** Session ids are FPT.AI's: letters, digits and `-`. */
export const SESSION_ID = /^[A-Za-z0-9-]{1,128}$/;

const key = (sessionId: string, part?: string): string => `session:${sessionId}${part ? `:${part}` : ''}`;

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

  async get(sessionId: string): Promise<SessionRecord | null> {
    return parse(await this.store.get(key(sessionId))) as SessionRecord | null;
  }

  async side(sessionId: string, side: Side): Promise<OcrSideRecord | null> {
    return parse(await this.store.get(key(sessionId, side))) as OcrSideRecord | null;
  }

  /** Keeps a side FPT.AI accepted; a side read again replaces the earlier reading. */
  keepSide(sessionId: string, side: Side, record: OcrSideRecord): Promise<void> {
    return this.store.set(key(sessionId, side), JSON.stringify(record), this.ttlMs);
  }

  async face(sessionId: string): Promise<Record<string, unknown> | null> {
    return parse(await this.store.get(key(sessionId, 'face'))) as Record<string, unknown> | null;
  }

  keepFace(sessionId: string, response: Readonly<Record<string, unknown>>): Promise<void> {
    return this.store.set(key(sessionId, 'face'), JSON.stringify(response), this.ttlMs);
  }

  /** Counts one more call of `kind` and answers how many there have been. */
  async attempt(sessionId: string, kind: 'ocr' | 'face'): Promise<number> {
    return (await this.store.increment(key(sessionId, `${kind}-attempts`), this.ttlMs)).count;
  }

  async attempts(sessionId: string, kind: 'ocr' | 'face'): Promise<number> {
    return Number((await this.store.get(key(sessionId, `${kind}-attempts`))) ?? 0);
  }

  /** The final result, once: `true` for the one caller that recorded it. */
  finish(sessionId: string, result: EkycResult): Promise<boolean> {
    return this.store.setIfAbsent(key(sessionId, 'final'), JSON.stringify(result), this.ttlMs);
  }

  unfinish(sessionId: string): Promise<void> {
    return this.store.delete(key(sessionId, 'final'));
  }

  async final(sessionId: string): Promise<EkycResult | null> {
    return parse(await this.store.get(key(sessionId, 'final'))) as EkycResult | null;
  }
}
