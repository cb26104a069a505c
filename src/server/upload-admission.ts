import { completeOnce } from './completion.js';
import type { Exchange } from './context.js';
import { pictureDigest, sideMismatch } from './document-evidence.js';
import { HttpError } from './errors.js';
import type { Image } from './inspect.js';
import type { EkycDocumentType } from './policy.js';
import type { UploadRoute } from './rules.js';
import { admitDocument, admitFace } from './session-steps.js';
import { evidenceOf, type SideOnRecord, type Side } from './sessions.js';
import type { Upload } from './upload-record.js';

/** The sides an OCR upload is for: its `side-type`, a passport's one page, or front and back together. */
export function sidesOf(route: UploadRoute, headers: Record<string, string>, images: readonly Image[]): Side[] {
  if (route === 'face') return [];
  const side = headers['side-type'] as Side | undefined;
  if (side) return [side];
  return headers['document-type'] !== 'passport' && images.length === 2 ? ['front', 'back'] : ['front'];
}

const attemptsExhausted = (): HttpError =>
  new HttpError(409, 'attempts-exhausted', 'This session has no attempts left; start a new one.');

/** The very photo of the front, sent again as the back (alone, or beside itself), is refused without asking FPT.AI. */
function refuseFrontAsBack(upload: Omit<Upload, 'evidence'>, front: SideOnRecord | null): void {
  const documentType = upload.headers['document-type'] as EkycDocumentType;
  const digests = upload.images.map((image) => pictureDigest(image.data));
  const backIndex = upload.sides.indexOf('back');
  const frontDigest = upload.sides[0] === 'front' ? digests[0] : front?.image;
  if (backIndex >= 0 && digests[backIndex] === frontDigest) {
    throw sideMismatch(documentType, upload.sides, { documentType, side: 'front' });
  }
}

/**
 * The session's step must be this upload's (409 otherwise), the picture not the front again (422),
 * and an attempt must be left (409): all checked before FPT.AI is called. Takes the attempt, and
 * answers the document evidence on record.
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
    refuseFrontAsBack(upload, front);
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
