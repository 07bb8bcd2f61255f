/** The machine's connection input. Pure. */
import type {CheckoutState, Connection} from './types.js';

/**
 * The connection as the realtime link reports it. Back from offline or an outage, a request's
 * "cannot be reached" is no longer true: it is not said any more (the payer or the next deadline asks again).
 */
export function connected(state: CheckoutState, connection: Connection): CheckoutState {
  if (state.connection === connection) return state;
  const back =
    (state.connection === 'offline' || state.connection === 'reconnecting') && connection !== 'offline' && connection !== 'reconnecting';
  return {...state, connection, ...(back && state.notice?.code === 'network' && {notice: null})};
}
