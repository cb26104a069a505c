import type { ElementStrings, EkycStrings, StringKey, TextKey } from './en.js';
import { vi } from './vi.js';

export type Lang = 'vi' | 'en';

/**
 * The tables at hand. Vietnamese comes with the element and is what it draws with until another
 * language has arrived; English is fetched the first time an element speaks it.
 */
const LANGUAGES: Partial<Record<Lang, ElementStrings>> = { vi };
const loads = new Map<Lang, Promise<void>>();
/** Text that came with a script of its own (the handoff's), by language. */
const ADDED: Partial<Record<Lang, Partial<EkycStrings>>> = {};

/** Adds text that came with a script of its own, in every language. */
export function addStrings(tables: Record<Lang, Partial<EkycStrings>>): void {
  for (const [lang, table] of Object.entries(tables) as [Lang, Partial<EkycStrings>][]) ADDED[lang] = { ...ADDED[lang], ...table };
}

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
 * Has the tables of `langs` (`'en'`, `'en-US'`…; Vietnamese is always there, other languages fall back to it) at
 * hand for every element, on a page or a server: a server awaits it before rendering, its markup is then in the
 * language asked for from the start.
 */
export async function loadLanguages(langs: readonly string[]): Promise<void> {
  await Promise.all(langs.map((lang) => loadLanguage(normaliseLang(lang) ?? 'vi')));
}

/**
 * Looks a string up in `lang` (in Vietnamese while that table is on its way), with the integrator's
 * overrides first, and fills `{name}` placeholders.
 */
export function translate(
  lang: Lang,
  key: TextKey,
  overrides?: Partial<EkycStrings>,
  values: Record<string, string | number> = {},
): string {
  const drawn = availableLang(lang);
  // A key of text not here yet (a script's own, not loaded) shows as itself.
  const text = overrides?.[key] ?? (LANGUAGES[drawn] as Partial<EkycStrings>)[key] ?? ADDED[drawn]?.[key] ?? key;
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => String(values[name] ?? whole));
}

export type { EkycStrings, StringKey, TextKey };
