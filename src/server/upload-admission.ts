import type { DocumentSide } from '../api/types.js';
import { completeOnce } from './completion.js';
import type { Exchange } from './context.js';
import { HttpError } from './errors.js';
import type { Image } from './inspect.js';
import type { EkycDocumentType } from './policy.js';
import type { UploadRoute } from './rules.js';
import { admitDocument, admitFace } from './session-steps.js';
import { evidenceOf } from './sessions.js';
import type { Upload } from './upload-record.js';

/** The sides an OCR upload is for: its `side-type`, a passport's one page, or front and back together. */
export function sidesOf(route: UploadRoute, headers: Record<string, string>, images: readonly Image[]): DocumentSide[] {
  if (route === 'face') return [];
  const side = headers['side-type'] as DocumentSide | undefined;
  if (side) return [side];
  return headers['document-type'] !== 'passport' && images.length === 2 ? ['front', 'back'] : ['front'];
}

const attemptsExhausted = (): HttpError =>
  new HttpError(409, 'attempts-exhausted', 'This session has no attempts left; start a new one.');

/**
 * The session's step must be this upload's (409 otherwise), and an attempt must be left (409): both
 * checked before FPT.AI is called. Takes the attempt, and answers the document evidence on record.
 * Which side a picture shows is FPT.AI's reading to say (the front sent again as the back is read as a
 * front): bytes alone prove nothing, since two photos of one card can be the same bytes.
 */
export async function admit(exchange: Exchange, upload: Omit<Upload, 'evidence'>): Promise<string> {
  const { sessions, options } = exchange;
  const { sessionId, route, session } = upload;
  const [{ front, back }, final] = await Promise.all([sessions.sides(sessionId), sessions.final(sessionId)]);
  // A final result whose onComplete failed before is kept now, whatever comes after.
  if (final) await completeOnce(exchange, sessionId);
  const onRecord = { front, back, final: final !== null };
  const max = route === 'ocr' ? options.limits.ocrAttemptsPerSession : options.limits.faceAttemptsPerSession;
  if (route === 'ocr') {
    admitDocument(session, onRecord, upload.headers['document-type'] as EkycDocumentType, upload.sides);
    // Mismatched pictures give their attempt back, but are not free without end.
    if ((await sessions.sideMismatches(sessionId)) >= max) throw attemptsExhausted();
  } else {
    admitFace(session, onRecord);
  }
  if ((await sessions.takeAttempt(sessionId, route)) > max) {
    await sessions.giveBack(sessionId, route);
    throw attemptsExhausted();
  }
  return evidenceOf(front, back);
}
