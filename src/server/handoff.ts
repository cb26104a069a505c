import { createHash, randomBytes } from 'node:crypto';
import type { HandoffSettings, HandoffState } from '../handoff/wire.js';
import { HttpError } from './errors.js';
import { parse } from './sessions.js';
import type { EkycStore } from './store/types.js';

export { PHONE_KEY_HEADER, type HandoffSettings } from '../handoff/wire.js';

/** What the phone tells the computer, numbered in the order the store received it. */
export interface HandoffEvent {
  seq: number;
  state: HandoffState;
  step?: string;
  previousStep?: string;
  result?: Record<string, unknown>;
}

/** A session's handoff, as the store keeps it (never a token: only their hashes). */
export interface HandoffRecord {
  /** Random, not secret: names the handoff's events, its claim and its channel. */
  id: string;
  sessionId: string;
  subject: string;
  settings: HandoffSettings;
  /** The hash of the one token a phone may claim it with. */
  claimable: string;
  /** The phone finished or cancelled. */
  ended: boolean;
}

interface TokenRecord {
  handoffId: string;
  sessionId: string;
}

export interface PhoneRecord {
  handoffId: string;
  sessionId: string;
  subject: string;
}

/** Tokens: 256 random bits, base64url. */
export const newToken = (): string => randomBytes(32).toString('base64url');

/** What the store keeps instead of a token or a phone's key. */
export const hashOf = (secret: string): string => createHash('sha256').update(secret).digest('base64url');

/** A token in a path: 22 to 128 base64url characters (anything else is not one of ours). */
export const TOKEN = /^[A-Za-z0-9_-]{22,128}$/;

/** Steps a handoff may relay: past them a step is refused, and room is always left for the end. */
const MAX_STEP_EVENTS = 200;
/** How far the events of a handoff are read: its steps, and the few news that are never refused. */
const MAX_EVENTS = MAX_STEP_EVENTS + 20;
/** How long a message being delivered holds its number before a resend may deliver it. */
const SENDING_MS = 15_000;
const SENDING = 'sending';

/** Where the phone's message number `n` stands. */
export type Sending = 'new' | 'sending' | 'delivered';

const key = {
  handoff: (sessionId: string) => `handoff:${sessionId}`,
  token: (hash: string) => `handoff-token:${hash}`,
  claim: (handoffId: string) => `handoff-claim:${handoffId}`,
  phone: (hash: string) => `handoff-phone:${hash}`,
  seq: (handoffId: string) => `handoff-seq:${handoffId}`,
  event: (handoffId: string, seq: number) => `handoff-event:${handoffId}:${seq}`,
  sent: (handoffId: string, n: number) => `handoff-sent:${handoffId}:${n}`,
  channel: (handoffId: string) => `handoff:${handoffId}`,
};

/**
 * The handoff parts of the store. Every step that two instances (or two phones) could race on is one
 * atomic store operation: the claim is a `setIfAbsent`, event numbers an `increment`.
 */
export class Handoffs {
  constructor(private readonly store: EkycStore) {}

  async ofSession(sessionId: string): Promise<HandoffRecord | null> {
    return parse(await this.store.get(key.handoff(sessionId))) as HandoffRecord | null;
  }

  /** A new handoff of `sessionId`; answers its claimable token, valid for `ttlMs`. */
  async open(
    base: Omit<HandoffRecord, 'id' | 'claimable' | 'ended'>,
    ttlMs: number,
    sessionTtlMs: number,
  ): Promise<{ token: string; record: HandoffRecord }> {
    const token = newToken();
    const record: HandoffRecord = { ...base, id: newToken(), claimable: hashOf(token), ended: false };
    await this.store.set(key.handoff(base.sessionId), JSON.stringify(record), sessionTtlMs);
    await this.store.set(key.token(record.claimable), JSON.stringify({ handoffId: record.id, sessionId: base.sessionId }), ttlMs);
    await this.append(record.id, { state: 'waiting' }, sessionTtlMs);
    return { token, record };
  }

  /** Another token for the computer to follow a handoff with (after a reload); it claims nothing. */
  async watchToken(record: HandoffRecord, ttlMs: number): Promise<string> {
    const token = newToken();
    await this.store.set(key.token(hashOf(token)), JSON.stringify({ handoffId: record.id, sessionId: record.sessionId }), ttlMs);
    return token;
  }

  /** The handoff a token names; `null` for a token this server did not give, or one that expired. */
  async ofToken(token: string): Promise<{ record: HandoffRecord; claimable: boolean } | null> {
    const hash = hashOf(token);
    const named = parse(await this.store.get(key.token(hash))) as TokenRecord | null;
    if (!named) return null;
    const record = await this.ofSession(named.sessionId);
    if (!record || record.id !== named.handoffId) return null;
    return { record, claimable: record.claimable === hash };
  }

