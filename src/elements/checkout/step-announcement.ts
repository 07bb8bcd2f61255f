/** What the checkout's live region says: in the first paint, with the region. */
import type {CheckoutState, Connection} from '../../checkout/types.js';
import type {Messages} from '../../i18n/en.js';

/**
 * The steps a screen reader is told of (politely) by the live region, in the words of their
 * heading (so a wait only the wallet reported is "Sent from your wallet", as on screen); the
 * others are said by their heading when it takes focus.
 */
const SAID: ReadonlySet<CheckoutState['step']> = new Set(['confirming', 'underpaid', 'paid', 'expired', 'canceled']);

/** What the live region speaks of: a step, and the words it was said in when they were fixed at the change. */
export interface Announced {
  step: CheckoutState['step'];
  words: string | null;
}

/**
 * A step change the live region speaks of. A wait that fails back to the payment view (the
 * payment failed, or the wallet's transaction did) is said in the heading's words at the change,
 * once: that heading then follows every price refresh, which is no news, and the view coming back
 * on a reload or a token chosen is not said either.
 */
export function announce(step: CheckoutState['step'], previous: CheckoutState['step'], title: () => string | null): Announced {
  return {step, words: step === 'awaiting-payment' && previous === 'confirming' ? title() : null};
}

/**
 * The live region's words, in the checkout's language: the browser offline, else the step last
 * announced (its fixed words, else its heading now: `title`), else an outage ("Reconnecting…",
 * once per outage). A step comes first: `announced` is cleared as an outage begins, so one said
 * meanwhile is news newer than the outage (a partial payment counted by polls is not held back
 * until the stream has been healthy for 10 s).
 */
export function liveText(connection: Connection, outage: boolean, announced: Announced | null, title: string | null, m: Messages): string {
  if (connection === 'offline') return m.offline;
  return announced?.words || (announced && SAID.has(announced.step) && title) || (outage ? m.reconnecting : '');
}
