/** The Payor API's origin when none is configured (payor-api.md, "Base URLs"). A module of its own: the first paint needs it, not the client. */
export const DEFAULT_API_BASE = 'https://api-beta.pepay.io';
