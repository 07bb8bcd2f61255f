/**
 * The browser-wallet buttons live in a chunk of their own (issue 13), fetched for an EVM payment
 * request (and prefetched while the payer picks a token, src/elements/checkout/views.ts). Until it
 * is here, or if it cannot be fetched, the QR, "Open in wallet" and the copy buttons are the
 * payer's ways: nothing waits on it.
 */
let loading: Promise<unknown> | null = null;

export function loadWalletButtons(): void {
  // A failure is quiet: the next render asks again.
  loading ??= import('../wallet/define.js').catch(() => (loading = null));
}
