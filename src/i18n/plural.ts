/**
 * Plural messages: one function per CLDR plural category the language uses (`Intl.PluralRules`),
 * `other` always. English needs `one` and `other`; Russian `one`, `few`, `many`, `other`; Arabic
 * all six; Japanese only `other`.
 */
export type Plural = {other: (count: string) => string} & Partial<Record<Exclude<Intl.LDMLPluralRule, 'other'>, (count: string) => string>>;

/** Declares a plural message (so every locale may give its own categories). */
export const plural = (forms: Plural): Plural => forms;

/** The message for `count` in `locale`, with the count formatted in that locale. */
export function pluralize(forms: Plural, count: number, locale: string): string {
  const category = new Intl.PluralRules(locale).select(count);
  return (forms[category] ?? forms.other)(new Intl.NumberFormat(locale).format(count));
}
