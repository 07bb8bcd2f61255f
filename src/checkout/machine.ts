/**
 * The checkout state machine: pure. Inputs are API results, stream events, timer ticks and payer
 * actions; the output is the next state plus the effects the controller must run. Nothing else
 * decides what the checkout does next.
 */
import type {InvoiceStatus} from '../api/schemas/primitives.js';
import {initialState, isTerminal} from './state.js';
import {failed} from './failed.js';
import {concernsThisInvoice, lowerRemaining} from './news.js';
import {quoteOf} from './quote.js';
import {tick} from './tick.js';
import type {CheckoutError, CheckoutState, Input, Step, Transition} from './types.js';

/** A pending manual verification job is read again after 3 s, then ever less often, 8 times at most. */
const VERIFY_RECHECK = {firstMs: 3000, maxMs: 30_000, times: 8};
const TERMINAL: Record<string, Step> = {paid: 'paid', expired: 'expired', canceled: 'canceled'};
/** Commerce order statuses after which nothing more is coming (the enum is undocumented). */
const ORDER_FINAL = new Set(['delivered', 'delivery_confirmed', 'fulfilled', 'cancelled', 'canceled', 'refunded', 'failed']);

export function reduce(state: CheckoutState, input: Input): Transition {
  // A terminal screen is final: only the clock, the connection and late order updates still count.
  const stillCounts =
    input.type === 'tick' || input.type === 'connection' || (input.type === 'event' && input.event.subject.kind === 'order');
  if (isTerminal(state.step) && !stillCounts) {
    return {state, effects: []};
  }
  switch (input.type) {
    case 'start':
      return {state: initialState(), effects: [{type: 'load'}]};

    case 'loaded': {
      const s = input.session;
      const next: CheckoutState = {
        ...state,
        session: s,
        tokens: input.tokens,
        invoiceId: s.invoiceId,
        invoiceStatus: s.status,
        environment: s.environment,
        amountRemainingUsd: s.amountRemainingUsd ?? s.amountUsd,
        expiresAtMono: s.remainingMs != null ? input.at + s.remainingMs : null,
      };
      const terminal = TERMINAL[s.status];
      if (terminal) return {state: {...next, step: terminal}, effects: [{type: 'stop'}]};
      const opened = advance({
        ...next,
        questions: input.questions,
        questionsAnswered: input.questions.length === 0,
        email: input.email,
        emailDone: input.email !== null,
      });
      return {...opened, effects: [...opened.effects, {type: 'watch', wsToken: null, wsPath: '/ws/payment'}]};
    }

    case 'questions-submitted':
      return {state: {...state, busy: 'questions', notice: null}, effects: [{type: 'submit-questions', answers: input.answers}]};
    case 'questions-saved':
      return advance({...state, busy: null, questionsAnswered: true});

    case 'email-submitted':
      return {state: {...state, busy: 'email', notice: null}, effects: [{type: 'save-email', email: input.email}]};
    case 'email-saved':
      return advance({...state, busy: null, email: input.email, emailDone: true});
    case 'email-skipped':
      return advance({...state, emailDone: true, notice: null});

    case 'token-chosen':
      return {
        state: {...state, busy: 'address', notice: null, shortQuotes: 0},
        effects: [{type: 'allocate', network: input.network, tokenId: input.tokenId}],
      };

    case 'refresh-quote': {
      const rails = state.address ?? state.session?.locked;
      if (!rails || state.busy) return {state, effects: []};
      return {
        state: {...state, busy: 'address', notice: null, shortQuotes: 0},
        effects: [{type: 'allocate', network: rails.network, tokenId: rails.tokenId}],
      };
    }

    case 'address-allocated': {
      const a = input.address;
      const locked = state.invoiceStatus === 'underpaid' ? state.session?.locked : null;
      if (locked && (a.network !== locked.network || a.tokenId !== locked.tokenId)) {
        // Never tell the payer to send anything but what the invoice is locked to.
        const error: CheckoutError = {
          code: 'invalid-response',
          message: 'The address is not on the locked network and token.',
          retryable: true,
        };
        return {state: {...state, busy: null, notice: error}, effects: []};
      }
      const next: CheckoutState = {
        ...state,
        ...quoteOf(state, a, input.at),
        busy: null,
        address: a,
        quotedRemainingUsd: state.amountRemainingUsd,
        verification: state.address?.address === a.address ? state.verification : null,
      };
      const shown = advance(next);
      return {...shown, effects: [...shown.effects, {type: 'watch', wsToken: a.wsToken, wsPath: a.wsPath}]};
    }

    case 'change-token':
      if (state.session?.locked) return {state, effects: []};
      return {
        state: {
          ...state,
          step: 'select-token',
          address: null,
          quoteExpiresAtMono: null,
          verification: null,
          verificationCheckAt: null,
          notice: null,
        },
        // Nothing to wait for on the token list: no socket, no polling.
        effects: [{type: 'unwatch'}],
      };

    case 'verify-requested':
      if (!state.address || !state.invoiceId) return {state, effects: []};
      return {
        state: {...state, busy: 'verify', notice: null, verificationChecks: 0},
        effects: [{type: 'verify', invoiceId: state.invoiceId, network: state.address.network}],
      };
    case 'verification': {
      // Undocumented job states: anything but `pending` is taken as the job's end. A job pending
      // for good stops being read (the payer may ask again).
      const checks = input.job.status === 'pending' ? state.verificationChecks + 1 : VERIFY_RECHECK.times;
      const wait = Math.min(VERIFY_RECHECK.maxMs, VERIFY_RECHECK.firstMs * 2 ** (checks - 1));
      const verificationCheckAt = checks < VERIFY_RECHECK.times ? input.at + wait : null;
      return {state: {...state, busy: null, verification: input.job, verificationChecks: checks, verificationCheckAt}, effects: []};
    }

    case 'status':
      // A poll that names another invoice is not about this one.
      if (input.invoiceId && input.invoiceId !== state.invoiceId) return {state, effects: []};
      return applyStatus({...state, paidAt: input.paidAt ?? state.paidAt}, input.status);

    case 'session-refreshed': {
      const s = input.session;
      // A session read about another invoice (a server mix-up) says nothing about this one.
      if (s.invoiceId !== state.invoiceId) return {state, effects: []};
      const next: CheckoutState = {
        ...state,
        session: s,
        amountRemainingUsd: lowerRemaining(state.amountRemainingUsd, s.amountRemainingUsd),
        expiresAtMono: s.remainingMs != null ? input.at + s.remainingMs : state.expiresAtMono,
      };
      // A session read saying paid is a confirmed end, shown at once: it carries no payment time,
      // so `paidAt` stays as known (null when only this read said so).
      return applyStatus(next, s.status);
    }

    case 'event': {
      const subject = input.event.subject;
      // Only news about this checkout's invoice: a stream, a poll or another tab may carry others'.
      if (!concernsThisInvoice(state, subject)) return {state, effects: []};
      if (subject.kind === 'order') {
        const next = {...state, order: {orderId: subject.orderId, status: subject.status}};
        const done = state.step === 'paid' && ORDER_FINAL.has(subject.status);
        return {state: next, effects: done ? [{type: 'stop'}] : []};
      }
      if (subject.kind === 'quote' && subject.amountRemainingUsd !== null) {
        return {state: {...state, amountRemainingUsd: lowerRemaining(state.amountRemainingUsd, subject.amountRemainingUsd)}, effects: []};
      }
      if (subject.kind === 'invoice' && subject.status) {
        const next = {
          ...state,
          amountRemainingUsd: lowerRemaining(state.amountRemainingUsd, subject.amountRemainingUsd),
          paidAt: subject.paidAt ?? state.paidAt,
          commerceOrderId: subject.commerceOrderId ?? state.commerceOrderId,
        };
        return applyStatus(next, subject.status);
      }
      return {state, effects: []};
    }

    case 'connection':
      return {state: state.connection === input.connection ? state : {...state, connection: input.connection}, effects: []};

    case 'resync':
      return {
        state,
        effects: isTerminal(state.step) || state.step === 'error' || state.step === 'loading' ? [] : [{type: 'refresh-session'}],
      };

    case 'tick':
      return tick(state, input.at);

    case 'failed':
      return failed(state, input.operation, input.error);
  }
}

