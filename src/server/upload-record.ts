import type { DocumentSide } from '../api/types.js';
import { apiString } from '../api/values.js';
import { settle } from './completion.js';
import { keep, type Exchange } from './context.js';
import { fieldsRead, holderOf, pictureDigest, readsFront, shownBy, shows, sideMismatch } from './document-evidence.js';
import { refusalBody, type HttpError } from './errors.js';
import type { Image } from './inspect.js';
import type { SignalRecord } from './integrity-part.js';
import { currentResult, documentChanged } from './result.js';
import type { EkycDocumentType } from './policy.js';
import type { UploadRoute } from './rules.js';
import { documentComplete, outOfOrder } from './session-steps.js';
import type { FaceOnRecord, SessionRecord } from './sessions.js';

/** One checked upload, admitted to its session's next step, ready for FPT.AI. */
export interface Upload {
  route: UploadRoute;
  sessionId: string;
  subject: string;
  session: SessionRecord;
  /** The API headers to forward. */
  headers: Record<string, string>;
  images: Image[];
  /** The sides an OCR upload is for, in order (none for a selfie). */
  sides: DocumentSide[];
  /** Names this upload in what it puts on record: its idempotency record, or a random id. */
  id: string;
  /** The integrity signals the page sent with it; `null` when it sent none. */
  integrity: SignalRecord[] | null;
  /** The document evidence on record when the upload was admitted (see `evidenceOf`). */
  evidence: string;
}

/** FPT.AI's answer to an upload. */
export interface UpstreamReply {
  status: number;
  json: Record<string, unknown>;
}

/** What the browser is answered, kept under the upload's `Idempotency-Key` for its retries. */
export interface Outcome {
  status: number;
  body: unknown;
}

const refusal = (error: HttpError): Outcome => ({ status: error.status, body: refusalBody(error) });

/** FPT.AI read the document (whatever it shows). */
const read = (reply: UpstreamReply): boolean => reply.status === 200 && apiString(reply.json['errorCode']) === '0';

/** A reading that does not show the sides the upload says it is: `422 side-mismatch`; `null` when it does. */
export function mismatchOf(upload: Upload, reply: UpstreamReply): HttpError | null {
  if (upload.route !== 'ocr' || reply.status !== 200 || apiString(reply.json['errorCode']) !== '0') return null;
  const documentType = upload.headers['document-type'] as EkycDocumentType;
  const fields = fieldsRead(reply.json);
  return shows(documentType, upload.sides, fields) ? null : sideMismatch(documentType, upload.sides, shownBy(fields));
}

/** Puts the sides FPT.AI read on record; `false` when another upload read one of them meanwhile. */
async function keepSides({ sessions }: Exchange, upload: Upload, reply: UpstreamReply): Promise<boolean> {
  const documentType = upload.headers['document-type'] ?? '';
  for (const [index, side] of upload.sides.entries()) {
    const image = pictureDigest(upload.images[index]?.data ?? new Uint8Array());
    const kept = await sessions.keepSide(upload.sessionId, side, { documentType, response: reply.json, upload: upload.id, image });
    if (!kept) return false;
  }
  return true;
}

/**
 * Keeps what FPT.AI said where the session's step allows it, runs the hooks, and settles the
 * verdict when the evidence is complete. Run again by a retry whose first try failed in a hook:
 * what this upload put on record is recognised as its own.
 */
export async function record(exchange: Exchange, upload: Upload, reply: UpstreamReply): Promise<Outcome> {
  const { sessions, options } = exchange;
  const { sessionId, route, headers, session } = upload;
  let outcome: Outcome = { status: reply.status, body: reply.json };
  let face: FaceOnRecord | undefined;
  await sessions.clearUnavailable(sessionId);
  const holder = route === 'ocr' && read(reply) && readsFront(fieldsRead(reply.json)) ? (holderOf(reply.json) ?? '') : null;
  if (holder !== null) await sessions.frontRead(sessionId, holder);
  const mismatch = mismatchOf(upload, reply);
  if (mismatch) {
    outcome = refusal(mismatch);
  } else if (route === 'ocr' && reply.status === 200 && apiString(reply.json['errorCode']) === '0') {
    if (!(await keepSides(exchange, upload, reply))) {
      outcome = refusal(outOfOrder('Another upload read this side of the document meanwhile.'));
    }
  }
  if (route === 'face' && reply.status === 200) {
    face = { response: reply.json, evidence: upload.evidence, upload: upload.id };
    await sessions.keepFace(sessionId, face);
  }
  const onUpload = options.hooks?.onUpload;
  if (onUpload) {
    const { subject } = upload;
    await keep(options, () => onUpload({ endpoint: route, sessionId, subject, headers, status: reply.status, response: reply.json }));
  }
  if (route === 'ocr') {
    const sides = await sessions.sides(sessionId);
    const changed = holder !== null && documentChanged(session, sides.front, holder);
    if (!changed && (session.flow !== 'document-only' || !documentComplete({ ...sides, final: false }))) return outcome;
  }
  await settle(exchange, sessionId, await currentResult(options, sessions, sessionId, session, face));
  return outcome;
}
