import { DOCUMENT_TYPES } from '../api/types.js';
import { HttpError } from './errors.js';
import { HANDOFF_CHALLENGES, HANDOFF_FLOWS, HANDOFF_LANGS, type HandoffSettings } from '../handoff/wire.js';
import type { SessionPolicy } from './policy.js';

export function oneOf<T extends string>(body: Record<string, unknown>, name: string, values: readonly T[], fallback: T): T {
  const value = body[name] ?? fallback;
  if (typeof value !== 'string' || !(values as readonly string[]).includes(value)) {
    throw new HttpError(400, 'bad-json', `${name} must be one of ${values.join(', ')}.`);
  }
  return value as T;
}

/**
 * The settings the phone runs with: the page chooses the language and the challenge, the session's
 * policy the flow and the document types. A flow or type the policy does not give is refused, as at
 * `POST /session`.
 */
export function readSettings(body: Record<string, unknown>, policy: SessionPolicy): HandoffSettings {
  const flow = policy.flow === 'document-only' ? 'ocr-only' : 'full';
  if (oneOf(body, 'flow', HANDOFF_FLOWS, flow) !== flow) {
    throw new HttpError(400, 'flow-not-allowed', `This session's flow is ${policy.flow}.`);
  }
  const documentType = oneOf(body, 'documentType', DOCUMENT_TYPES, policy.documentTypes[0] ?? 'idr');
  if (!policy.documentTypes.includes(documentType)) {
    throw new HttpError(400, 'document-type-not-allowed', `This session accepts ${policy.documentTypes.join(', ')} only.`);
  }
  return {
    documentType,
    flow,
    lang: oneOf(body, 'lang', HANDOFF_LANGS, 'vi'),
    livenessChallenge: oneOf(body, 'livenessChallenge', HANDOFF_CHALLENGES, 'none'),
  };
}
