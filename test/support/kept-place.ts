/** What a checkout kept of the payer's place for a reload or another tab, read as a test sees it. */
import {waitUntil} from '@open-wc/testing';
import {placeKey} from '../../src/controllers/place-store.js';
import type {Remembered} from '../../src/checkout/remembered.js';
import type {Session} from './sandbox.js';

/** The place kept for session `s` (its signed text, unchecked), or null when none is stored. */
function keptPlace(s: Session): Remembered | null {
  const raw = localStorage.getItem(placeKey(s.invoice_id, s.session_token));
  if (!raw) return null;
  return (JSON.parse((JSON.parse(raw) as {text: string}).text) as {place: Remembered}).place;
}

/**
 * Waits until the place kept for `s` holds what `holds` looks for. A checkout writes its place a
 * moment after it changes (its chunk, then Web Crypto): a tab or a reload opened before that reads
 * the place before, as it would on a payer's machine.
 */
export async function placeKept(s: Session, what: string, holds: (place: Remembered) => unknown): Promise<void> {
  await waitUntil(
    () => {
      const place = keptPlace(s);
      return place !== null && holds(place);
    },
    `place kept: ${what}`,
    {timeout: 10_000},
  );
}
