/** The API writes every value as a string and "N/A" for none: these read them. */

const isMissing = (raw: unknown): boolean =>
  raw === undefined || raw === null || raw === '' || raw === 'N/A';

export function apiString(raw: unknown): string | null {
  if (isMissing(raw)) return null;
  return typeof raw === 'string' ? raw : String(raw);
}

export function apiNumber(raw: unknown): number | null {
  if (isMissing(raw)) return null;
  const value = typeof raw === 'number' ? raw : Number(raw);
  return Number.isFinite(value) ? value : null;
}

export function apiBoolean(raw: unknown): boolean | null {
  if (typeof raw === 'boolean') return raw;
  if (typeof raw !== 'string') return null;
  const text = raw.trim().toLowerCase();
  if (text === 'true') return true;
  if (text === 'false') return false;
  return null;
}
