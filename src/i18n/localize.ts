import type { EkycStrings, StringKey } from './en.js';
import { vi } from './vi.js';

export type Lang = 'vi' | 'en';

/**
 * The tables at hand. Vietnamese comes with the element and is what it draws with until another
 * language has arrived; English is fetched the first time an element speaks it.
 */
const LANGUAGES: Partial<Record<Lang, EkycStrings>> = { vi };
const loads = new Map<Lang, Promise<void>>();

export const isStringKey = (key: string): key is StringKey => Object.hasOwn(vi, key);

/** `vi`, `vi-VN`, `EN-us`… → a supported language, or `null`. */
export function normaliseLang(value: string | null | undefined): Lang | null {
  const primary = (value ?? '').trim().toLowerCase().split(/[-_]/)[0];
  return primary === 'vi' || primary === 'en' ? primary : null;
}

/** The language text can be drawn in now: `lang` once its table has arrived, Vietnamese until then. */
export const availableLang = (lang: Lang): Lang => (LANGUAGES[lang] ? lang : 'vi');

/** Fetches the table of `lang` (once; a failed fetch is tried again on the next call). */
export function loadLanguage(lang: Lang): Promise<void> {
  if (LANGUAGES[lang]) return Promise.resolve();
  let load = loads.get(lang);
  if (!load) {
    load = import('./en.js').then(({ en }) => {
      LANGUAGES.en = en;
    });
    loads.set(lang, load);
    load.catch(() => loads.delete(lang));
  }
  return load;
}

/**
 * Looks a string up in `lang` (in Vietnamese while that table is on its way), with the integrator's
 * overrides first, and fills `{name}` placeholders.
 */
export function translate(
  lang: Lang,
  key: StringKey,
  overrides?: Partial<EkycStrings>,
  values: Record<string, string | number> = {},
): string {
  const text = overrides?.[key] ?? (LANGUAGES[lang] ?? vi)[key];
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => String(values[name] ?? whole));
}

export type { EkycStrings, StringKey };
