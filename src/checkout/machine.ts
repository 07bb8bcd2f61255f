/**
 * The checkout state machine: pure. Inputs are API results, stream events, timer ticks and payer
 * actions; the output is the next state plus the effects the controller must run. Nothing else
 * decides what the checkout does next.
 */
import type {InvoiceStatus} from '../api/schemas/primitives.js';
import {initialState, isTerminal} from './state.js';
import {failed} from './failed.js';
import {tick} from './tick.js';
import type {CheckoutError, CheckoutState, Input, Step, Transition} from './types.js';

/** Bounds of the server-given quote lifetime and of the wait before re-asking for a missing quote. */
const QUOTE_LIFETIME_MS = {min: 10_000, max: 30 * 60_000};
const QUOTE_RETRY_MS = {min: 5000, max: 60_000};
/** Automatic quote refreshes in a row that came back short-lived or unquoted before they stop. */
const MAX_SHORT_QUOTES = 3;
/** How often a pending manual verification job is read again. */
const VERIFY_RECHECK_MS = 3000;
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

    case 'refresh-quote':
      if (!state.address || state.busy) return {state, effects: []};
      return {
        state: {...state, busy: 'address', notice: null, shortQuotes: 0},
        effects: [{type: 'allocate', network: state.address.network, tokenId: state.address.tokenId}],
      };

    case 'address-allocated': {
      const a = input.address;
      const notice: CheckoutError | null =
        a.quoteStatus === 'available'
          ? null
          : {code: 'quote-unavailable', message: a.message ?? 'No price quote is available right now.', retryable: true};
      // Server hints drive the refresh loop, so each is held between a floor and a cap; a run of
      // quotes that expire at once, or of no quote, stops the automatic refresh (the payer may ask).
      const lifetime = notice
        ? clamp(a.retryAfterMs ?? 5000, QUOTE_RETRY_MS.min, QUOTE_RETRY_MS.max)
        : clamp(a.quoteExpiresInMs ?? 5 * 60_000, QUOTE_LIFETIME_MS.min, QUOTE_LIFETIME_MS.max);
      const shortQuotes = notice || (a.quoteExpiresInMs ?? Infinity) < QUOTE_LIFETIME_MS.min ? state.shortQuotes + 1 : 0;
      const stalled = shortQuotes >= MAX_SHORT_QUOTES;
      const next: CheckoutState = {
        ...state,
        busy: null,
        notice: stalled ? (notice ?? {code: 'quote-unavailable', message: 'The price keeps expiring.', retryable: true}) : notice,
        address: a,
        shortQuotes,
        quotedRemainingUsd: state.amountRemainingUsd,
        quoteExpiresAtMono: stalled ? null : input.at + lifetime,
        verification: state.address?.address === a.address ? state.verification : null,
      };
      return {...advance(next), effects: [{type: 'watch', wsToken: a.wsToken, wsPath: a.wsPath}]};
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
        effects: [],
      };

    case 'verify-requested':
      if (!state.address || !state.invoiceId) return {state, effects: []};
      return {
        state: {...state, busy: 'verify', notice: null},
        effects: [{type: 'verify', invoiceId: state.invoiceId, network: state.address.network}],
      };
    case 'verification': {
      // Undocumented job states: anything but `pending` is taken as the job's end.
      const pending = input.job.status === 'pending';
      return {
        state: {...state, busy: null, verification: input.job, verificationCheckAt: pending ? input.at + VERIFY_RECHECK_MS : null},
        effects: [],
      };
    }

    case 'status':
      return applyStatus({...state, paidAt: input.paidAt ?? state.paidAt}, input.status);

    case 'session-refreshed': {
      const s = input.session;
      const next: CheckoutState = {
        ...state,
        session: s,
        amountRemainingUsd: lowerRemaining(state.amountRemainingUsd, s.amountRemainingUsd),
        expiresAtMono: s.remainingMs != null ? input.at + s.remainingMs : state.expiresAtMono,
      };
      // session-details has no payment time: payment-status does, so ask it before showing "paid".
      if (s.status === 'paid' && next.paidAt === null) return {state: next, effects: [{type: 'refresh-status'}]};
      return applyStatus(next, s.status);
    }

    case 'event': {
      const subject = input.event.subject;
      // Only news about this checkout's invoice: a stream, a poll or another tab may carry others'.
      if (subject.kind === 'other' || !state.invoiceId || subject.invoiceId !== state.invoiceId) return {state, effects: []};
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

/**
 * What is still due only ever goes down: a REST answer or event that left the server before the
 * latest payment (responses and frames cross on the wire) must not raise it again.
 */
function lowerRemaining(current: number | null, incoming: number | null): number | null {
  if (incoming === null) return current;
  return current === null ? incoming : Math.min(current, incoming);
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

function clamp(value: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, value));
}