/** Which step an open invoice shows, given what the payer has done so far. */
function advance(state: CheckoutState): Transition {
  const locked = state.session?.locked;
  if (state.invoiceStatus === 'underpaid' && locked) {
    const onLockedRails = state.address && state.address.tokenId === locked.tokenId && state.address.network === locked.network;
    const quoteCurrent = onLockedRails && state.quotedRemainingUsd === state.amountRemainingUsd;
    if (quoteCurrent || state.busy === 'address') return {state: {...state, step: 'underpaid'}, effects: []};
    // The token picker is skipped: the remainder is quoted anew on the locked rails.
    return {
      state: {...state, step: 'underpaid', busy: 'address'},
      effects: [{type: 'allocate', network: locked.network, tokenId: locked.tokenId}],
    };
  }
  if (!state.questionsAnswered) return {state: {...state, step: 'questions'}, effects: []};
  if (!state.emailDone) return {state: {...state, step: 'email'}, effects: []};
  return {state: {...state, step: state.address ? 'awaiting-payment' : 'select-token'}, effects: []};
}

function applyStatus(state: CheckoutState, status: InvoiceStatus): Transition {
  // Late or reordered news never walks a partial payment back to unpaid.
  if (state.invoiceStatus === 'underpaid' && status === 'unpaid') return {state, effects: []};
  const next = {...state, invoiceStatus: status};
  const terminal = TERMINAL[status];
  if (terminal) {
    const followOrder = terminal === 'paid' && next.commerceOrderId !== null && !ORDER_FINAL.has(next.order?.status ?? '');
    return {state: {...next, step: terminal, busy: null, notice: null}, effects: [{type: 'stop', keepStream: followOrder}]};
  }
  if (status === 'underpaid') {
    // The locked network, token and address come only from session-details.
    if (!next.session?.locked || next.session.status !== 'underpaid')
      return {state: next, effects: state.step === 'loading' ? [] : [{type: 'refresh-session'}]};
    if (state.step === 'loading') return {state: next, effects: []};
    return advance(next);
  }
  return {state: next, effects: []};
}
