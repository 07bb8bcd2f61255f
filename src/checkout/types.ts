import type {PepayErrorCode} from '../api/errors.js';
import type {PaymentAddress} from '../api/schemas/address.js';
import type {Environment, InvoiceStatus} from '../api/schemas/primitives.js';
import type {Question, QuestionAnswer} from '../api/schemas/questions.js';
import type {SessionDetails} from '../api/schemas/session.js';
import type {Token} from '../api/schemas/tokens.js';
import type {Verification} from '../api/schemas/verify.js';
import type {PepayEvent} from '../api/schemas/events.js';
import type * as Memory from './memory.js';
import type {Remembered} from './remembered.js';

export const STEPS = [
  'loading',
  'questions',
  'email',
  'select-token',
  'awaiting-payment',
  'underpaid',
  /** A payment for this invoice was seen (or the payer's wallet sent one) and is not final yet. */
  'confirming',
  'paid',
  'expired',
  'canceled',
  'error',
] as const;
export type Step = (typeof STEPS)[number];

export type Connection = 'live' | 'polling' | 'reconnecting' | 'offline' | 'idle';

export interface CheckoutError {
  code: PepayErrorCode;
  message: string;
  retryable: boolean;
}

/** Everything the elements render. Times are on the monotonic clock of `at` inputs. */
export interface CheckoutState {
  step: Step;
  invoiceId: string | null;
  invoiceStatus: InvoiceStatus | null;
  environment: Environment | null;
  connection: Connection;
  error: CheckoutError | null;
  session: SessionDetails | null;
  tokens: Token[];
  questions: Question[];
  questionsAnswered: boolean;
  email: string | null;
  emailDone: boolean;
  address: PaymentAddress | null;
  /** What was still due when the address's quote was made: a new partial payment needs a new quote. */
  quotedRemainingUsd: number | null;
  amountRemainingUsd: number | null;
  /** Monotonic ms when the invoice expires: server-relative, so a wrong wall clock changes nothing. */
  expiresAtMono: number | null;
  quoteExpiresAtMono: number | null;
  /** Quotes in a row that came back already expiring or unquoted; at 3 the refresh waits for the payer. */
  shortQuotes: number;
  paidAt: number | null;
  order: {orderId: string; status: string; tracking: {carrier: string | null; number: string} | null} | null;
  /** USD per payment id of the payments Pepay counted (what arrived, overpayment included: confirming.ts). */
  payments: Record<string, number>;
  /** USD per payment id of those seen on their way, not counted yet: one may fail where this page cannot hear it. */
  pendingPayments: Record<string, number>;
  /** Set when an invoice event names its commerce order: the stream then outlives "paid". */
  commerceOrderId: string | null;
  verification: Verification | null;
  /** Monotonic ms at which a pending verification job is read again. */
  verificationCheckAt: number | null;
  /** How many times the pending job was read. */
  verificationChecks: number;
  /**
   * Monotonic ms at which a session read that doubted the session (401, 403, 404, 410) is made
   * again: with a live stream nothing else would, and its notice would stay (failed.ts).
   */
  sessionRecheckAt: number | null;
  /**
   * The job was started by the checkout itself, on a payment view restored after a reload
   * (memory.ts, `restore`), not by the payer's "I already paid": only a payment found is said, and
   * a failure is not the payer's notice.
   */
  verificationUnasked?: boolean;
  /**
   * A payment seen and not final yet (`invoice_payment` with status `pending`), or the
   * transaction the payer's wallet just sent (`paymentId` null until Pepay reports it). Cleared
   * when the invoice's status or what is still due moves: the payment was counted. `unsure`: this
   * page may never hear how it ends, so the payer may go back to paying. It was read back with the
   * payer's place after a reload (polling says nothing of failed payments), or heard while
   * `countedUnheard` (it may be the replay of a payment counted already, after which nothing moves).
   * `found`: found by a verification job ("I already paid", or the check after a reload), not
   * heard either; the payer may go back the same way.
   */
  detected: {paymentId: string | null; txHash: string | null; unsure?: true; found?: true} | null;
  /** Ids of payments waited for and then counted, or left by the payer (the last ten): a late "pending" for one is not waited for again. */
  settled: string[];
  /**
   * A session read counted money that no payment event this page heard accounts for (a stream
   * down, or behind the read): its "pending" may come later, replayed. Cleared when the stream
   * tells what is still due. Not set by the load: money paid before the page is no replay to come.
   */
  countedUnheard: boolean;
  /** The transaction a browser wallet sent from this checkout (EIP-1193 `eth_sendTransaction`). */
  walletTx: WalletTransaction | null;
  /**
   * How many transaction requests a browser wallet still holds that the payer stopped waiting
   * for, or whose view went (a payment seen, the invoice ended): EIP-1193 has no cancel, so until
   * the wallet answers each the payer is told, on every view, to reject it there.
   */
  walletLeftOpen: number;
  /** The token the payer last chose on the token list (its feedback and errors show beside it). */
  chosen: {network: string; tokenId: number} | null;
  /**
   * The session read that brings an underpaid invoice's locked rails is on its way (news said
   * underpaid first): a wait it will end holds until it answers or fails.
   */
  readingLock: boolean;
  /**
   * When the session read applied last was sent (monotonic ms; 0 before any): an answer to a read
   * sent earlier, arriving later, is older news and is not applied.
   */
  sessionSentAt: number;
  /** The action in flight, for spinners and disabled buttons. */
  busy: 'questions' | 'email' | 'address' | 'verify' | 'wallet' | null;
  /** A problem with the last payer action, shown next to it (the step stays). */
  notice: CheckoutError | null;
  /**
   * What the server changed under the payer, said before they act on it: `instruction`, another
   * address or amount to send on the same token; `invoice`, another payee or total;
   * `payment-failed`, the payment waited for failed (nothing was received: the payer is back where
   * they pay).
   */
  changed: 'instruction' | 'invoice' | 'payment-failed' | null;
}

