import {readableText} from '../api/schemas/primitives.js';

/**
 * `text` as plain words for a wallet's name on a button, or for the `label` and `message` a wallet
 * shows from a payment request: each run of white space (line breaks included) as one space;
 * control and format characters (Unicode Cc, Cf: bidi overrides such as U+202E, which would show a
 * name or a message reversed, zero-width characters), unassigned code points (some are invisible,
 * as U+2065), blank fillers (Hangul fillers, the blank Braille pattern) and lone surrogates
 * dropped, as they would let a text pose as another, show nothing or show "�"; the joiners U+200C
 * and U+200D kept, as emoji sequences and Persian or Indic words are written with them; then at
 * most eight marks on a letter (`readableText`: after the rest is dropped, or what stood between
 * two runs of marks would join them). Trimmed; empty when nothing visible is left (no letter,
 * digit, punctuation or symbol: a joiner, a variation selector or a combining mark alone).
 */
export function plainText(text: string): string {
  // White space first (line breaks are Cc too, and would glue words), the rest dropped (in a `u`
  // pattern a surrogate pair is one code point: only lone surrogates match), then the spaces that
  // met around what was dropped (a zero-width space is no white space) made one.
  const plain = readableText(
    text
      .replace(/\s/gu, ' ')
      .replace(/(?![\u200c\u200d])[\p{Cc}\p{Cf}\p{Cn}\u115f\u1160\u3164\uffa0\u2800\ud800-\udfff]/gu, '')
      .replace(/ {2,}/g, ' ')
      .trim(),
  );
  // Joiners, variation selectors or combining marks alone show nothing.
  return /[\p{L}\p{N}\p{P}\p{S}]/u.test(plain) ? plain : '';
}
