/** Which step an open invoice shows, given what the payer has done so far. Pure. */
import type {CheckoutState, Transition} from './types.js';

export function advance(state: CheckoutState): Transition {
  // A payment on its way is waited for; nothing is re-quoted under it. A wallet request still
  // open is for the payment view, which the wait replaces: its hold on the price ends.
  if (state.detected) return {state: {...state, step: 'confirming', busy: state.busy === 'wallet' ? null : state.busy}, effects: []};
  // News said underpaid and the session read with the locked rails is on its way: the wait holds
  // until it answers (or fails), never a moment of the old address.
  if (state.step === 'confirming' && state.readingLock) return {state, effects: []};
  const locked = state.session?.locked;
  if (state.invoiceStatus === 'underpaid' && locked) {
    const onLockedRails = state.address && state.address.tokenId === locked.tokenId && state.address.network === locked.network;
    const quoteCurrent = onLockedRails && state.quotedRemainingUsd === state.amountRemainingUsd;
    // One request at a time: whatever is in flight ends first, and its answer comes back here. A
    // price just missed is asked again on its schedule or by the payer, never at once (a refusal
    // re-reads the session, whose answer comes back here: that would be a loop).
    if (quoteCurrent || state.busy !== null || priceMissed(state)) return {state: {...state, step: 'underpaid'}, effects: []};
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

/**
 * A wait held for the locked rails that will not get them (the session read failed, or answered
 * stale): the payer goes on as on an open invoice, on the rails shown, priced again when what is
 * due moved since that price was made (its amount would be wrong).
 */
export function releaseLockWait(state: CheckoutState): Transition {
  const back = advance({...state, readingLock: false});
  const s = back.state;
  const a = s.address;
  if (!a || s.step === 'confirming' || s.busy !== null || s.quotedRemainingUsd === s.amountRemainingUsd || priceMissed(s)) return back;
  return {state: {...s, busy: 'address'}, effects: [...back.effects, {type: 'allocate', network: a.network, tokenId: a.tokenId}]};
}

/** The last price asked for did not come (see quote.ts, `quoteMissed`), and the payer has not asked again. */
function priceMissed(state: CheckoutState): boolean {
  return state.notice !== null && state.shortQuotes > 0;
}
