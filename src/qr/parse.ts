import type { CccdQrFields, CccdQrReading } from './types.js';

const ID = /^\d{12}$/;
const OLD_ID = /^\d{9}$/;
const DATE = /^\d{8}$/;
const SEX = /^(nam|nữ|nu|male|female)$/i;

/** `ddmmyyyy` → `yyyy-mm-dd`, or `null` for anything that is not a real calendar date. */
export function codeDate(text: string): string | null {
  if (!DATE.test(text)) return null;
  const day = Number(text.slice(0, 2));
  const month = Number(text.slice(2, 4));
  const year = Number(text.slice(4, 8));
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return null;
  return `${text.slice(4, 8)}-${text.slice(2, 4)}-${text.slice(0, 2)}`;
}

const clean = (text: string): string => text.normalize('NFC').replace(/\s+/g, ' ').trim();

const NO_FIELDS: CccdQrFields = {
  id: null,
  oldId: null,
  name: null,
  dateOfBirth: null,
  sex: null,
  address: null,
  issueDate: null,
};

/**
 * Reads the fields of a citizen ID's code. The 2021 card writes, separated by `|`: the ID number, the old ID
 * (may be empty), the name, the date of birth, the sex, the address and the issue date. Readers in the wild
 * also see six fields (no old ID at all), trailing separators, and on the 2024 card content that is not
 * documented. So fields are found by what they look like, in that order, rather than by position: the first
 * 12-digit field is the ID, a 9-digit field before the name is the old ID, the first text after it the name,
 * then the date of birth, the sex, the address up to the next date, and that date is the issue date.
 */
export function parseCccdQr(raw: string): CccdQrFields {
  const parts = raw.split('|').map(clean);
  const idAt = parts.findIndex((part) => ID.test(part));
  if (idAt < 0) return { ...NO_FIELDS };
  const fields: CccdQrFields = { ...NO_FIELDS, id: parts[idAt] ?? null };
  let at = idAt + 1;
  const next = (): string | undefined => parts[at];
  // The old ID's place: a 9-digit number, or empty.
  if (next() !== undefined && (OLD_ID.test(next() ?? '') || next() === '')) {
    fields.oldId = next() || null;
    at++;
  }
  while (next() === '') at++;
  const name = next();
  if (name !== undefined && !DATE.test(name) && !/^\d+$/.test(name)) {
    fields.name = name;
    at++;
  }
  while (next() === '') at++;
  const birth = codeDate(next() ?? '');
  if (birth) {
    fields.dateOfBirth = birth;
    at++;
  }
  while (next() === '') at++;
  if (SEX.test(next() ?? '')) {
    fields.sex = next() ?? null;
    at++;
  }
  // The address runs to the next date; an address with `|` in it would otherwise be cut short.
  const address: string[] = [];
  while (next() !== undefined && !DATE.test(next() ?? '')) {
    if (next()) address.push(next() ?? '');
    at++;
  }
  if (address.length > 0 && (fields.sex !== null || fields.dateOfBirth !== null)) fields.address = address.join(', ');
  fields.issueDate = codeDate(next() ?? '');
  return fields;
}

/** The decoded text with its fields. */
export function readCccdQr(raw: string): CccdQrReading {
  return { raw, fields: parseCccdQr(raw) };
}
