/**
 * Text from the server as the card shows it: without explicit bidi embeddings, overrides and
 * isolates (U+202A to U+202E, U+2066 to U+2069; src/api/schemas/primitives.ts `readableText`).
 */
export const asShown = (text: string): string => text.replace(/[\u202a-\u202e\u2066-\u2069]/g, '');

/**
 * A locale-formatted value, or a name put in a sentence, as the checkout shows it: isolated
 * between FSI and PDI (src/checkout/format.ts `isolate`), so that its direction cannot reorder the
 * sentence around it, and as shown (`asShown`).
 */
export const isolated = (formatted: string): string => `\u2068${asShown(formatted)}\u2069`;
