/**
 * Whether this origin keeps any checkout's place (src/controllers/place-store.ts). Without one, a
 * load has nothing to restore, and neither it nor the script-tag entries fetch the place store's
 * chunk before the first screen: a first visit's token list waits only for the first screen.
 */

/** The prefix of every kept place's `localStorage` key: `<prefix><invoice id>:<hash of the session token>`. */
export const PLACE_PREFIX = 'pepay-checkout:v1:';

/** True when this origin's `localStorage` holds a key of a kept place; false without one, or without storage (missing or refused). */
export function placesKept(): boolean {
  try {
    return Object.keys(localStorage).some((key) => key.startsWith(PLACE_PREFIX));
  } catch {
    // A sandboxed frame or a blocked origin throws on access: nothing can be restored.
    return false;
  }
}
