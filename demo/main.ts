/// <reference types="vite/client" />
/** The demo page: stands in for the merchant's server (via the sandbox's simulator API). */
import '../src/define.js';
import {CHECKOUT_EVENTS} from '../src/events/contract.js';
import {IN_PAGE_ORIGIN, installInPageSandbox} from './sandbox/browser/in-page.ts';

// `npm start` serves this page beside the sandbox on 8787; the static build (`npm run build:demo`)
// runs the sandbox engine inside the page; `?sandbox=<url>` points either elsewhere.
const requested = new URLSearchParams(location.search).get('sandbox');
const sandboxUrl = requested ?? (import.meta.env.PROD ? IN_PAGE_ORIGIN : 'http://127.0.0.1:8787');
if (sandboxUrl === IN_PAGE_ORIGIN) installInPageSandbox();

const form = document.querySelector<HTMLFormElement>('#create')!;
const slot = document.querySelector<HTMLElement>('#checkout-slot')!;
const controls = document.querySelectorAll<HTMLButtonElement>('#controls button');
const simStatus = document.querySelector<HTMLElement>('#sim-status')!;
const log = document.querySelector<HTMLOListElement>('#log')!;
let invoiceId = '';

form.addEventListener('submit', async (event) => {
  event.preventDefault();
  const data = new FormData(form);
  const body = {
    amount_usd: Number(data.get('amount')),
    description: String(data.get('description') ?? ''),
    expires_in: Number(data.get('minutes')) * 60_000,
    environment: data.get('environment'),
    commerce: data.get('commerce') === 'on',
    questions:
      data.get('questions') === 'on'
        ? {questions: [{id: 'q1', question: 'Company name', type: 'text', validation: {required: true}}]}
        : undefined,
  };
  const response = await fetch(`${sandboxUrl}/sandbox/invoices`, {method: 'POST', body: JSON.stringify(body)});
  if (!response.ok) {
    simStatus.textContent = `Could not create a session: ${response.status}`;
    return;
  }
  const session = (await response.json()) as {invoice_id: string; session_token: string; signature: string};
  invoiceId = session.invoice_id;
  const checkout = document.createElement('pepay-checkout');
  checkout.setAttribute('session-token', session.session_token);
  checkout.setAttribute('signature', session.signature);
  checkout.setAttribute('api-base', sandboxUrl);
  checkout.setAttribute('theme', String(data.get('theme')));
  checkout.setAttribute('locale', String(data.get('locale')));
  for (const name of CHECKOUT_EVENTS) checkout.addEventListener(name, (e) => record(name, e.detail));
  slot.replaceChildren(checkout);
  // On a phone the checkout is below the form: bring it into view.
  checkout.scrollIntoView({block: 'start', behavior: 'smooth'});
  log.replaceChildren();
  for (const button of controls) button.disabled = false;
  simStatus.textContent = `Session for invoice ${invoiceId} created.`;
});

for (const button of controls) {
  button.addEventListener('click', async () => {
    const {action, amount} = button.dataset;
    const response = await fetch(`${sandboxUrl}/sandbox/invoices/${invoiceId}/${action}`, {
      method: 'POST',
      body: JSON.stringify(amount ? {amount} : {}),
    });
    const result = (await response.json()) as {error?: {message: string}};
    simStatus.textContent = response.ok
      ? `${button.textContent}: done.`
      : `${button.textContent}: ${result.error?.message ?? response.status}`;
  });
}

function record(name: string, detail: unknown): void {
  const item = document.createElement('li');
  item.textContent = `${new Date().toLocaleTimeString()} ${name} ${JSON.stringify(detail)}`;
  log.append(item);
  log.scrollTop = log.scrollHeight;
}
