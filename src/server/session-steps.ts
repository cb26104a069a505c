import type { DocumentSide } from '../api/types.js';
import { HttpError } from './errors.js';
import type { EkycDocumentType, SessionPolicy } from './policy.js';

/**
 * Where a session stands, from what is on record: the document's sides in order (a passport has a
 * front only), then the face (full flow), then the final result. Sides on record are never replaced,
 * so a session only moves forward.
 */
export type SessionStep = 'document-front' | 'document-back' | 'face' | 'final';

/** What the step is read from. */
export interface OnRecord {
  front: { documentType: string } | null;
  back: { documentType: string } | null;
  final: boolean;
}

export function stepOf(policy: SessionPolicy, onRecord: OnRecord): SessionStep {
  if (onRecord.final) return 'final';
  if (!onRecord.front) return 'document-front';
  if (onRecord.front.documentType !== 'passport' && !onRecord.back) return 'document-back';
  return policy.flow === 'full' ? 'face' : 'final';
}

/** The document's evidence is complete: its front, and its back unless it is a passport. */
export const documentComplete = (onRecord: OnRecord): boolean =>
  onRecord.front !== null && (onRecord.front.documentType === 'passport' || onRecord.back !== null);

export const sessionComplete = (): HttpError =>
  new HttpError(409, 'session-complete', 'This session already has its result.');

export const outOfOrder = (message: string): HttpError => new HttpError(409, 'out-of-order', message);

/** Refuses a document upload that is not the session's next step (`409`), before FPT.AI is called. */
export function admitDocument(policy: SessionPolicy, onRecord: OnRecord, documentType: EkycDocumentType, sides: readonly DocumentSide[]): void {
  if (documentType === 'passport' && sides.includes('back')) {
    throw new HttpError(400, 'bad-header', 'A passport has one page: send it without side-type back.');
  }
  switch (stepOf(policy, onRecord)) {
    case 'final':
      throw sessionComplete();
    case 'face':
      throw outOfOrder('The document has been read: the selfie comes next.');
    case 'document-front':
      if (sides[0] !== 'front') throw outOfOrder('Send the front of the document first.');
      return;
    case 'document-back':
      if (sides.includes('front')) throw outOfOrder('The front has been read: the back comes next.');
      if (onRecord.front?.documentType !== documentType) {
        throw outOfOrder(`The back must be of the document whose front was read (${onRecord.front?.documentType ?? 'none'}).`);
      }
  }
}

/** Refuses a selfie that is not the session's next step (`409`), before FPT.AI is called. */
export function admitFace(policy: SessionPolicy, onRecord: OnRecord): void {
  const step = stepOf(policy, onRecord);
  if (step === 'final') throw sessionComplete();
  if (policy.flow === 'document-only') throw outOfOrder('This session checks the document only.');
  if (step !== 'face') throw outOfOrder('Send the document first: the selfie is checked against it.');
}
