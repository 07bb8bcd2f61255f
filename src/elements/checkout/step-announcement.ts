/** What the checkout's live region says when the step changes: in the first paint, with the region. */
import type {CheckoutState} from '../../checkout/types.js';
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
