/**
 * The merchant's page does not leak in or out (issue 14): its global CSS does not break the
 * slotted e-mail input, and a form of its own around the checkout submits what it did before.
 */
import {expect} from '@open-wc/testing';
import {waitUntil} from '../support/until.js';
import '../../src/define.js';
import type {PepayCheckout} from '../../src/index.js';
import {createSession, sandboxUrl} from '../support/sandbox.js';
import {stepIs} from '../support/walk.js';

describe('a busy host page', () => {
  it('a host form with its own name=email submits one value, and its CSS does not reach the field', async () => {
    const style = document.createElement('style');
    // What storefront themes really ship, at their worst: global input rules, some important.
    style.textContent = `input { width: 12px !important; font-size: 4px; color: transparent !important; border: 0; text-transform: uppercase; }
      input[type=email] { display: none; }`;
    document.head.append(style);
    const form = document.createElement('form');
    form.innerHTML = '<input name="email" value="merchant@example.com">';
    const s = await createSession({});
    const el = document.createElement('pepay-checkout') as PepayCheckout;
    Object.assign(el, {sessionToken: s.session_token, signature: s.signature, apiBase: sandboxUrl});
    form.append(el);
    document.body.append(form);
    try {
      await stepIs(el, 'email');
      await waitUntil(() => el.querySelector('input[name=email]'), 'the checkout e-mail field');
      const field = el.querySelector<HTMLInputElement>('input[name=email]')!;
      field.value = 'payer@example.com';
      expect(new FormData(form).getAll('email')).to.deep.equal(['merchant@example.com']);
      expect(field.form).to.equal(null);
      expect([...form.elements]).not.to.include(field);
      const look = getComputedStyle(field);
      expect(look.display).to.equal('block');
      expect(field.getBoundingClientRect().width).to.be.above(150);
      expect(look.color).not.to.equal('rgba(0, 0, 0, 0)');
      expect(parseFloat(look.fontSize)).to.be.above(10);
      expect(look.textTransform).to.equal('none');
    } finally {
      form.remove();
      style.remove();
    }
  });
});
