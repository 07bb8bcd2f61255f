/** What the checkout's live region says: in the first paint, with the region. */
import type {CheckoutState, Connection} from '../../checkout/types.js';
import type {Messages} from '../../i18n/en.js';

/** What a screen reader hears (politely) when the step changes; null: the heading says it when focused. */
export function stepAnnouncement(step: CheckoutState['step'], m: Messages): string | null {
  const said: Partial<Record<CheckoutState['step'], string>> = {
    confirming: m.confirmingTitle,
    underpaid: m.underpaidTitle,
    paid: m.paidTitle,
    expired: m.expiredTitle,
    canceled: m.canceledTitle,
  };
  return said[step] ?? null;
}

/**
 * The live region's words, in the checkout's language: the browser offline, else the step last
 * announced, else an outage ("Reconnecting…", once per outage). A step comes first: `announced`
 * is cleared as an outage begins, so one said meanwhile is news newer than the outage (a partial
 * payment counted by polls is not held back until the stream has been healthy for 10 s).
 */
export function liveText(connection: Connection, outage: boolean, announced: CheckoutState['step'] | null, m: Messages): string {
  if (connection === 'offline') return m.offline;
  return (announced && stepAnnouncement(announced, m)) ?? (outage ? m.reconnecting : '');
}
