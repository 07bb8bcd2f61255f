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
 * The live region's words, in the checkout's language: the browser offline, an outage
 * ("Reconnecting…", once per outage), else the step last announced.
 */
export function liveText(connection: Connection, outage: boolean, announced: CheckoutState['step'] | null, m: Messages): string {
  if (connection === 'offline') return m.offline;
  if (outage) return m.reconnecting;
  return (announced && stepAnnouncement(announced, m)) ?? '';
}
