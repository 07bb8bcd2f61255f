/**
 * The catalogues fetched so far, shared by every checkout of the page (two checkouts may speak two
 * languages: nothing here is "the" active locale). English is always here.
 */
import {CATALOGUES, type Catalogue, type Locale} from './catalogue.js';

const ready = new Map<Locale, Catalogue>();
const pending = new Map<Locale, Promise<boolean>>();
/** Catalogues that could not be fetched: English stands in until an element is given a new `locale`. */
const failed = new Set<Locale>();

/**
 * The catalogue of `locale` if it is here (null for English, whose strings are built in, and while
 * another is on its way or could not be fetched: `settled` runs once it has arrived or failed).
 */
export function catalogueNow(locale: Locale, settled: () => void): Catalogue | null {
  if (locale === 'en') return null;
  const found = ready.get(locale);
  if (found || failed.has(locale)) return found ?? null;
  let fetching = pending.get(locale);
  if (!fetching) {
    fetching = CATALOGUES[locale]().then(
      (module) => (ready.set(locale, module.default), true),
      () => (failed.add(locale), false),
    );
    pending.set(locale, fetching);
    void fetching.finally(() => pending.delete(locale));
  }
  void fetching.then(settled);
  return null;
}

/** Settles when every catalogue being fetched has arrived or failed; true when there were any. */
export async function cataloguesSettled(): Promise<boolean> {
  if (pending.size === 0) return false;
  await Promise.all(pending.values());
  return true;
}

/** True when the catalogue of `locale` could not be fetched (English stands in). */
export function catalogueFailed(locale: Locale): boolean {
  return failed.has(locale);
}

/** A language that could not be fetched is asked for again (the element was given a new `locale`). */
export function forgetFailure(locale: Locale): void {
  failed.delete(locale);
}
