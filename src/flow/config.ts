import { DOCUMENT_TYPES, type DocumentType } from '../api/types.js';
import { normaliseLang, type Lang } from '../i18n/localize.js';
import type { FlowConfig, FlowKind } from './types.js';

export interface ElementSettings {
  apiBase: string | undefined;
  sessionId: string | undefined;
  apiKey: string | undefined;
  apiKind?: string | undefined;
  documentType: string;
  flow: string;
  lang: string;
  livenessChallenge: string;
  credentials?: string | undefined;
}

export type CheckedSettings =
  | { ok: true; config: FlowConfig; lang: Lang; sessionId: string | null }
  | { ok: false; message: string };

/** Checks the attributes before a flow starts; the message says exactly what to set. */
export function checkSettings(settings: ElementSettings): CheckedSettings {
  const problems: string[] = [];
  if (!settings.apiBase) problems.push('Set api-base to the API base URL (or your proxy), e.g. https://ekyc.fpt.ai.');
  else if (!/^https?:\/\//i.test(settings.apiBase) && !settings.apiBase.startsWith('/')) {
    problems.push(`api-base must be an http(s) URL or a path starting with "/" (got "${settings.apiBase}").`);
  }
  if (!settings.sessionId && !settings.apiKey) {
    problems.push('Set session-id to a session created on your server (or, for development only, api-key).');
  }
  if (settings.apiKind !== undefined && settings.apiKind !== 'fpt-ai' && settings.apiKind !== 'server') {
    problems.push(`api-kind must be fpt-ai or server (got "${settings.apiKind}").`);
  }
  if (!(DOCUMENT_TYPES as readonly string[]).includes(settings.documentType)) {
    problems.push(`document-type must be idr, passport or dlr (got "${settings.documentType}").`);
  }
  if (settings.flow !== 'full' && settings.flow !== 'ocr-only') {
    problems.push(`flow must be full or ocr-only (got "${settings.flow}").`);
  }
  const lang = normaliseLang(settings.lang);
  if (!lang) problems.push(`lang must be vi or en (got "${settings.lang}").`);
  if (settings.livenessChallenge !== 'none' && settings.livenessChallenge !== 'turn-head') {
    problems.push(`liveness-challenge must be none or turn-head (got "${settings.livenessChallenge}").`);
  }
  if (settings.credentials && !['omit', 'same-origin', 'include'].includes(settings.credentials)) {
    problems.push(`credentials must be omit, same-origin or include (got "${settings.credentials}").`);
  }
  if (problems.length > 0 || !lang) return { ok: false, message: problems.join(' ') };
  return {
    ok: true,
    lang,
    sessionId: settings.sessionId || null,
    config: {
      documentType: settings.documentType as DocumentType,
      flow: settings.flow as FlowKind,
      canInitSession: Boolean(settings.apiKey),
    },
  };
}
