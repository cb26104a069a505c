import type { OcrField } from '../api/types.js';
import { codeDate } from './parse.js';
import type { CccdCrossCheck, CccdQrFields, CrossCheckResult } from './types.js';

/** The OCR keys of the values the code also holds. */
export const OCR_KEYS = { id: 'ID', name: 'Name', dateOfBirth: 'Date of birth', sex: 'Sex', issueDate: 'Issue Date' } as const;

type Compared = keyof typeof OCR_KEYS;

/** Names compared as people read them: Unicode NFC, any case, any run of spaces. */
const nameKey = (text: string): string => text.normalize('NFC').toLocaleLowerCase('vi').replace(/\s+/g, ' ').trim();

const digits = (text: string): string => text.replace(/\D/g, '');

/** `dd/mm/yyyy` (or with `-`, `.`, spaces) as the OCR prints it → `yyyy-mm-dd`. */
export function printedDate(text: string): string | null {
  const match = /^\s*(\d{1,2})\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*(\d{4})\s*$/.exec(text);
  if (!match) return null;
  const [, day = '', month = '', year = ''] = match;
  return codeDate(`${day.padStart(2, '0')}${month.padStart(2, '0')}${year}`);
}

function sexKey(text: string): 'male' | 'female' | null {
  const key = nameKey(text);
  if (key === 'nam' || key === 'male' || key === 'm') return 'male';
  if (key === 'nữ' || key === 'nu' || key === 'female' || key === 'f') return 'female';
  return null;
}

/** Each compared value, normalised: `null` when it is absent or unreadable. */
const READERS: Record<Compared, (text: string) => string | null> = {
  id: (text) => digits(text) || null,
  name: (text) => nameKey(text) || null,
  dateOfBirth: (text) => printedDate(text) ?? codeDate(text),
  sex: sexKey,
  issueDate: (text) => printedDate(text) ?? codeDate(text),
};

function compare(key: Compared, code: string | null, ocr: string | null | undefined): CrossCheckResult {
  const read = READERS[key];
  // The code's dates are already `yyyy-mm-dd`.
  const fromCode = code === null ? null : key === 'dateOfBirth' || key === 'issueDate' ? code : read(code);
  const fromOcr = ocr == null ? null : read(ocr);
  if (fromCode === null || fromOcr === null) return 'missing';
  return fromCode === fromOcr ? 'match' : 'mismatch';
}

/**
 * The code's values against what the OCR read on the same card (fields by key, both sides merged):
 * ID number (digits), name, date of birth, sex and issue date.
 */
export function crossCheck(code: CccdQrFields, ocr: Readonly<Record<string, Pick<OcrField, 'value'>>>): CccdCrossCheck {
  const result = {} as CccdCrossCheck;
  for (const key of Object.keys(OCR_KEYS) as Compared[]) {
    result[key] = compare(key, code[key], ocr[OCR_KEYS[key]]?.value);
  }
  return result;
}
