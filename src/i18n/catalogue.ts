/**
 * The checkout's languages (issue 12). English is the source: `en` (the first screen, in the
 * first-paint bundle) and `enViews` (the lazy views' strings, in their chunks). Every other locale
 * is one chunk of its own (src/i18n/locales/<tag>.ts) holding both, with exactly English's keys:
 * `satisfies Catalogue` makes a missing or extra key a type error.
 */
import type {Messages} from './en.js';
import type {ViewMessages} from './en-views.js';

export interface Catalogue {
  messages: Messages;
  views: ViewMessages;
}

/** The shipped catalogues' BCP 47 tags, English first. */
export const LOCALES = [
  'en',
  'es',
  'pt-BR',
  'fr',
  'de',
  'it',
  'nl',
  'pl',
  'tr',
  'ru',
  'uk',
  'ar',
  'he',
  'hi',
  'id',
  'vi',
  'th',
  'ja',
  'ko',
  'zh-CN',
] as const;
export type Locale = (typeof LOCALES)[number];

/**
 * The shipped locales written right to left (Arabic, Hebrew): the checkout gets `dir="rtl"` from
 * its first paint, before their words arrive, so the card does not flip under the payer's eyes.
 */
export const RIGHT_TO_LEFT: ReadonlySet<Locale> = new Set(['ar', 'he']);

/** Each locale's chunk (the script-tag build makes one per file). */
export const CATALOGUES: Readonly<Record<Exclude<Locale, 'en'>, () => Promise<{default: Catalogue}>>> = {
  es: () => import('./locales/es.js'),
  'pt-BR': () => import('./locales/pt-BR.js'),
  fr: () => import('./locales/fr.js'),
  de: () => import('./locales/de.js'),
  it: () => import('./locales/it.js'),
  nl: () => import('./locales/nl.js'),
  pl: () => import('./locales/pl.js'),
  tr: () => import('./locales/tr.js'),
  ru: () => import('./locales/ru.js'),
  uk: () => import('./locales/uk.js'),
  ar: () => import('./locales/ar.js'),
  he: () => import('./locales/he.js'),
  hi: () => import('./locales/hi.js'),
  id: () => import('./locales/id.js'),
  vi: () => import('./locales/vi.js'),
  th: () => import('./locales/th.js'),
  ja: () => import('./locales/ja.js'),
  ko: () => import('./locales/ko.js'),
  'zh-CN': () => import('./locales/zh-CN.js'),
};

/** Old and alternative language codes (Hebrew's `iw`, Indonesian's `in`) and Chinese scripts. */
const ALIASES: Readonly<Record<string, Locale>> = {iw: 'he', in: 'id', 'zh-hans': 'zh-CN'};

/**
 * The shipped catalogue for a BCP 47 tag, or null: the tag itself, else its language's
 * (`pt-PT` → `pt-BR`, `de-AT` → `de`, `zh-Hans-CN` → `zh-CN`).
 */
export function shippedLocale(tag: string): Locale | null {
  const lower = tag.toLowerCase();
  const exact = LOCALES.find((locale) => locale.toLowerCase() === lower);
  if (exact) return exact;
  const [language = '', script = ''] = lower.split('-');
  // Traditional Chinese (zh-Hant, zh-TW, zh-HK, zh-MO) is not Simplified: English until it has its own.
  if (language === 'zh' && /^(hant|tw|hk|mo)$/.test(script)) return null;
  // Own keys only: a tag such as `__proto__` or `constructor` names no catalogue.
  const own = (key: string) => (Object.hasOwn(ALIASES, key) ? ALIASES[key] : undefined);
  const alias = own(`${language}-${script}`) ?? own(language);
  if (alias) return alias;
  return LOCALES.find((locale) => locale.split('-')[0]!.toLowerCase() === language) ?? null;
}
