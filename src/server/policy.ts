import { DOCUMENT_TYPES, type DocumentType } from '../api/types.js';
import { HttpError } from './errors.js';

/** `full`: document sides, then a selfie; `document-only`: the document sides alone. */
export type EkycFlow = 'full' | 'document-only';

/** `idr` identity card, `passport`, `dlr` driver licence. */
export type EkycDocumentType = DocumentType;

export const FLOWS: readonly EkycFlow[] = ['full', 'document-only'];
export { DOCUMENT_TYPES };

/** What a session checks, decided by the server when it creates the session and stored with it. */
export interface SessionPolicy {
  flow: EkycFlow;
  /** The document types this session accepts, at least one. */
  documentTypes: readonly EkycDocumentType[];
}

/** A fixed value, or one chosen per session from the subject `authorize` named and the request. */
export type PolicyOption<T> = T | ((subject: string, request: Request) => T | Promise<T>);

export const DEFAULT_POLICY: SessionPolicy = { flow: 'full', documentTypes: DOCUMENT_TYPES };

export function isFlow(value: unknown): value is EkycFlow {
  return typeof value === 'string' && (FLOWS as readonly string[]).includes(value);
}

export function isDocumentType(value: unknown): value is EkycDocumentType {
  return typeof value === 'string' && (DOCUMENT_TYPES as readonly string[]).includes(value);
}

/** A complete policy, as stored with a session. */
export function isSessionPolicy(value: unknown): value is SessionPolicy {
  if (typeof value !== 'object' || value === null) return false;
  const { flow, documentTypes } = value as Partial<Record<keyof SessionPolicy, unknown>>;
  return isFlow(flow) && Array.isArray(documentTypes) && documentTypes.length > 0 && documentTypes.every(isDocumentType);
}

/** A policy value that is not one: the message says what was expected (it names no person). */
class PolicyInvalid extends Error {
  override readonly name = 'PolicyInvalid';
}

/** The flow, or why it is not one. */
export function checkFlow(value: unknown): EkycFlow {
  if (!isFlow(value)) throw new PolicyInvalid(`flow must be one of ${FLOWS.join(', ')}, got ${JSON.stringify(value)}.`);
  return value;
}

/** A non-empty list of known document types without repeats, or why it is not one. */
export function checkDocumentTypes(value: unknown): EkycDocumentType[] {
  if (!Array.isArray(value) || value.length === 0 || !value.every(isDocumentType) || new Set(value).size !== value.length) {
    throw new PolicyInvalid(`documentTypes must be a non-empty list of ${DOCUMENT_TYPES.join(', ')}, got ${JSON.stringify(value)}.`);
  }
  return [...value];
}

/** Checks a fixed option at start-up; a function is checked on each of its answers. */
export function checkPolicyOption<T>(value: PolicyOption<T> | undefined, check: (value: unknown) => T): PolicyOption<T> | undefined {
  return typeof value === 'function' || value === undefined ? value : check(value);
}

async function evaluate<T>(
  option: PolicyOption<T> | undefined,
  fallback: T,
  check: (value: unknown) => T,
  subject: string,
  request: Request,
): Promise<T> {
  if (option === undefined) return fallback;
  if (typeof option !== 'function') return option;
  const chosen: unknown = await (option as (subject: string, request: Request) => T | Promise<T>)(subject, request);
  return check(chosen);
}

/** The policy of a new session of `subject`; 500 when the integrator's function fails or answers nonsense. */
export async function policyFor(
  options: { flow?: PolicyOption<EkycFlow> | undefined; documentTypes?: PolicyOption<readonly EkycDocumentType[]> | undefined },
  subject: string,
  request: Request,
  log?: (line: string) => void,
): Promise<SessionPolicy> {
  try {
    const [flow, documentTypes] = await Promise.all([
      evaluate(options.flow, DEFAULT_POLICY.flow, checkFlow, subject, request),
      evaluate(options.documentTypes, DEFAULT_POLICY.documentTypes, checkDocumentTypes, subject, request),
    ]);
    return { flow, documentTypes };
  } catch (cause) {
    const why = cause instanceof PolicyInvalid ? cause.message : cause instanceof Error ? cause.name : 'error';
    log?.(`the session policy could not be chosen: ${why}`);
    throw new HttpError(500, 'policy-failed', 'The session policy could not be chosen.', { cause });
  }
}
