import { FROZEN_MS } from '../integrity/stream-watch.js';
import { virtualCameraSignal } from '../integrity/virtual-camera.js';
import { HttpError } from './errors.js';
import type { Part } from './multipart.js';

/** The form field the element sends its integrity report in, to this server only. */
export const INTEGRITY_FIELD = 'integrity';
const MAX_BYTES = 8192;
const MAX_SIGNALS = 32;
const MAX_TEXT = 200;
const MAX_WHY = 400;
const NAME = /^[a-z][a-z0-9-]{0,39}$/;
const SIGNAL_KEYS = new Set(['name', 'value', 'why', 'flagged', 'side']);

/** One signal as the server keeps it: the page's word, re-judged where its value speaks for itself. */
export interface SignalRecord {
  name: string;
  value: string | number | boolean | null;
  flagged: boolean;
}

const bad = (why: string): HttpError => new HttpError(400, 'bad-integrity', `The integrity report is malformed: ${why}.`);

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

function valueOf(value: unknown): SignalRecord['value'] {
  if (value === null || typeof value === 'boolean') return value;
  if (typeof value === 'number' && Number.isFinite(value)) return value;
  if (typeof value === 'string' && value.length <= MAX_TEXT) return value;
  throw bad('a value is not a short string, a finite number, a boolean or null');
}

/**
 * What a value shows whatever the page says of it: a page that clears `flagged` but reports a
 * virtual camera's label, automation, a frozen run or a replaced function is flagged all the same.
 */
function flaggedByValue({ name, value }: Omit<SignalRecord, 'flagged'>): boolean {
  switch (name) {
    case 'virtual-camera':
      return typeof value === 'string' && virtualCameraSignal(value).flagged;
    case 'webdriver':
      return value === true;
    case 'frozen-frames':
      return typeof value === 'number' && value >= FROZEN_MS;
    case 'patched-media-api':
      return typeof value === 'string' && value.trim() !== '';
    default:
      return false;
  }
}

function signalOf(raw: unknown): SignalRecord {
  if (!isRecord(raw) || Object.keys(raw).some((key) => !SIGNAL_KEYS.has(key))) throw bad('a signal is not { name, value, why, flagged }');
  const { name, why, flagged } = raw;
  if (typeof name !== 'string' || !NAME.test(name)) throw bad('a signal has no valid name');
  if (typeof flagged !== 'boolean') throw bad('a signal has no flagged boolean');
  if (why !== undefined && (typeof why !== 'string' || why.length > MAX_WHY)) throw bad('a signal’s why is not a short string');
  const value = valueOf(raw['value']);
  return { name, value, flagged: flagged || flaggedByValue({ name, value }) };
}

/** The signals of an integrity part: JSON `{ signals: [...], flagged }`, checked as a hostile page's would be. */
export function parseIntegrity(data: Uint8Array): SignalRecord[] {
  if (data.byteLength > MAX_BYTES) throw bad(`it is larger than ${MAX_BYTES} bytes`);
  let report: unknown;
  try {
    report = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(data));
  } catch {
    throw bad('it is not JSON');
  }
  if (!isRecord(report) || Object.keys(report).some((key) => key !== 'signals' && key !== 'flagged')) throw bad('it is not { signals, flagged }');
  const { signals } = report;
  if (!Array.isArray(signals) || signals.length > MAX_SIGNALS) throw bad(`signals is not a list of at most ${MAX_SIGNALS}`);
  return signals.map(signalOf);
}

/**
 * An upload's parts split into its files (at most `maxFiles`: 400 `too-many-parts` past them) and its
 * integrity report: `null` when the page sent none (an older element, a script of the page's own).
 */
export function splitIntegrity(parts: readonly Part[], maxFiles: number): { files: Part[]; signals: SignalRecord[] | null } {
  const reports = parts.filter((part) => part.name === INTEGRITY_FIELD);
  const files = parts.filter((part) => part.name !== INTEGRITY_FIELD);
  if (files.length > maxFiles) throw new HttpError(400, 'too-many-parts', `The body has more than ${maxFiles} files.`);
  if (reports.length > 1) throw bad('it was sent more than once');
  const [report] = reports;
  if (report && report.filename !== undefined) throw bad('it is a file');
  return { files, signals: report ? parseIntegrity(report.data) : null };
}
