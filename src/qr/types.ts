/**
 * What the QR code of a Vietnamese citizen ID holds, read defensively: a field the code does not carry (or
 * carries in a shape we do not recognise) is `null`. Dates are `yyyy-mm-dd`; text is Unicode NFC.
 */
export interface CccdQrFields {
  /** The 12-digit personal identification number. */
  id: string | null;
  /** The 9-digit number of the old identity card, when the code carries one. */
  oldId: string | null;
  name: string | null;
  dateOfBirth: string | null;
  /** As the code writes it (`Nam`, `Nữ`). */
  sex: string | null;
  /** The permanent address (2021 card) or place of residence. */
  address: string | null;
  issueDate: string | null;
}

/** A code read from the card: its text exactly as decoded, and the fields found in it. */
export interface CccdQrReading {
  raw: string;
  fields: CccdQrFields;
}

export type CrossCheckResult = 'match' | 'mismatch' | 'missing';

/** The card's own code against the OCR of its printed text: `missing` when either side lacks the value. */
export interface CccdCrossCheck {
  id: CrossCheckResult;
  name: CrossCheckResult;
  dateOfBirth: CrossCheckResult;
  sex: CrossCheckResult;
  issueDate: CrossCheckResult;
}
