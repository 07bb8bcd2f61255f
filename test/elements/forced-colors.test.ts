/**
 * A payer with a forced colour scheme (Windows' contrast themes): the browser replaces the
 * checkout's colours and drops its shadows, so what marks a state must be something it keeps
 * (WCAG 1.4.11). Only Chromium can emulate the scheme: the test skips in the other engines.
 */
import {expect} from '@open-wc/testing';
import {executeServerCommand} from '@web/test-runner-commands';
import {waitUntil} from '../support/until.js';
import '../../src/define.js';
import type {PepayCheckout} from '../../src/index.js';
import {createSession, sandboxUrl, simulate} from '../support/sandbox.js';
import {stepIs} from '../support/walk.js';

const forced = (active: boolean) => executeServerCommand<boolean, {active: boolean}>('emulate-forced-colors', {active});

/** A token button's marks: its border, outline and shadow, as the browser draws them. */
function marks(button: Element): string[] {
  const style = getComputedStyle(button);
  return [style.borderTopWidth, style.borderTopStyle, style.borderTopColor, style.outlineStyle, style.outlineWidth, style.boxShadow];
}

describe('forced colours', () => {
  afterEach(() => forced(false));

  it('the chosen token keeps its mark when the browser forces its colours (the server refused it: the list stays)', async function () {
    const s = await createSession({customer_email: 'a@example.com'});
    const el = document.createElement('pepay-checkout') as PepayCheckout;
    Object.assign(el, {sessionToken: s.session_token, signature: s.signature, apiBase: sandboxUrl});
    document.body.append(el);
    await stepIs(el, 'select-token');
    const list = el.shadowRoot!.querySelector('pepay-token-list')!;
    await simulate(s.invoice_id, 'faults', {http: [{kind: 'status', status: 400, path: 'payment-addresses'}]});
    list.shadowRoot!.querySelector<HTMLButtonElement>('[role=option]:not([disabled])')!.click();
    await waitUntil(() => el.state.notice !== null && el.state.busy === null, 'refused');
    const chosen = list.shadowRoot!.querySelector('[aria-selected="true"]')!;
    const other = list.shadowRoot!.querySelector('[aria-selected="false"]')!;
    // Only Chromium can emulate the scheme; there, it must take (a failure is no skip).
    if (!navigator.userAgent.includes('Chrome/')) {
      el.remove();
      this.skip();
    }
    expect([await forced(true), matchMedia('(forced-colors: active)').matches]).to.deep.equal([true, true]);
    // Focus would draw its own outline: the marks compared are the choice's alone.
    (document.activeElement as HTMLElement | null)?.blur();
    expect(marks(chosen)).to.not.deep.equal(marks(other));
    // The same size as the others: the mark moves nothing.
    expect(chosen.getBoundingClientRect().height).to.equal(other.getBoundingClientRect().height);
    el.remove();
  });
});