/** What a browser wallet returned: its announced name, the chain it sent on, the hash (`0x` + 64 hex). */
export interface WalletTransaction {
  wallet: string;
  chainId: number;
  txHash: string;
}

export type Input =
  | {type: 'start'; at: number}
  /**
   * Everything the first screen needs, fetched in one round: session, tokens, questions, stored
   * e-mail; and what this browser remembers of the invoice (`wallAt`: the same instant as `at`, epoch ms).
   */
  | {
      type: 'loaded';
      session: SessionDetails;
      tokens: Token[];
      questions: Question[];
      email: string | null;
      remembered: Recollection | null;
      at: number;
      wallAt: number;
    }
  | {type: 'questions-submitted'; answers: QuestionAnswer[]}
  | {type: 'questions-saved'}
  | {type: 'email-submitted'; email: string}
  | {type: 'email-saved'; email: string | null}
  | {type: 'email-skipped'}
  | {type: 'token-chosen'; network: string; tokenId: number}
  /** `requested`: the token and network the allocation asked for. */
  | {type: 'address-allocated'; address: PaymentAddress; requested: {network: string; tokenId: number}; at: number}
  /** The place another tab of this session kept (signed, checked), read when it wrote it (`wallAt`: `at` in epoch ms). */
  | {type: 'place-shared'; remembered: Recollection; at: number; wallAt: number}
  | {type: 'change-token'}
  /** The payer asks for a new price after the automatic refresh stopped. */
  | {type: 'refresh-quote'}
  | {type: 'verify-requested'}
  /** The payer pressed a wallet's button: no new quote or token change while its request is open. */
  | {type: 'wallet-started'}
  /**
   * The wallet sent nothing (refused, failed, or the payer stopped waiting before it held a
   * transaction). `leftOpen`: the answer to a request left open (`wallet-left-open`). Each wallet
   * fact names the invoice it was pressed for (`invoiceId`): one for another is dropped.
   */
  | {type: 'wallet-ended'; invoiceId: string; leftOpen?: true}
  /** The payer stopped waiting (or the view went) while the wallet holds the transaction. */
  | {type: 'wallet-left-open'; invoiceId: string}
  /** The payer's browser wallet sent the payment. `leftOpen`: the answer to a request left open. */
  | ({type: 'wallet-sent'; invoiceId: string; leftOpen?: true} & WalletTransaction)
  /** The payer leaves a wait only their wallet reported (`confirming` with no payment seen by Pepay). */
  | {type: 'stop-waiting'}
  | {type: 'verification'; job: Verification; at: number}
  /** A polled status; `invoiceId` when the answer named one. */
  | {type: 'status'; status: InvoiceStatus; paidAt: number | null; invoiceId?: string | null}
  | {type: 'session-refreshed'; session: SessionDetails; at: number; sentAt: number}
  | {type: 'event'; event: PepayEvent}
  | {type: 'connection'; connection: Connection}
  /** The stream came back, or the tab or network did: re-read the session over REST. */
  | {type: 'resync'}
  | {type: 'tick'; at: number}
  /** `session`: what session-details said when the load failed on another request (for the error card). */
  | {type: 'failed'; operation: Operation; error: CheckoutError; at: number; session?: SessionDetails | null};

/** Which request failed. */
export type Operation = 'load' | 'questions' | 'email' | 'address' | 'verify' | 'status' | 'session';

/**
 * What a payer can do from the views: the only inputs elements may send (narrower than `Input`),
 * plus `retry`, which starts the session over (the controller's, not the machine's, to do).
 */
export type PayerAction =
  | Extract<
      Input,
      {
        type:
          | 'questions-submitted'
          | 'email-submitted'
          | 'email-skipped'
          | 'token-chosen'
          | 'change-token'
          | 'refresh-quote'
          | 'verify-requested'
          | 'wallet-started'
          | 'wallet-ended'
          | 'wallet-left-open'
          | 'wallet-sent'
          | 'stop-waiting';
      }
    >
  | {type: 'retry'};

export type Effect =
  | {type: 'load'}
  | {type: 'submit-questions'; answers: QuestionAnswer[]}
  | {type: 'save-email'; email: string}
  | {type: 'allocate'; network: string; tokenId: number}
  | {type: 'verify'; invoiceId: string; network: string}
  | {type: 'check-verification'; invoiceId: string}
  | {type: 'refresh-session'}
  | {type: 'watch'; wsToken: string | null; wsPath: string}
  /** Stop all network activity; `keepStream` leaves the socket open for commerce order news. */
  | {type: 'stop'; keepStream?: boolean};

export interface Transition {
  state: CheckoutState;
  effects: Effect[];
}

/**
 * A kept place read back (remembered.ts), with what restores it (memory.ts). Both ship in the
 * place store's chunk, which read it: the first screen does without them.
 */
export interface Recollection {
  place: Remembered;
  memory: Pick<typeof Memory, 'restore' | 'recallEnding' | 'adoptShared'>;
}
