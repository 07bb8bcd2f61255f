/**
 * The checkout state machine: pure. Inputs are API results, stream events, timer ticks and payer
 * actions; the output is the next state plus the effects the controller must run. Nothing else
 * decides what the checkout does next.
 */
import {initialState, isTerminal} from './state.js';
import {doubtsSession, failed} from './failed.js';
import {concernsThisInvoice, lowerRemaining} from './news.js';
import {advance} from './advance.js';
import {allocated} from './allocation.js';
import {verified} from './verification.js';
import {acceptsPayerAction, isPayerAction, isWalletFact} from './payer-guard.js';
import {tick} from './tick.js';
import {connected} from './connection.js';
import {paymentNews, remainderNews, walletNews} from './confirming.js';
import {applyStatus, orderNews, TERMINAL} from './status-news.js';
import type {SessionDetails} from '../api/schemas/session.js';
import type {CheckoutError, CheckoutState, Input, Transition} from './types.js';

export function reduce(state: CheckoutState, input: Input): Transition {
  const {state: next, effects} = transition(state, input);
  return {state: tidy(state, next), effects};
}

/** What belongs to a step does not outlive it. */
function tidy(before: CheckoutState, next: CheckoutState): CheckoutState {
  if (next.step === before.step) return next;
  // A note that what to send changed is for the steps where one sends, not a last screen or a wait.
  const ended = isTerminal(next.step) || next.step === 'error' || next.step === 'confirming';
  // What "I already paid" found belongs to its step (a payment found short: the underpaid step's too).
  const v = next.verification;
  const keepAnswer = !v || (next.step === 'underpaid' && v.paymentFound === true);
  if (keepAnswer && !(ended && (next.changed || next.notice))) return next;
  return {
    ...next,
    changed: ended ? null : next.changed,
    // A problem with the last action belongs to the step it was taken on, not to a wait or an end.
    notice: ended && next.step !== 'error' ? null : next.notice,
    ...(keepAnswer ? {} : {verification: null, verificationCheckAt: null, verificationChecks: 0, verificationUnasked: false}),
  };
}

