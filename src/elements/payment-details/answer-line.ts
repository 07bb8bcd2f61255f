/**
 * "I already paid", answered in words: the line under the payment view's buttons, a live region
 * that is always there, so each answer is read once.
 */
import {amountStillDue, paidSoFar, verificationAnswer} from '../../checkout/figures.js';
import {formatUsd} from '../../checkout/format.js';
import type {CheckoutState} from '../../checkout/types.js';
import type {ViewMessages} from '../../i18n/en-views.js';

/** What the "not found" answer names: the token, its network's name, the amount shown ('' while none is). */
export interface AnswerRails {
  symbol: string;
  network: string;
  amount: string;
}

export class AnswerLine {
  /** The words of the "not found" answer last rendered, with its amount. */
  private notFoundShown = '';

  /**
   * The answer's words. `pricing`: the price is being made again, so no amount is shown. The
   * "not found" answer then keeps the words it had, not said again without its amount (WCAG
   * 4.1.3; a screen-reader probe heard "send exactly USDC on Base" at each price refresh). A new
   * amount ends that answer (allocation.ts).
   */
  words(state: CheckoutState, v: ViewMessages, locale: string, rails: AnswerRails, pricing: boolean): string {
    const answer = verificationAnswer(state);
    const kept = pricing && answer === 'not-found' && this.notFoundShown;
    const line = kept || answerWords(state, v, locale, rails);
    this.notFoundShown = answer === 'not-found' ? line : '';
    return line;
  }
}

function answerWords(state: CheckoutState, v: ViewMessages, locale: string, {symbol, network, amount}: AnswerRails): string {
  const words = v.verification;
  switch (verificationAnswer(state)) {
    case 'checking':
      return words.checking;
    case 'still-checking':
      return words.stillChecking;
    case 'found':
      return words.found;
    case 'found-counting':
      return words.foundCounting;
    case 'unknown':
      return words.unknown;
    case 'found-short':
      return words.foundShort(formatUsd(paidSoFar(state), locale), formatUsd(amountStillDue(state), locale));
    case 'not-found':
      return words.notFound(amount ? `${amount} ${symbol}` : symbol, network);
    case 'failed':
      return words.failed(state.invoiceId ?? '');
    case null:
      return '';
  }
}
