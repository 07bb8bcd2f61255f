/** What the checkout's live region says: in the first paint, with the region. */
import type {CheckoutState, Connection} from '../../checkout/types.js';
import type {Messages} from '../../i18n/en.js';

/**
 * The steps a screen reader is told of (politely) by the live region, in the words of their
 * heading (so a wait only the wallet reported is "Sent from your wallet", as on screen); the
 * others are said by their heading when it takes focus.
 */
const SAID: ReadonlySet<CheckoutState['step']> = new Set(['confirming', 'underpaid', 'paid', 'expired', 'canceled']);

/**
 * What the live region speaks of: a step and, for a wait that failed back to the payment view,
 * the state whose heading it says (`pinned`: null until the view shows a price) and the language
 * it was pinned in (`lang`).
 */
export interface Announced {
  step: CheckoutState['step'];
  /** A first step in a modal the payer opened (its Close button has the focus): said, whichever step. */
  asked?: true;
  pinned?: CheckoutState | null;
  lang?: string;
}

/**
 * The payment view shows an amount to send (not "Refreshing the price…" or "Preparing…", as in
 * step-title.ts) at a price that has not run out: a wait can outlast its price, which the next
 * tick then refreshes. A price with no end (the checkout stopped refreshing one that kept running
 * out, and says so) is the one shown.
 */
const priced = (state: CheckoutState): boolean =>
  Boolean(state.address?.tokenAmount) && state.busy !== 'address' && (state.quoteExpiresAtMono ?? Infinity) > performance.now();

/**
 * A step change the live region speaks of. A wait that fails back to the payment view (the
 * payment failed, or the wallet's transaction did) is said in that view's heading as it reads at
 * its first price (`pin`), in the checkout's language now: the heading then follows every price
 * refresh, which is no news, and the view coming back on a reload or a token chosen is not said.
 * The first step of a checkout `inModal` is said too (not an error's, which its alert says): the
 * payer opened it, and the modal's Close button, not the heading, has the focus.
 */
export const announce = (step: CheckoutState['step'], previous: CheckoutState['step'], inModal: boolean): Announced =>
  step === 'awaiting-payment' && previous === 'confirming'
    ? {step, pinned: null}
    : inModal && previous === 'loading' && step !== 'error'
      ? {step, asked: true}
      : {step};

/**
 * Pins a failed-back announcement to the first state of the payment view that shows a price, and
 * again at the first one after the checkout's language changed: in between, the heading is said
 * as it is now (as every announced step is), not the pinned state's amount in the new words.
 */
export function pin(announced: Announced | null, state: CheckoutState, lang: string): void {
  if (announced?.pinned === undefined || (announced.pinned && announced.lang === lang)) return;
  if (state.step === announced.step && priced(state)) Object.assign(announced, {pinned: state, lang});
}

/**
 * The live region's words, in the checkout's language: the browser offline, else the step last
 * announced (in its heading's words: `titleOf`), else an outage ("Reconnecting…", once per
 * outage). A step comes first: `announced` is cleared as an outage begins, so one said meanwhile
 * is news newer than the outage (a partial payment counted by polls is not held back until the
 * stream has been healthy for 10 s).
 */
export function liveText(
  connection: Connection,
  outage: boolean,
  announced: Announced | null,
  state: CheckoutState,
  titleOf: (state: CheckoutState) => string | null,
  lang: string,
  m: Messages,
): string {
  if (connection === 'offline') return m.offline;
  const {pinned} = announced ?? {};
  const said =
    announced &&
    (pinned !== undefined
      ? pinned && titleOf(announced.lang === lang ? pinned : state)
      : (SAID.has(announced.step) || announced.asked) && titleOf(state));
  return said || (outage ? m.reconnecting : '');
}
