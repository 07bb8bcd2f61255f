/// <reference types="vite/client" />
/**
 * The demo page: a small store that stands in for the merchant's server (through the sandbox's
 * simulator API), the checkout as the configurator sets it up, and the chain played by hand.
 */
import '../src/define.js';
import {CHECKOUT_EVENTS} from '../src/events/contract.js';
import {LOCALES} from '../src/i18n/catalogue.js';
import type {PepayCheckoutButton, Step} from '../src/index.js';
import {IN_PAGE_ORIGIN, installInPageSandbox} from './sandbox/browser/in-page.ts';
import {enabled, runAction, type ChainState} from './simulator.ts';
import {
  DEFAULT_CONFIG,
  attributesFor,
  npmSnippets,
  reactSnippet,
  scriptTagSnippet,
  stylesFor,
  tagFor,
  type DemoConfig,
} from './snippets.ts';

// `npm start` serves this page beside the sandbox on 8787; the static build (`npm run build:demo`)
// runs the sandbox engine inside the page; `?sandbox=<url>` points either elsewhere.
const requested = new URLSearchParams(location.search).get('sandbox');
const sandboxUrl = requested ?? (import.meta.env.PROD ? IN_PAGE_ORIGIN : 'http://127.0.0.1:8787');
if (sandboxUrl === IN_PAGE_ORIGIN) installInPageSandbox();

const $ = <T extends Element = HTMLElement>(selector: string) => document.querySelector<T>(selector)!;
const store = $<HTMLFormElement>('#create');
const configure = $<HTMLFormElement>('#configure');
const slot = $('#checkout-slot');
const controls = [...document.querySelectorAll<HTMLButtonElement>('#controls button')];
const log = $<HTMLOListElement>('#log');
const chain: ChainState = {invoiceId: '', step: null, commerce: false, pending: false, orderDone: false};
/** Order statuses after which no "next order step" follows. */
const ORDER_DONE = new Set(['delivered', 'delivery_confirmed', 'fulfilled', 'cancelled', 'canceled', 'refunded', 'failed']);
let session: {session_token: string; signature: string} | null = null;
let config: DemoConfig = {...DEFAULT_CONFIG};

store.addEventListener('submit', (event) => {
  event.preventDefault();
  void startCheckout();
});
store.addEventListener('input', () => {
  const data = new FormData(store);
  $('#order-name').textContent = String(data.get('description') || 'Your order');
  $('#order-total').textContent = `$${Number(data.get('amount') || 0).toFixed(2)}`;
});

async function startCheckout(): Promise<void> {
  const data = new FormData(store);
  const body = {
    amount_usd: Number(data.get('amount')),
    description: String(data.get('description') ?? ''),
    expires_in: Number(data.get('minutes')) * 60_000,
    environment: data.get('environment'),
    commerce: data.get('commerce') === 'on',
    merchant_name: 'Demo Store',
    questions:
      data.get('questions') === 'on'
        ? {questions: [{id: 'q1', question: 'Company name', type: 'text', validation: {required: true}}]}
        : undefined,
  };
  const said = $('#store-status');
  $('#sim-status').textContent = '';
  let response: Response;
  try {
    response = await fetch(`${sandboxUrl}/sandbox/invoices`, {method: 'POST', body: JSON.stringify(body)});
  } catch {
    said.textContent = `The sandbox at ${sandboxUrl} is not answering. Start it with npm start, or build the self-contained demo with npm run build:demo.`;
    return;
  }
  if (!response.ok) {
    said.textContent = `The sandbox refused to create the invoice (status ${response.status}). Check the order details and try again.`;
    return;
  }
  const created = (await response.json()) as {invoice_id: string; session_token: string; signature: string};
  session = created;
  Object.assign(chain, {invoiceId: created.invoice_id, commerce: body.commerce, pending: false, orderDone: false});
  said.textContent = `Invoice ${created.invoice_id} created.`;
  log.replaceChildren();
  mount();
  slot.scrollIntoView({block: 'start', behavior: 'smooth'});
}

