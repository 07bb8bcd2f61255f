/**
 * What a checkout keeps of one invoice across reloads, restored pages and new tabs (read back by
 * memory.ts): the steps the payer finished and the address they were given. Never credentials
 * (no session, no stream token). Pure; in the place store's chunk, not the first screen, as it is
 * needed only once there is something to write.
 */
import type {PaymentAddress} from '../api/schemas/address.js';
import {isTerminal} from './state.js';
import type {CheckoutState, WalletTransaction} from './types.js';

/** The parts of an address the payer was shown (nothing the server sent for the stream). */
export type RememberedAddress = Pick<PaymentAddress, 'address' | 'network' | 'tokenId' | 'tokenAmount' | 'usdAmount' | 'exchangeRate'>;

export interface Remembered {
  questionsAnswered: boolean;
  /** The e-mail step is done (saved, or skipped: the server does not remember a skip). */
  emailDone: boolean;
  /** The address shown. */
  address: RememberedAddress | null;
  /** What was still due when that address was quoted (USD). */
  quotedRemainingUsd: number | null;
  /** Wall-clock epoch ms when the address's quote runs out: the monotonic clock restarts on a reload. */
  quoteExpiresAt: number | null;
  /**
   * The transaction the payer's wallet sent to that address, so a reload waits for it instead of
   * asking for the payment again (absent in places stored before wallets).
   */
  walletTx?: WalletTransaction | null;
  /**
   * A payment to that address Pepay has seen and not yet counted, so a reload waits for it instead
   * of asking for the payment again (absent in places stored before it was kept).
   */
  detected?: CheckoutState['detected'];
  /**
   * What only the news told and the last screen shows: when the invoice was paid (epoch ms) and
   * the payments heard of (USD by payment id), for "you sent more" and what arrived before an end
   * (absent in places stored before they were kept).
   */
  paidAt?: number | null;
  payments?: Record<string, number>;
  /** The payments seen on their way and not counted yet (USD by payment id): counted if the wait for one settles. */
  pendingPayments?: Record<string, number>;
  /** The invoice's status and what was still due (USD) when kept: a wait for a payment counted since is not restored. */
  invoiceStatus?: string | null;
  dueUsd?: number | null;
}

/** What to remember of `state`; `wallNow` and `monoNow` are the same instant on both clocks. */
export function rememberedOf(state: CheckoutState, wallNow: number, monoNow: number): Remembered {
  // An ended invoice keeps only its last screen's figures: no address to go back to.
  const a = isTerminal(state.step) ? null : state.address;
  return {
    questionsAnswered: state.questionsAnswered,
    emailDone: state.emailDone,
    address: a && {
      address: a.address,
      network: a.network,
      tokenId: a.tokenId,
      tokenAmount: a.tokenAmount,
      usdAmount: a.usdAmount,
      exchangeRate: a.exchangeRate,
    },
    quotedRemainingUsd: a ? state.quotedRemainingUsd : null,
    // Whole seconds, down (a quote read back never outlives the server's): the two clocks drift by
    // a few ms between reads, which is no change worth a write.
    quoteExpiresAt:
      a && state.quoteExpiresAtMono !== null ? Math.floor((wallNow + state.quoteExpiresAtMono - monoNow) / 1000) * 1000 : null,
    // While it is waited for (a payer who went back from it is not taken back there), and on a
    // last screen, which shows it for the payer to give the merchant. A wait is kept with or
    // without its address (one whose token's price went stale is restored without it).
    walletTx: state.detected || isTerminal(state.step) ? state.walletTx : null,
    detected: state.detected,
    paidAt: state.paidAt,
    payments: state.payments,
    pendingPayments: state.pendingPayments,
    invoiceStatus: state.invoiceStatus,
    dueUsd: state.amountRemainingUsd,
  };
}