function transition(state: CheckoutState, input: Input): Transition {
  // A terminal screen is final: only the clock, the connection, late order updates and what the
  // payer's wallet did (it may answer after the end) still count. The payer guard turns away every
  // other payer action there (payer-guard.ts).
  const payerAction = isPayerAction(input);
  const stillCounts =
    input.type === 'tick' || input.type === 'connection' || (input.type === 'event' && input.event.subject.kind === 'order') || payerAction;
  if (isTerminal(state.step) && !stillCounts) return {state, effects: []};
  if (payerAction) {
    if (!acceptsPayerAction(state, input)) return {state, effects: []};
    // The payer acted after reading what changed: the note has done its job (a wallet's late answer is not the payer acting).
    if (state.changed && !isWalletFact(input)) return reduce({...state, changed: null}, input);
  }
  switch (input.type) {
    case 'start':
      // A transaction the payer's wallet still holds stays theirs to reject, whatever session comes next.
      return {state: {...initialState(), walletLeftOpen: state.walletLeftOpen}, effects: [{type: 'load'}]};

    case 'loaded': {
      const s = input.session;
      const next: CheckoutState = {
        ...state,
        ...sessionFacts(s),
        tokens: input.tokens,
        amountRemainingUsd: s.amountRemainingUsd ?? s.amountUsd,
        expiresAtMono: s.remainingMs != null ? input.at + s.remainingMs : null,
      };
      const terminal = TERMINAL[s.status];
      const r = input.remembered;
      if (terminal) return {state: {...(r ? r.memory.recallEnding(next, r.place) : next), step: terminal}, effects: [{type: 'stop'}]};
      // Nothing to pay with (none offered, or none that could be read): a true state with "Try again", never an empty list.
      if (input.tokens.length === 0) return failed(next, 'load', NO_TOKENS, input.at);
      const fresh: CheckoutState = {
        ...next,
        questions: input.questions,
        questionsAnswered: input.questions.length === 0,
        email: input.email,
        emailDone: input.email !== null,
      };
      return r ? r.memory.restore(fresh, r.place, input.at, input.wallAt) : advance(fresh);
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
        state: {...state, busy: 'address', notice: null, shortQuotes: 0, chosen: {network: input.network, tokenId: input.tokenId}},
        effects: [{type: 'allocate', network: input.network, tokenId: input.tokenId}],
      };

    case 'refresh-quote': {
      // An underpaid invoice is re-quoted on the rails it is locked to, whatever was shown before.
      const locked = state.invoiceStatus === 'underpaid' ? state.session?.locked : null;
      const rails = locked ?? state.address;
      if (!rails) return {state, effects: []};
      return {
        state: {...state, busy: 'address', notice: null, shortQuotes: 0},
        effects: [{type: 'allocate', network: rails.network, tokenId: rails.tokenId}],
      };
    }

    case 'address-allocated':
      return allocated(state, input.address, input.requested, input.at);
    case 'place-shared':
      return input.remembered.memory.adoptShared(state, input.remembered.place, input.at, input.wallAt);

    case 'change-token':
      if (state.session?.locked) return {state, effects: []};
      return {
        state: {
          ...state,
          step: 'select-token',
          address: null,
          chosen: null,
          quoteExpiresAtMono: null,
          verification: null,
          verificationCheckAt: null,
          notice: null,
        },
        // The address shown may still be paid (scanned before the change): watched until another is issued.
        effects: [],
      };

    case 'verify-requested':
      if (!state.address || !state.invoiceId) return {state, effects: []};
      // The payer asks while the check started unasked still runs (a read of it scheduled): it is
      // theirs now, rather than a second job whose answer the first's could be taken for.
      if (state.verificationUnasked && state.verificationCheckAt !== null)
        return {state: {...state, busy: 'verify', notice: null, verificationUnasked: false}, effects: []};
      return {
        // A new question: the last answer is not shown beside it.
        state: {
          ...state,
          busy: 'verify',
          notice: null,
          verification: null,
          verificationCheckAt: null,
          verificationChecks: 0,
          verificationUnasked: false,
        },
        effects: [{type: 'verify', invoiceId: state.invoiceId, network: state.address.network}],
      };
    case 'verification':
      return verified(state, input.job, input.at);
    case 'wallet-started':
    case 'wallet-ended':
    case 'wallet-left-open':
    case 'wallet-sent':
    case 'stop-waiting':
      return walletNews(state, input);

    case 'status':
      // A poll that names another invoice is not about this one.
      if (input.invoiceId && input.invoiceId !== state.invoiceId) return {state, effects: []};
      return applyStatus(state, {...state, paidAt: input.paidAt ?? state.paidAt}, input.status);

    case 'session-refreshed': {
      // A session read about another invoice (a server mix-up), or overtaken by a later one, says nothing new.
      if (input.session.invoiceId !== state.invoiceId || input.sentAt < state.sessionSentAt) return {state, effects: []};
      const before = state.session;
      // An underpaid invoice stays locked: a read that forgets its rails (a lagging server) keeps them.
      const keptLock = state.invoiceStatus === 'underpaid' ? (before?.locked ?? null) : null;
      const s = input.session.locked || !keptLock ? input.session : {...input.session, locked: keptLock};
      const payeeOrTotal = before !== null && (before.merchantName !== s.merchantName || before.amountUsd !== s.amountUsd);
      const next: CheckoutState = {
        ...state,
        session: s,
        sessionSentAt: input.sentAt,
        readingLock: false,
        // Never more still due than the (possibly lowered) total.
        amountRemainingUsd: capAt(lowerRemaining(state.amountRemainingUsd, s.amountRemainingUsd), s.amountUsd),
        expiresAtMono: s.remainingMs != null ? input.at + s.remainingMs : state.expiresAtMono,
        changed: payeeOrTotal ? 'invoice' : state.changed,
        // The session answered: a notice that it is not valid is no longer true.
        notice: doubtsSession(state.notice) ? null : state.notice,
        sessionRecheckAt: null,
        // Another total needs another quote: the one shown was priced for the old total.
        quoteExpiresAtMono: payeeOrTotal && before.amountUsd !== s.amountUsd && state.address ? input.at : state.quoteExpiresAtMono,
      };
      // A session read saying paid is a confirmed end, shown at once (`paidAt` stays as known).
      const read = applyStatus(state, next, s.status);
      // Money counted that no wait accounts for (the read did not end one): its event may come later.
      const moved =
        state.amountRemainingUsd !== null && next.amountRemainingUsd !== state.amountRemainingUsd && before?.amountUsd === s.amountUsd;
      const unheard = moved && !(state.detected && !read.state.detected);
      return unheard ? {...read, state: {...read.state, countedUnheard: true}} : read;
    }

    case 'event': {
      const subject = input.event.subject;
      // Only news about this checkout's invoice: a stream, a poll or another tab may carry others'.
      if (!concernsThisInvoice(state, subject)) return {state, effects: []};
      if (subject.kind === 'order') return orderNews(state, subject);
      if (subject.kind === 'payment') return paymentNews(state, subject);
      // The stream tells what is still due: what reads counted unheard, it has told by now.
      const heard = subject.kind !== 'other' && subject.amountRemainingUsd !== null ? {...state, countedUnheard: false} : state;
      if (subject.kind === 'quote' && subject.amountRemainingUsd !== null) return remainderNews(heard, subject.amountRemainingUsd);
      if (subject.kind === 'invoice' && subject.status) {
        const next = {
          ...heard,
          amountRemainingUsd: lowerRemaining(state.amountRemainingUsd, subject.amountRemainingUsd),
          paidAt: subject.paidAt ?? state.paidAt,
          commerceOrderId: subject.commerceOrderId ?? state.commerceOrderId,
        };
        return applyStatus(state, next, subject.status);
      }
      return {state, effects: []};
    }

    case 'connection':
      return {state: connected(state, input.connection), effects: []};

    case 'resync':
      return {
        state,
        effects: isTerminal(state.step) || state.step === 'error' || state.step === 'loading' ? [] : [{type: 'refresh-session'}],
      };

    case 'tick':
      return tick(state, input.at);

    case 'failed':
      return failed(input.session ? {...state, ...sessionFacts(input.session)} : state, input.operation, input.error, input.at);
  }
}

/** An open invoice whose token list is empty: the service's fault, and a later answer may differ. */
const NO_TOKENS: CheckoutError = {code: 'server', message: 'The payment service offered no token to pay with.', retryable: true};

const capAt = (remaining: number | null, total: number | null) =>
  remaining !== null && total !== null ? Math.min(remaining, total) : remaining;

/** What a session read says of the invoice itself: also kept when the rest of the load failed (the error card names it). */
const sessionFacts = (s: SessionDetails) => ({session: s, invoiceId: s.invoiceId, invoiceStatus: s.status, environment: s.environment});
