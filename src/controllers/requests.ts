/**
 * The machine's request effects, run with the API client: each becomes the input that reports its
 * result. Times (`at`) are read when the answer arrives, on the monotonic clock.
 */
import type {PayorClient} from '../api/client.js';
import type {SessionDetails} from '../api/schemas/session.js';
import {PepayError} from '../api/errors.js';
import {placeStore} from './keep-place.js';
import {placesKept} from './kept-places.js';
import type {CheckoutError, Effect, Input, Operation} from '../checkout/types.js';

export type RequestEffect = Exclude<Effect, {type: 'watch'} | {type: 'stop'}>;

/** Which operation a request effect belongs to, for `failed` inputs and the busy flag. */
export const OPERATION: Record<RequestEffect['type'], Operation> = {
  load: 'load',
  'submit-questions': 'questions',
  'save-email': 'email',
  allocate: 'address',
  verify: 'verify',
  'check-verification': 'verify',
  'refresh-session': 'session',
};

/** A load that failed, with the session when session-details itself succeeded. */
export class LoadFailure extends Error {
  constructor(
    readonly reason: unknown,
    readonly session: SessionDetails | null,
  ) {
    super('load failed');
  }
}

/** Runs one request effect. Rejects with the client's PepayError, or an AbortError on `signal`. */
export async function runRequest(effect: RequestEffect, client: PayorClient, signal: AbortSignal): Promise<Input> {
  const at = () => performance.now();
  switch (effect.type) {
    case 'load': {
      // One round: nothing the first screen needs waits for another answer first. The place store
      // is a chunk of its own, asked for only when this origin keeps a place (a first visit has
      // none to restore), which the script-tag entries then fetch beside the first screen (src/cdn).
      const kept = placesKept() ? placeStore().catch(() => null) : null;
      const sessionRead = client.sessionDetails(signal);
      const [session, tokens, questions, email] = await Promise.all([
        sessionRead,
        client.availableTokens({}, signal),
        client.invoiceQuestions(signal),
        client.customerEmail(signal),
      ]).catch(async (error: unknown) => {
        // The error card still names the payee, amount and invoice when the session was read.
        throw new LoadFailure(error, await sessionRead.catch(() => null));
      });
      const token = client.credentials.sessionToken;
      // Without its chunk nothing is restored.
      const store = await kept;
      const remembered = store && (await store.recollect(store.placeKey(session.invoiceId, token), token));
      return {type: 'loaded', session, tokens, questions, email: email.email, remembered, at: at(), wallAt: Date.now()};
    }
    case 'submit-questions':
      await client.submitForm(effect.answers, signal);
      return {type: 'questions-saved'};
    case 'save-email':
      return {type: 'email-saved', email: (await client.setCustomerEmail(effect.email, signal)).email ?? effect.email};
    case 'allocate':
      return {
        type: 'address-allocated',
        address: await client.allocateAddress(effect, signal),
        requested: {network: effect.network, tokenId: effect.tokenId},
        at: at(),
      };
    case 'verify':
      return {type: 'verification', job: await client.requestVerification(effect.invoiceId, effect.network, signal), at: at()};
    case 'check-verification':
      return {type: 'verification', job: await client.verification(effect.invoiceId, signal), at: at()};
    case 'refresh-session': {
      const sentAt = at();
      return {type: 'session-refreshed', session: await client.sessionDetails(signal), at: at(), sentAt};
    }
  }
}

/** What the machine is told of a request that failed: the client's error as it is, anything else as an unexpected answer. */
export function toCheckoutError(error: unknown): CheckoutError {
  if (error instanceof PepayError) return {code: error.code, message: error.message, retryable: error.retryable};
  return {code: 'invalid-response', message: 'Something unexpected went wrong.', retryable: true};
}
