/**
 * An npm app that registers the modal and the QR code itself, to place them in its own markup
 * (README, "The rest of the public surface"): found by a merchant probe, for whom the dialog in
 * markup stayed undefined. Its own page: nothing here is registered before the test does it.
 */
import {expect, fixture, html, waitUntil} from '@open-wc/testing';
import {defineElements, PepayCheckoutDialog, PepayQr, type PepayCheckout, type PepayCheckoutButton} from '../../src/index.js';
import {deepReady} from '../support/deep.js';
import {createSession, sandboxUrl} from '../support/sandbox.js';
import {toPayment} from '../support/walk.js';

const until = (what: string, predicate: () => unknown) => waitUntil(predicate, what, {timeout: 10_000});

describe('an app registering <pepay-checkout-dialog> and <pepay-qr> itself', () => {
  it('its own dialog shows the checkout and its QR; the button then opens the same class, with no warning', async () => {
    const warnings: unknown[][] = [];
    const warn = console.warn;
    console.warn = (...args: unknown[]) => void warnings.push(args);
    try {
      customElements.define('pepay-checkout-dialog', PepayCheckoutDialog);
      customElements.define('pepay-qr', PepayQr);
      defineElements();
      const s = await createSession({customer_email: 'a@example.com'});
      const dialog = await fixture<PepayCheckoutDialog>(
        html`<pepay-checkout-dialog
          session-token=${s.session_token}
          signature=${s.signature}
          api-base=${sandboxUrl}
          open
        ></pepay-checkout-dialog>`,
      );
      expect(dialog.shadowRoot!.querySelector('dialog')!.matches(':modal')).to.equal(true);
      const checkout = dialog.shadowRoot!.querySelector<PepayCheckout>('pepay-checkout')!;
      await toPayment(checkout);
      expect(await deepReady(checkout.shadowRoot!, 'pepay-qr')).to.be.instanceOf(PepayQr);
      dialog.close();

      const button = await fixture<PepayCheckoutButton>(
        html`<pepay-checkout-button
          session-token=${s.session_token}
          signature=${s.signature}
          api-base=${sandboxUrl}
        ></pepay-checkout-button>`,
      );
      button.show();
      await until('its modal', () => button.shadowRoot!.querySelector('pepay-checkout-dialog'));
      await until('open', () => button.shadowRoot!.querySelector('pepay-checkout-dialog')!.shadowRoot?.querySelector('dialog')?.open);
      expect(button.shadowRoot!.querySelector('pepay-checkout-dialog')).to.be.instanceOf(PepayCheckoutDialog);
      expect(warnings).to.deep.equal([]);
    } finally {
      console.warn = warn;
    }
  });
});