/** The element the configurator describes, with the session: exactly what the snippets say. */
function mount(): void {
  if (!session) return;
  const element = document.createElement(tagFor(config));
  element.setAttribute('session-token', session.session_token);
  element.setAttribute('signature', session.signature);
  element.setAttribute('api-base', sandboxUrl);
  applyLook(element);
  for (const name of [...CHECKOUT_EVENTS, 'pepay-close'] as const)
    element.addEventListener(name, (e) => heard(name, (e as CustomEvent).detail));
  slot.replaceChildren(element);
  // Nothing on the chain makes sense until a checkout is on the page; a button opens its modal at once.
  chain.step = config.display === 'inline' ? 'loading' : null;
  if (element.localName === 'pepay-checkout-button') (element as PepayCheckoutButton).show();
  syncControls();
}

function applyLook(element: HTMLElement): void {
  for (const name of ['theme', 'locale', 'qr-content']) element.removeAttribute(name);
  for (const [name, value] of attributesFor(config)) element.setAttribute(name, value);
  element.removeAttribute('style');
  for (const [name, value] of stylesFor(config)) element.style.setProperty(name, value);
}

function heard(name: string, detail: unknown): void {
  if (name === 'pepay-step-change') chain.step = (detail as {step: Step}).step;
  // The modal closed: no checkout on the page until the payer opens it again.
  if (name === 'pepay-close') chain.step = null;
  if (name === 'pepay-order') chain.orderDone = ORDER_DONE.has((detail as {status: string}).status);
  if (name === 'pepay-paid' || name === 'pepay-expired' || name === 'pepay-canceled') chain.pending = false;
  const item = document.createElement('li');
  item.textContent = `${new Date().toLocaleTimeString()} ${name} ${JSON.stringify(detail)}`;
  log.append(item);
  syncControls();
}

function syncControls(): void {
  for (const button of controls) button.disabled = !enabled(button.dataset.action ?? '', Boolean(button.dataset.pending), chain);
}

for (const button of controls) {
  button.addEventListener('click', async () => {
    button.disabled = true;
    const {ok, said} = await runAction(sandboxUrl, chain.invoiceId, button);
    if (ok && button.dataset.pending) chain.pending = true;
    if (ok && (button.dataset.action === 'confirm' || button.dataset.action === 'fail')) chain.pending = false;
    $('#sim-status').textContent = said;
    syncControls();
    // On a phone the checkout is above this panel: show what the chain's move did to it.
    if (ok && matchMedia('(max-width: 800px)').matches) slot.scrollIntoView({block: 'start', behavior: 'smooth'});
  });
}

configure.addEventListener('input', () => {
  const data = new FormData(configure);
  const accent = $<HTMLInputElement>('#configure input[name=accent]');
  const previous = config.display;
  config = {
    display: data.get('display') === 'modal' ? 'modal' : 'inline',
    theme: (data.get('theme') as DemoConfig['theme']) ?? 'auto',
    accent: accent.value === accent.defaultValue ? '' : accent.value,
    radius: Number(data.get('radius')),
    locale: String(data.get('locale') ?? ''),
    qrContent: (data.get('qrContent') as DemoConfig['qrContent']) ?? '',
  };
  const current = slot.querySelector<HTMLElement>('pepay-checkout, pepay-checkout-button');
  // Inline and modal are different elements; anything else changes the one on the page in place.
  if (current && previous === config.display) applyLook(current);
  else mount();
  showSnippets();
});

function showSnippets(): void {
  $('#snippet-script').textContent = scriptTagSnippet(config);
  const npm = npmSnippets(config);
  $('#snippet-npm-install').textContent = npm.install;
  $('#snippet-npm-entry').textContent = npm.entry;
  $('#snippet-npm-markup').textContent = npm.markup;
  $('#radius-value').textContent = `${config.radius} px`;
  $('#snippet-react').textContent = reactSnippet(config);
}

for (const button of document.querySelectorAll<HTMLButtonElement>('button[data-copy]')) {
  button.addEventListener('click', async () => {
    const text = $(`#${button.dataset.copy}`).textContent ?? '';
    try {
      await navigator.clipboard.writeText(text);
      $('#copy-status').textContent = 'Copied.';
    } catch {
      $('#copy-status').textContent = 'Your browser blocked copying: select the snippet and copy it.';
    }
  });
}

// Every shipped language, named in itself (Deutsch, العربية, 日本語…).
const languages = $<HTMLSelectElement>('#configure select[name=locale]');
for (const locale of LOCALES) {
  const option = new Option(new Intl.DisplayNames([locale], {type: 'language'}).of(locale) ?? locale, locale);
  option.lang = locale;
  languages.append(option);
}

showSnippets();
syncControls();
