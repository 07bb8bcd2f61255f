/**
 * How long a wallet's announced name may be as the checkout shows and keeps it: 60 characters as
 * seen (grapheme clusters) and 240 UTF-16 units (a flag is 4, an emoji sequence more). The place
 * store takes back any name discovery could give, or a reload would drop the payer's wait.
 */
export const MAX_NAME_LENGTH = 60;
export const MAX_NAME_UNITS = 240;
