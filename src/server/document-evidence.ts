import type { DocumentSide } from '../api/types.js';
import { apiString } from '../api/values.js';
import { HttpError } from './errors.js';
import { fingerprintOf } from './idempotency.js';
import type { EkycDocumentType } from './policy.js';

/** What a reading shows: a document type and side, each `null` when the fields do not tell. */
export interface Shown {
  documentType: EkycDocumentType | null;
  side: DocumentSide | null;
}

/** Names a picture by its bytes: the same photo sent twice has the same digest. */
export const pictureDigest = (data: Uint8Array): string => fingerprintOf([data]);

/** The keys of the fields FPT.AI read with a value (not empty, not `N/A`). */
export function fieldsRead(response: Readonly<Record<string, unknown>>): Set<string> {
  const data = response['data'];
  const keys = new Set<string>();
  if (!Array.isArray(data)) return keys;
  for (const field of data as unknown[]) {
    if (typeof field !== 'object' || field === null) continue;
    const { key, value } = field as { key?: unknown; value?: unknown };
    if (typeof key === 'string' && apiString(value) !== null) keys.add(key);
  }
  return keys;
}

const has = (fields: Set<string>, ...keys: string[]): boolean => keys.every((key) => fields.has(key));

/** The holder's number a front's reading gives (`ID`); `null` when none was read. */
export function holderOf(response: Readonly<Record<string, unknown>>): string | null {
  const data = response['data'];
  if (!Array.isArray(data)) return null;
  const field = (data as unknown[]).find((each) => typeof each === 'object' && each !== null && (each as { key?: unknown }).key === 'ID');
  return field ? apiString((field as { value?: unknown }).value) : null;
}

/** A front: the holder's number and name. */
const frontFields = (fields: Set<string>): boolean => has(fields, 'ID', 'Name');
/** A back: the date of issue, and where it was issued or the holder's features. */
const backFields = (fields: Set<string>): boolean => fields.has('Issue Date') && (fields.has('Issue Location') || fields.has('Features'));

/** The reading is of a front, alone or with its back. */
export const readsFront = (fields: Set<string>): boolean => frontFields(fields);

/**
 * What one page's reading shows, the most telling description first: a passport's data page has the
 * holder and the date of issue on one page; a driving licence's front has its class; a card's
 * front the holder's number and name; a back the issue details (a feature line is an ID card's).
 */
export function shownBy(fields: Set<string>): Shown {
  if (frontFields(fields) && fields.has('Issue Date')) return { documentType: 'passport', side: 'front' };
  if (frontFields(fields) && fields.has('Class')) return { documentType: 'dlr', side: 'front' };
  if (frontFields(fields)) return { documentType: 'idr', side: 'front' };
  if (backFields(fields)) return { documentType: fields.has('Features') ? 'idr' : null, side: 'back' };
  return { documentType: null, side: null };
}

/** The reading shows what the upload says it is: `documentType`'s `sides`, no more, no less. */
export function shows(documentType: EkycDocumentType, sides: readonly DocumentSide[], fields: Set<string>): boolean {
  if (sides.length === 2) {
    // Front and back in one reading: both sides' fields, and a licence's class on a licence only.
    return frontFields(fields) && backFields(fields) && fields.has('Class') === (documentType === 'dlr');
  }
  const shown = shownBy(fields);
  if (sides[0] === 'back') return shown.side === 'back' && (shown.documentType === null || shown.documentType === documentType);
  return shown.side === 'front' && shown.documentType === documentType;
}

const documentName = (documentType: EkycDocumentType | null): string =>
  documentType === 'passport' ? 'a passport' : documentType === 'dlr' ? 'a driving licence' : documentType === 'idr' ? 'an ID card' : 'a document';

const seen = ({ documentType, side }: Shown): string => {
  if (documentType === 'passport') return 'a passport';
  return side ? `the ${side} of ${documentName(documentType)}` : 'no document side this server can tell';
};

const wanted = (documentType: EkycDocumentType, sides: readonly DocumentSide[]): string =>
  documentType === 'passport' ? 'a passport' : `the ${sides.join(' and ')} of ${documentName(documentType)}`;

/**
 * `422 side-mismatch`: the picture is not what the upload says. `expected` is what was declared
 * (`side: null` for front and back together), `looksLike` what the reading seems to show.
 */
export function sideMismatch(documentType: EkycDocumentType, sides: readonly DocumentSide[], looksLike: Shown): HttpError {
  const expected = { documentType, side: sides.length === 1 ? (sides[0] ?? null) : null };
  return new HttpError(422, 'side-mismatch', `This picture looks like ${seen(looksLike)}, not ${wanted(documentType, sides)}.`, {
    details: { expected, looksLike },
  });
}
