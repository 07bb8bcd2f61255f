/**
 * The classic loader sends the first reads (src/api/first-reads.ts) of each checkout in the page's
 * markup once the markup is parsed, rather than when the first paint has arrived and run: a round
 * trip sooner. What is set later (a framework's properties, a checkout added by script) is the
 * first paint's to send, as before. Never throws: a checkout says what is wrong once it starts.
 */
import {sendFirstReads} from '../api/first-reads.js';

function sendForMarkup(): void {
  for (const checkout of document.querySelectorAll('pepay-checkout')) {
    sendFirstReads({
      sessionToken: checkout.getAttribute('session-token'),
      signature: checkout.getAttribute('signature'),
      paymentUrl: checkout.getAttribute('payment-url'),
      apiBase: checkout.getAttribute('api-base') ?? undefined,
    });
  }
}

/** Sends them now when the markup is parsed, else once it is (a loader in the page's `<head>`, or before its checkout). */
export function readAhead(): void {
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', sendForMarkup, {once: true});
  else sendForMarkup();
}
