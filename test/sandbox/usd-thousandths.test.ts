/**
 * USD figures finer than Pepay's unit (thousandths of a USD, the events' `usd_millis`): each is
 * counted once, to the thousandth, where it arrives, so what the card shows adds up. A scripted
 * server answers an underpaid session with such figures; the test reads what the payer sees.
 */
import {expect} from '@open-wc/testing';
import '../../src/define.js';
import type {PepayCheckout} from '../../src/index.js';
import {deep, deepReady} from '../support/deep.js';
import {loadFixture} from '../support/fixtures.js';
import {isolated} from '../support/formatted.js';
import {queueFirstScreen, scriptedApi} from '../support/script.js';
import {stepIs} from '../support/walk.js';

type Body = Record<string, unknown>;
let sessions = 0;

/** An underpaid checkout on USDC on Base, for an invoice of `amountUsd` with `remainingUsd` still due. */
async function underpaidCheckout(amountUsd: number, remainingUsd: number): Promise<PepayCheckout> {
  const api = scriptedApi();
  const underpaid = {invoice_status: 'underpaid', locked_network: 'base', locked_token_id: 123};
  await queueFirstScreen(api, {...underpaid, amount_usd: amountUsd, amount_remaining_usd: remainingUsd});
  await api.queue('/api/v1/payments/payment-addresses', {
    body: {
      ...((await loadFixture('payment-addresses.200.json')) as Body),
      temp_address: '0x1111111111111111111111111111111111111111',
      usd_amount: amountUsd,
      estimated_token_amount: remainingUsd.toFixed(6),
      ws_connection: null,
    },
  });
  await api.queue('/api/v1/payments/payment-status', ...Array.from({length: 30}, () => ({body: {status: 'underpaid', paid_at: null}})));
  const el = document.createElement('pepay-checkout');
  Object.assign(el, {sessionToken: `pst_usd_${sessions++}`, signature: 'sig.1', apiBase: api.base});
  document.body.append(el);
  await stepIs(el, 'underpaid');
  await deepReady(el.shadowRoot!, '[data-still-due]');
  return el;
}

const shown = (el: PepayCheckout, selector: string) => (deep(el.shadowRoot!, selector)?.textContent ?? '').replace(/\s+/g, ' ').trim();

describe('USD figures finer than a thousandth', () => {
  afterEach(() => document.querySelectorAll('pepay-checkout').forEach((el) => el.remove()));

  it('$4.0005 still due on a $20 invoice: "Received $15.999 · Still due: $4.001", which add up to $20', async () => {
    // The review's input: "Received" was rounded from the float (4.0005 is a hair below it in
    // binary, so $16.00) and "Still due" by Intl from the figure as written ($4.001): $20.001 in all.
    const el = await underpaidCheckout(20, 4.0005);
    expect(shown(el, '[data-still-due]')).to.equal(`Received ${isolated('$15.999')} · Still due: ${isolated('$4.001')}`);
    expect(el.state.amountRemainingUsd).to.equal(4.001);
  });

  it('sibling: a $32.0025 invoice with $10 due reads "$32.003" above "Received $22.003 · Still due: $10.00"', async () => {
    // The invoice total this time, and another figure whose binary value is below its half.
    const el = await underpaidCheckout(32.0025, 10);
    expect(shown(el, '[part=amount]')).to.equal(isolated('$32.003'));
    expect(shown(el, '[data-still-due]')).to.equal(`Received ${isolated('$22.003')} · Still due: ${isolated('$10.00')}`);
  });
});
