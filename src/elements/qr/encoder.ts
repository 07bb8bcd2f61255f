/**
 * The QR encoder (`uqr`), loaded on demand: the first screen (a token list) does not need it, so
 * it is a chunk of its own, fetched when the payer starts choosing and ready by the address step.
 * The script-tag build swaps this module for `encoder.classic.ts` (a classic script has no
 * `import()` chunks of its own).
 */
import type {encode} from 'uqr';

export type QrEncode = typeof encode;

let loading: Promise<QrEncode> | null = null;

/** Resolves with uqr's `encode`; rejects when the chunk cannot be fetched (a later call tries again). */
export function loadQrEncoder(): Promise<QrEncode> {
  loading ??= import('uqr').then(
    (module) => module.encode,
    (error: unknown) => {
      loading = null;
      throw error;
    },
  );
  return loading;
}
