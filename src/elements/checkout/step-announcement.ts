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
 * The live region's words, in the checkout's language: the browser offline, else the step last
 * announced (`title`: its heading now), else an outage ("Reconnecting…", once per outage). A step
 * comes first: `announced` is cleared as an outage begins, so one said meanwhile is news newer
 * than the outage (a partial payment counted by polls is not held back until the stream has been
 * healthy for 10 s).
 */
export function liveText(
  connection: Connection,
  outage: boolean,
  announced: CheckoutState['step'] | null,
  title: string | null,
  m: Messages,
): string {
  if (connection === 'offline') return m.offline;
  return (announced && SAID.has(announced) && title) || (outage ? m.reconnecting : '');
}