  /** Whether a phone has claimed the handoff. */
  async claimed(record: HandoffRecord): Promise<boolean> {
    return (await this.store.get(key.claim(record.id))) !== null;
  }

  /**
   * The claim: of every phone that tries, one gets a key (kept as a hash) and the others `null`.
   * The token then lives as long as the session, so that a later claim is told the link was used.
   */
  async claim(record: HandoffRecord, token: string, ttlMs: number): Promise<string | null> {
    const phoneKey = newToken();
    const phone = hashOf(phoneKey);
    if (!(await this.store.setIfAbsent(key.claim(record.id), phone, ttlMs))) return null;
    const { id: handoffId, sessionId, subject } = record;
    await this.store.set(key.phone(phone), JSON.stringify({ handoffId, sessionId, subject } satisfies PhoneRecord), ttlMs);
    await this.store.set(key.token(hashOf(token)), JSON.stringify({ handoffId, sessionId }), ttlMs);
    return phoneKey;
  }

  async phone(phoneKey: string): Promise<PhoneRecord | null> {
    return parse(await this.store.get(key.phone(hashOf(phoneKey)))) as PhoneRecord | null;
  }

  /** The phone is done with the handoff: its key stops working; a cancelled one may be handed off again. */
  async end(record: HandoffRecord, phoneKey: string, cancelled: boolean, ttlMs: number): Promise<void> {
    await this.store.delete(key.phone(hashOf(phoneKey)));
    if (cancelled) {
      await this.store.delete(key.handoff(record.sessionId));
      return;
    }
    await this.store.set(key.handoff(record.sessionId), JSON.stringify({ ...record, ended: true }), ttlMs);
  }

  /**
   * Claims the phone's message number `n` for this request (`new`), or says that it was delivered, or
   * is being delivered by another request: a message resent after a lost answer is relayed once. The
   * claim ends with `delivered`, or with `release` when the message could not be relayed.
   */
  async sending(handoffId: string, n: number): Promise<Sending> {
    const key_ = key.sent(handoffId, n);
    for (let tries = 0; tries < 2; tries++) {
      if (await this.store.setIfAbsent(key_, SENDING, SENDING_MS)) return 'new';
      const value = await this.store.get(key_);
      if (value !== null) return value === SENDING ? 'sending' : 'delivered';
    }
    return 'sending';
  }

  /** Message `n` is relayed: a resend of it is answered without relaying it again. */
  delivered(handoffId: string, n: number, ttlMs: number): Promise<void> {
    return this.store.set(key.sent(handoffId, n), 'delivered', ttlMs);
  }

  /** Message `n` was not relayed: its resend will be. */
  release(handoffId: string, n: number): Promise<void> {
    return this.store.delete(key.sent(handoffId, n));
  }

  /**
   * Numbers and keeps an event, then tells every instance's listeners. A step is refused (429) once the
   * handoff holds `MAX_STEP_EVENTS` events, without using a number: its end is never refused.
   */
  async append(handoffId: string, event: Omit<HandoffEvent, 'seq'>, ttlMs: number): Promise<HandoffEvent> {
    if (event.state === 'step' && Number((await this.store.get(key.seq(handoffId))) ?? 0) >= MAX_STEP_EVENTS) {
      throw new HttpError(429, 'handoff-too-many-events', 'This handoff has no room for more steps.');
    }
    const { count: seq } = await this.store.increment(key.seq(handoffId), ttlMs);
    const numbered = { seq, ...event };
    await this.store.set(key.event(handoffId, seq), JSON.stringify(numbered), ttlMs);
    await this.store.publish(key.channel(handoffId), String(seq));
    return numbered;
  }

  /**
   * The events after `after`, in order. A number with no event before one that has is passed over: an
   * append that failed after taking it (its message is relayed again under a later number, since one
   * phone sends one message at a time). One with none after it may still be being written, and is
   * read the next time.
   */
  async eventsAfter(handoffId: string, after: number): Promise<HandoffEvent[]> {
    const last = Number((await this.store.get(key.seq(handoffId))) ?? 0);
    const events: HandoffEvent[] = [];
    for (let seq = after + 1; seq <= Math.min(last, MAX_EVENTS); seq++) {
      const event = parse(await this.store.get(key.event(handoffId, seq))) as HandoffEvent | null;
      if (event) events.push(event);
    }
    return events;
  }

  /** Calls `listener` whenever an event is appended, on any instance. */
  listen(handoffId: string, listener: () => void): Promise<() => Promise<void>> {
    return this.store.subscribe(key.channel(handoffId), listener);
  }
}
