/**
 * `text` as the characters a reader sees, one at a time: extended grapheme clusters (Unicode
 * UAX #29, through `Intl.Segmenter`), so a cut never splits a flag, a skin tone or a keycap. Code
 * points where the browser has no `Intl.Segmenter`. Lazy: a cut reads only what it keeps.
 */
export function* graphemes(text: string): Generator<string> {
  if (typeof Intl.Segmenter !== 'function') {
    yield* text;
    return;
  }
  for (const part of new Intl.Segmenter(undefined, {granularity: 'grapheme'}).segment(text)) yield part.segment;
}
