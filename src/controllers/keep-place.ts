/**
 * Keeps a checkout's place for a reload or another tab (an ended invoice: its last screen's
 * figures), from each state it commits. The store itself is a chunk of its own (./place-store.ts),
 * fetched with the first requests where the origin keeps a place (./kept-places.ts), else with the
 * first write.
 */
import {isTerminal} from '../checkout/state.js';
import type {CheckoutState, Effect} from '../checkout/types.js';

type PlaceStore = typeof import('./place-store.js');
let store: Promise<PlaceStore> | null = null;

/**
 * The place store's chunk, asked for once: every caller's `then` hangs on the one promise, so they
 * run in the order they were made. Separate `import()` calls of a chunk still on its way settle in
 * any order (Chromium): a review saw a payer's address, picked before the chunk had arrived, written
 * over by the token list's older place. Rejects with the import's error when the chunk cannot be
 * fetched; the next call asks for it again.
 */
export function placeStore(): Promise<PlaceStore> {
  store ??= import('./place-store.js').catch((error: unknown) => {
    store = null;
    throw error;
  });
  return store;
}

/** What a kept place is made of: a commit that changes none of it (stream frames, the connection) writes nothing. */
const keptOf = (s: CheckoutState) => [
  isTerminal(s.step),
  s.questionsAnswered,
  s.emailDone,
  s.address,
  s.quotedRemainingUsd,
  s.quoteExpiresAtMono,
  s.walletTx,
  s.detected,
  s.paidAt,
  s.payments,
  s.pendingPayments,
  s.invoiceStatus,
  s.amountRemainingUsd,
];

/**
 * Writes the place of `state` (just committed after `previous`) under its session, when it
 * changed, and tells the session's other checkouts once it is stored: through `link`, the
 * checkout's running realtime link, else on the session's channel itself (a checkout off the page).
 */
export function keepPlace(
  previous: CheckoutState,
  state: CheckoutState,
  sessionToken: string,
  link: {placeKept(key: string): void} | null,
): void {
  if (!state.invoiceId || state.step === 'loading' || state.step === 'error') return;
  const before = keptOf(previous);
  if (previous.invoiceId === state.invoiceId && keptOf(state).every((value, i) => value === before[i])) return;
  const [invoiceId, wallNow, monoNow] = [state.invoiceId, Date.now(), performance.now()];
  // Writes keep their order (placeStore), and the store lets the last one asked for win.
  placeStore().then(
    (store) => {
      const key = store.placeKey(invoiceId, sessionToken);
      return store
        .writePlace(key, sessionToken, store.rememberedOf(state, wallNow, monoNow))
        .then((stored) => stored && (link ? link.placeKept(key) : store.tellPlaceKept(sessionToken, key)));
    },
    () => undefined,
  );
}

/**
 * Opens the stream a `watch` effect names (`open`), and keeps it for a reload of this tab. With
 * none (a place a reload restored), opens the one this tab kept, read from the store's chunk
 * (loaded already: the place came from it), unless `current()` says another watch came meanwhile.
 */
export function watchStream(
  effect: Extract<Effect, {type: 'watch'}>,
  invoiceId: string | null,
  sessionToken: string | undefined,
  open: (wsToken: string | null, wsPath: string) => void,
  current: () => boolean,
): void {
  const {wsToken, wsPath} = effect;
  if (wsToken || !invoiceId || !sessionToken) {
    open(wsToken, wsPath);
    if (wsToken && invoiceId && sessionToken) {
      placeStore().then(
        (store) => store.keepStream(store.placeKey(invoiceId, sessionToken), {wsToken, wsPath}),
        () => undefined,
      );
    }
    return;
  }
  placeStore()
    .then(
      (store) => store.keptStream(store.placeKey(invoiceId, sessionToken)),
      () => null,
    )
    .then((kept) => current() && open(kept?.wsToken ?? null, kept?.wsPath ?? wsPath));
}
