// What the two ends of a handoff agree on, the browser's (`handoff/protocol.ts`) and `ekyc-flow/server`'s: no code of
// either side, so that both import it.
import type { DocumentType } from '../api/types.js';

/** The flows, languages and challenges a handoff's settings may name. */
export const HANDOFF_FLOWS = ['full', 'ocr-only'] as const;
export const HANDOFF_LANGS = ['vi', 'en'] as const;
export const HANDOFF_CHALLENGES = ['none', 'turn-head'] as const;

/** The computer's settings, which the phone runs with (given back with its claim). */
export interface HandoffSettings {
  documentType: DocumentType;
  flow: (typeof HANDOFF_FLOWS)[number];
  lang: (typeof HANDOFF_LANGS)[number];
  livenessChallenge: (typeof HANDOFF_CHALLENGES)[number];
}

/** What a handoff's event says: opened, claimed, then the phone's news (a step, the end, or a cancel). */
export type HandoffState = 'waiting' | 'connected' | 'step' | 'done' | 'cancelled';

/** The header the phone's uploads and news carry its key in (the key its claim gave it). */
export const PHONE_KEY_HEADER = 'ekyc-handoff';
