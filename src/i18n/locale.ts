import {shippedLocale, type Locale} from './catalogue.js';

/**
 * The merchant's `locale` as given: anything but a string (`navigator.languages`, say) counts as
 * none. A POSIX or Java form (`de_DE`) is read as its BCP 47 tag (`de-DE`).
 */
export function explicitLocale(value: unknown): string {
  return typeof value === 'string' ? bcp47(value) : '';
}

const bcp47 = (tag: string) => tag.replace(/_/g, '-');

/**
 * The locale an element speaks (README, "Languages and accessibility"): its own `locale`, else the
 * nearest `lang` attribute walking up through shadow roots to their hosts (so a checkout inside
 * the modal, or inside a merchant's own component, hears the page's language), else the browser's.
 * Returns a canonical BCP 47 tag; 'en' when none is valid.
 */
export function resolveLocale(element: Element, locale: unknown): string {
  const tag = explicitLocale(locale) || inheritedLang(element) || browserTag() || 'en';
  try {
    return Intl.getCanonicalLocales(tag)[0] ?? 'en';
  } catch {
    return 'en';
  }
}

/** The nearest `lang` at or above `from`, across shadow boundaries; null when there is none. */
export function inheritedLang(from: Element): string | null {
  let node: Element | null = from;
  while (node) {
    const found: Element | null = node.closest('[lang]');
    if (found) return bcp47(found.getAttribute('lang')!);
    const root = node.getRootNode();
    node = root instanceof ShadowRoot ? root.host : null;
  }
  return null;
}

/**
 * The shipped catalogue an element speaks: its `locale`, else the nearest `lang`, each falling
 * back by language (`pt-PT` → `pt-BR`) and then to English; with neither, the first of the
 * browser's languages that has a catalogue (`browserTag`).
 */
export function catalogueLocale(element: Element, explicit: string): Locale {
  return shippedLocale(explicit || inheritedLang(element) || browserTag()) ?? 'en';
}

/**
 * The first of the browser's languages that has a catalogue (`de-CH` for `gsw, de-CH`: German
 * words, Swiss numbers), else the browser's first; '' outside a browser.
 */
function browserTag(): string {
  if (typeof navigator === 'undefined') return '';
  const preferred = navigator.languages ?? [navigator.language];
  // A language the payer asked for in a form we do not ship (zh-TW) is not answered by a later,
  // looser tag of it (the bare `zh` browsers add): Simplified for Traditional readers is worse than
  // English. A form the payer names (zh-CN after zh-TW) is theirs to ask.
  const refused = new Set<string>();
  for (const tag of preferred) {
    const language = tag.split('-')[0]!.toLowerCase();
    if (!tag || (refused.has(language) && tag.toLowerCase() === language)) continue;
    if (shippedLocale(tag)) return tag;
    refused.add(language);
  }
  return navigator.language;
}

/**
 * The tag numbers, dates and plurals follow: `tag` (the element's, the page's or the browser's)
 * when it is in the words' language (`es-MX` for Spanish words), else the words' own, so a card
 * never reads German words with Chinese dates, nor English words with Chinese plural rules.
 */
export function formatLocale(tag: string, words: Locale): string {
  return tag.split('-')[0] === words.split('-')[0] ? tag : words;
}
