/**
 * A locale-formatted value as the checkout shows it: isolated between FSI and PDI
 * (src/checkout/format.ts `isolate`), so that its direction cannot reorder the sentence around it.
 */
export const isolated = (formatted: string): string => `\u2068${formatted}\u2069`;
