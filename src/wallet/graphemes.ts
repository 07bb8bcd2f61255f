/**
 * `text` as the characters a reader sees: extended grapheme clusters (Unicode UAX #29, through
 * `Intl.Segmenter`), so a cut never splits a flag, a skin tone or a keycap. Code points where the
 * browser has no `Intl.Segmenter`.
 */
export function graphemes(text: string): string[] {
  if (typeof Intl.Segmenter !== 'function') return Array.from(text);
  return Array.from(new Intl.Segmenter(undefined, {granularity: 'grapheme'}).segment(text), (part) => part.segment);
}
