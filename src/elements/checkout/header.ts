/** The checkout's header: merchant, amount, badge, countdown and connection, above every step once loaded. */
import {html, nothing, type TemplateResult} from 'lit';
import {formatUsd, isolate} from '../../checkout/format.js';
import type {CheckoutState} from '../../checkout/types.js';
import type {Messages} from '../../i18n/en.js';
import {pluralize} from '../../i18n/plural.js';

/** When the invoice's time is said to screen readers: 5 minutes and 1 minute before it ends (its end is the expired step's). */
const ANNOUNCE_AT = [5 * 60_000, 60_000];

/** Merchant, total and description; the test-mode badge, the countdown and the connection. */
export function checkoutHeader(state: CheckoutState, m: Messages, locale: string): TemplateResult {
  // No countdown on a last screen or an error card: nothing can be paid there.
  const open = state.step !== 'paid' && state.step !== 'expired' && state.step !== 'canceled' && state.step !== 'error';
  const connection = state.connection === 'reconnecting' ? m.reconnecting : state.connection === 'offline' ? m.offline : '';
  return html`<header part="header">
    <div>
      <p class="muted">${m.payTo(isolate(state.session?.merchantName ?? ''))}</p>
      <div class="amount" part="amount">${formatUsd(state.session?.amountUsd ?? null, locale)}</div>
      ${
        // Its own direction (an English description on an Arabic card keeps its period at its end).
        state.session?.description ? html`<p class="muted" dir="auto">${state.session.description}</p>` : nothing
      }
    </div>
    <div class="stack">
      ${
        // The hint is read with the badge (a title reaches neither the keyboard nor touch).
        state.environment === 'devnet'
          ? html`<span class="badge" title=${m.testModeHint}>${m.testMode}<span class="visually-hidden"> ${m.testModeHint}</span></span>`
          : nothing
      }
      ${
        open && state.expiresAtMono !== null
          ? html`<span class="muted"
              ><pepay-countdown
                data-countdown
                .deadline=${state.expiresAtMono}
                .urgentWithin=${60_000}
                .locale=${locale}
                .format=${m.expiresIn}
                .announceAt=${ANNOUNCE_AT}
                .announce=${(msLeft: number) => pluralize(m.minutesLeft, Math.round(msLeft / 60_000), locale)}
              ></pepay-countdown
            ></span>`
          : nothing
      }
      ${connection ? html`<span class="connection">${connection}</span>` : nothing}
    </div>
  </header>`;
}
