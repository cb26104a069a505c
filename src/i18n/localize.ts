import { en, type EkycStrings, type StringKey } from './en.js';
import { vi } from './vi.js';

export type Lang = 'vi' | 'en';

export const LANGUAGES: Record<Lang, EkycStrings> = { vi, en };

export const isStringKey = (key: string): key is StringKey => Object.hasOwn(en, key);

/** `vi`, `vi-VN`, `EN-us`… → a supported language, or `null`. */
export function normaliseLang(value: string | null | undefined): Lang | null {
  const primary = (value ?? '').trim().toLowerCase().split(/[-_]/)[0];
  return primary === 'vi' || primary === 'en' ? primary : null;
}

/** Looks a string up in `lang`, with the integrator's overrides first, and fills `{name}` placeholders. */
export function translate(
  lang: Lang,
  key: StringKey,
  overrides?: Partial<EkycStrings>,
  values: Record<string, string | number> = {},
): string {
  const text = overrides?.[key] ?? LANGUAGES[lang][key];
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => String(values[name] ?? whole));
}

export type { EkycStrings, StringKey };
