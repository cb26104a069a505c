// What the flow uses: one reader for the page (its worker stopped when idle), and the code checked against the OCR.
import type { OcrField } from '../api/types.js';
import { crossCheck } from './cross-check.js';
import { createQrReader, type QrReader } from './reader.js';
import type { CccdCrossCheck, CccdQrReading } from './types.js';

/** One side of an ID card: what its picture's code gave, and the card's cross-check with what has been read so far. */
export interface CardQr {
  qr: CccdQrReading | null;
  crossCheck: CccdCrossCheck | null;
}

/** A side read earlier: its OCR fields and what its code gave. */
export interface EarlierSide {
  fields: Readonly<Record<string, OcrField>>;
  qr?: CccdQrReading | null;
}

/** The worker and its wasm are let go this long after the last picture. */
const IDLE_MS = 60_000;

let shared: { assetsBase: string; reader: QrReader } | null = null;
let idle: ReturnType<typeof setTimeout> | undefined;

function readerFor(assetsBase: string): QrReader {
  clearTimeout(idle);
  if (shared?.assetsBase !== assetsBase) {
    shared?.reader.dispose();
    shared = { assetsBase, reader: createQrReader({ assetsBase }) };
  }
  const current = shared;
  idle = setTimeout(() => {
    current.reader.dispose();
    if (shared === current) shared = null;
  }, IDLE_MS);
  return current.reader;
}

/** Starts loading the decoder (an ID card flow has begun). */
export function prepareCardQr(assetsBase: string): void {
  readerFor(assetsBase).prepare();
}

/** The code in one side's picture, or `null`; never rejects. */
export async function readCardQr(assetsBase: string, image: Blob): Promise<CccdQrReading | null> {
  const reading = await readerFor(assetsBase).read(image);
  readerFor(assetsBase);
  return reading;
}

/** The side's code, and the card's code (this side's, or an earlier side's) checked against every field read so far. */
export function cardQr(qr: CccdQrReading | null, fields: Readonly<Record<string, OcrField>>, earlier: EarlierSide | null): CardQr {
  const code = qr ?? earlier?.qr ?? null;
  return { qr, crossCheck: code ? crossCheck(code.fields, { ...earlier?.fields, ...fields }) : null };
}
