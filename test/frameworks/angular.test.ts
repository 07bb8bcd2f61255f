import '@angular/compiler';
import {expect, waitUntil} from '@open-wc/testing';
import {CUSTOM_ELEMENTS_SCHEMA, Component, provideZonelessChangeDetection} from '@angular/core';
import {bootstrapApplication} from '@angular/platform-browser';
import '../../src/define.js';
import type {PepayCheckout} from '../../src/index.js';
import {createSession, sandboxUrl, simulate, type Session} from '../support/sandbox.js';
import {toPayment} from '../support/walk.js';

let session: Session;
const paid: string[] = [];

// The README's Angular template (JIT-compiled here), with the test sandbox's API origin added.
@Component({
  selector: 'pepay-angular-host',
  schemas: [CUSTOM_ELEMENTS_SCHEMA],
  template: `<pepay-checkout
    [attr.session-token]="token"
    [attr.signature]="signature"
    [attr.api-base]="api"
    (pepay-paid)="onPaid($event.detail)"
  ></pepay-checkout>`,
})
class HostComponent {
  token = session.session_token;
  signature = session.signature;
  api = sandboxUrl;
  onPaid(detail: {invoiceId: string}) {
    paid.push(detail.invoiceId);
  }
}

describe('Angular, as the README shows it', () => {
  it('binds the session and hears pepay-paid', async () => {
    session = await createSession({customer_email: 'a@example.com'});
    document.body.append(document.createElement('pepay-angular-host'));
    const app = await bootstrapApplication(HostComponent, {providers: [provideZonelessChangeDetection()]});
    const el = document.querySelector('pepay-angular-host pepay-checkout') as PepayCheckout;
    await toPayment(el);
    await simulate(session.invoice_id, 'pay');
    await waitUntil(() => paid.length === 1, 'pepay-paid', {timeout: 10_000});
    expect(paid).to.deep.equal([session.invoice_id]);
    app.destroy();
  });
});
