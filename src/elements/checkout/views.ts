/** One render function per step. Stateless: the state and callbacks in, a template out. */
import {html, nothing, type TemplateResult} from 'lit';
import type {Token} from '../../api/schemas/tokens.js';
import {formatDuration, formatUsd, networkName, trimAmount} from '../../checkout/format.js';
import type {CheckoutState, Input} from '../../checkout/types.js';
import type {Messages} from '../../i18n/en.js';

export interface ViewContext {
  state: CheckoutState;
  messages: Messages;
  locale: string;
  copied: string;
  dispatch: (input: Input) => void;
  retry: () => void;
  copy: (key: string, text: string) => void;
  /** The light-DOM e-mail input of the email step. */
  emailInput: () => HTMLInputElement | null;
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export function renderStep(c: ViewContext): TemplateResult {
  const {state} = c;
  const body = (() => {
    switch (state.step) {
      case 'loading':
        return loading(c.messages);
      case 'questions':
        return questions(c);
      case 'email':
        return email(c);
      case 'select-token':
        return selectToken(c);
      case 'awaiting-payment':
      case 'underpaid':
        return payment(c);
      case 'paid':
        return paid(c);
      case 'expired':
      case 'canceled':
        return ended(c);
      case 'error':
        return error(c);
    }
  })();
  return html`<section class="card" part="card" aria-busy=${state.step === 'loading'}>
    ${state.step === 'loading' || state.step === 'error' ? nothing : header(c)} ${body}
  </section>`;
}

function header(c: ViewContext): TemplateResult {
  const {state, messages: m} = c;
  const open = state.step !== 'paid' && state.step !== 'expired' && state.step !== 'canceled';
  const remaining = state.expiresAtMono !== null ? state.expiresAtMono - state.now : null;
  return html`<header part="header">
    <div>
      <p class="muted">${m.payTo(state.session?.merchantName ?? '')}</p>
      <div class="amount" part="amount">${formatUsd(state.session?.amountUsd ?? null, c.locale)}</div>
      ${state.session?.description ? html`<p class="muted">${state.session.description}</p>` : nothing}
    </div>
    <div class="stack">
      ${state.environment === 'devnet' ? html`<span class="badge" title=${m.testModeHint}>${m.testMode}</span>` : nothing}
      ${open && remaining !== null ? html`<span class="muted" data-countdown>${m.expiresIn(formatDuration(remaining))}</span>` : nothing}
      ${connection(c)}
    </div>
  </header>`;
}

function connection(c: ViewContext) {
  const {connection: status} = c.state;
  if (status === 'reconnecting') return html`<span class="connection">${c.messages.reconnecting}</span>`;
  if (status === 'offline') return html`<span class="connection">${c.messages.offline}</span>`;
  return nothing;
}

function heading(text: string) {
  return html`<h2 tabindex="-1" data-step-heading>${text}</h2>`;
}

function loading(m: Messages): TemplateResult {
  // Same footprint as the payment view, so nothing jumps when data arrives. Classes, not style
  // attributes: a strict CSP (no 'unsafe-inline') blocks those.
  return html`<div class="stack" role="status" aria-label=${m.loading}>
    <div class="skeleton short"></div>
    <div class="skeleton amount"></div>
    <div class="skeleton tall"></div>
    <div class="skeleton"></div>
    <div class="skeleton long"></div>
  </div>`;
}

function notice(c: ViewContext) {
  const n = c.state.notice;
  if (!n) return nothing;
  const text = n.code === 'bad-request' ? n.message : c.messages.errors[n.code];
  return html`<p class="notice" role="alert">${text}</p>`;
}

function questions(c: ViewContext): TemplateResult {
  const {state, messages: m} = c;
  const submit = (event: SubmitEvent) => {
    event.preventDefault();
    const form = event.currentTarget as HTMLFormElement;
    let valid = true;
    const answers = state.questions.map((q) => {
      const input = form.elements.namedItem(q.id) as HTMLInputElement;
      const value = input.value.trim();
      const problem = q.required && !value ? m.fieldRequired : value && q.type === 'email' && !EMAIL.test(value) ? m.invalidEmail : '';
      input.setAttribute('aria-invalid', String(Boolean(problem)));
      const hint = form.querySelector(`#err-${q.id}`);
      if (hint) hint.textContent = problem;
      if (problem) valid = false;
      return {questionId: q.id, response: value};
    });
    if (valid) c.dispatch({type: 'questions-submitted', answers});
    else form.querySelector<HTMLInputElement>('[aria-invalid="true"]')?.focus();
  };
  return html`<form class="stack" novalidate @submit=${submit}>
    ${heading(m.questionsTitle)}
    ${state.questions.map(
      (q) => html`<label
          >${q.label}${q.required ? html` <span class="muted">(${m.required})</span>` : nothing}
          <input name=${q.id} type=${q.type} autocomplete=${q.type === 'email' ? 'email' : 'off'} aria-describedby="err-${q.id}" ?required=${q.required} maxlength="512" />
        </label>
        <p class="field-error" id="err-${q.id}"></p>`,
    )}
    ${notice(c)}
    <button class="primary" part="pay-button" ?disabled=${state.busy === 'questions'}>${m.continue}</button>
  </form>`;
}

function email(c: ViewContext): TemplateResult {
  const {state, messages: m} = c;
  const submit = (event: SubmitEvent) => {
    event.preventDefault();
    const input = c.emailInput();
    if (!input) return;
    const value = input.value.trim();
    const valid = EMAIL.test(value);
    input.setAttribute('aria-invalid', String(!valid));
    const hint = (event.currentTarget as HTMLFormElement).querySelector('#err-email');
    if (hint) hint.textContent = valid ? '' : m.invalidEmail;
    if (valid) c.dispatch({type: 'email-submitted', email: value});
    else input.focus();
  };
  // The input itself is slotted from the light DOM: browsers only autofill fields they can see there.
  return html`<form class="stack" novalidate @submit=${submit}>
    ${heading(m.emailTitle)}
    <div class="field"><span aria-hidden="true">${m.emailLabel}</span> <slot name="email"></slot></div>
    <p class="field-error" id="err-email" role="alert"></p>
    ${notice(c)}
    <div class="row">
      <button class="primary" part="pay-button" ?disabled=${state.busy === 'email'}>${m.continue}</button>
      <button type="button" @click=${() => c.dispatch({type: 'email-skipped'})}>${m.skip}</button>
    </div>
  </form>`;
}

function selectToken(c: ViewContext): TemplateResult {
  const {state, messages: m} = c;
  const byNetwork = new Map<string, Token[]>();
  for (const token of state.tokens) byNetwork.set(token.network, [...(byNetwork.get(token.network) ?? []), token]);
  // The filter text is local to this view: it hides rows, networks left empty, and says so when nothing is left.
  const filter = (event: InputEvent) => {
    const query = (event.target as HTMLInputElement).value.trim().toLowerCase();
    const list = (event.target as HTMLElement).closest('.stack')!;
    for (const item of list.querySelectorAll<HTMLElement>('[data-search]')) item.hidden = !item.dataset['search']!.includes(query);
    for (const group of list.querySelectorAll<HTMLElement>('[data-network]')) group.hidden = !group.querySelector('[data-search]:not([hidden])');
    list.querySelector<HTMLElement>('[data-no-match]')!.hidden = Boolean(list.querySelector('[data-network]:not([hidden])'));
  };
  return html`<div class="stack">
    ${heading(m.selectTokenTitle)}
    ${state.tokens.length > 6 ? html`<label>${m.filterTokens} <input type="search" @input=${filter} /></label>` : nothing}
    ${[...byNetwork].map(
      ([network, tokens]) => html`<div data-network=${network}>
        <h3 class="muted">${networkName(network)}</h3>
        <ul class="tokens" aria-label=${networkName(network)}>
          ${tokens.map((t) => tokenButton(c, t))}
        </ul>
      </div>`,
    )}
    <p class="muted" data-no-match ?hidden=${state.tokens.length > 0}>${m.noTokens}</p>
    ${notice(c)}
  </div>`;
}

function tokenButton(c: ViewContext, t: Token): TemplateResult {
  const search = `${t.symbol} ${t.name} ${t.network} ${networkName(t.network)}`.toLowerCase();
  const choose = () => c.dispatch({type: 'token-chosen', network: t.network, tokenId: t.id});
  return html`<li data-search=${search}>
    <button class="token" ?disabled=${!t.selectable || c.state.busy === 'address'} @click=${choose} data-token=${t.id}>
      ${t.iconUrl ? html`<img src=${t.iconUrl} alt="" width="24" height="24" referrerpolicy="no-referrer" @error=${hideImage} />` : nothing}
      <span><strong>${t.symbol}</strong> <span class="muted">${t.name}</span></span>
      ${t.selectable ? nothing : html`<span class="reason">${t.unavailableReason ?? c.messages.unavailable}</span>`}
    </button>
  </li>`;
}

function hideImage(event: Event) {
  (event.target as HTMLElement).hidden = true;
}

function payment(c: ViewContext): TemplateResult {
  const {state, messages: m} = c;
  const a = state.address;
  if (!a) return html`<div class="stack">${heading(m.preparingAddress)}${loading(m)}${notice(c)}</div>`;
  const token = state.tokens.find((t) => t.id === a.tokenId);
  const symbol = token?.symbol ?? '';
  const network = networkName(a.network);
  const amount = a.tokenAmount ? trimAmount(a.tokenAmount) : '';
  const underpaid = state.step === 'underpaid';
  const paidSoFar = state.session?.amountUsd != null && state.amountRemainingUsd != null ? state.session.amountUsd - state.amountRemainingUsd : null;
  const quoteLeft = state.quoteExpiresAtMono !== null ? state.quoteExpiresAtMono - state.now : null;
  return html`<div class="stack">
    ${underpaid
      ? html`${heading(m.underpaidTitle)}
          <p>${m.received(formatUsd(paidSoFar, c.locale))} · <strong>${m.stillDue(formatUsd(state.amountRemainingUsd, c.locale))}</strong></p>
          <p class="muted">${m.underpaidHint(symbol, network)}</p>`
      : heading(amount ? m.sendExactly(amount, symbol, network) : m.quoteRefreshing)}
    ${underpaid && amount ? html`<p><strong>${m.sendExactly(amount, symbol, network)}</strong></p>` : nothing}
    <div class="pay">
      <pepay-qr part="qr" .value=${a.address} .label=${m.qrLabel(network)}></pepay-qr>
      <div class="stack">
        <p class="muted">${m.address}</p>
        <p class="address" part="address" data-copy="address" title=${a.address}>${a.address}</p>
        <div class="row">
          <button @click=${() => c.copy('address', a.address)}>${m.copyAddress}</button>
          ${amount ? html`<button @click=${() => c.copy('amount', amount)}>${m.copyAmount}</button>` : nothing}
          ${c.copied ? html`<span class="copied" role="status">${m.copied}</span>` : nothing}
        </div>
        <p class="muted">${m.onlyNetwork(network)}</p>
        ${state.busy === 'address' ? html`<p class="muted">${m.quoteRefreshing}</p>` : quoteLeft !== null && amount ? html`<p class="muted" data-quote>${m.quoteValid(formatDuration(quoteLeft))}</p>` : nothing}
      </div>
    </div>
    ${notice(c)}
    <div class="row">
      ${state.session?.locked ? nothing : html`<button @click=${() => c.dispatch({type: 'change-token'})}>${m.chooseAnother}</button>`}
      <button @click=${() => c.dispatch({type: 'verify-requested'})} ?disabled=${state.busy === 'verify'}>${m.alreadyPaid}</button>
    </div>
    ${state.busy === 'verify' ? html`<p class="muted" role="status">${m.verifying}</p>` : nothing}
    ${state.verification ? html`<p class="muted" role="status" data-verification>${m.verification(state.verification.status)}</p>` : nothing}
  </div>`;
}

function invoiceId(c: ViewContext) {
  const id = c.state.invoiceId ?? '';
  return html`<p class="muted">${c.messages.invoice}: <code data-copy="invoice">${id}</code></p>
    <div class="row">
      <button @click=${() => c.copy('invoice', id)}>${c.messages.copyInvoiceId}</button>
      ${c.copied === 'invoice' ? html`<span class="copied" role="status">${c.messages.copied}</span>` : nothing}
    </div>`;
}

function paid(c: ViewContext): TemplateResult {
  const {state, messages: m} = c;
  const at = state.paidAt ? new Intl.DateTimeFormat(c.locale, {dateStyle: 'medium', timeStyle: 'short'}).format(state.paidAt) : '';
  return html`<div class="stack" part="status">
    <span class="status-icon" aria-hidden="true">✓</span>
    ${heading(m.paidTitle)}
    <p>${m.paidBody}</p>
    ${at ? html`<p class="muted">${m.paidAt(at)}</p>` : nothing} ${invoiceId(c)}
    ${state.order ? html`<p data-order>${m.order(state.order.status.replace(/_/g, ' '))}</p>` : nothing}
  </div>`;
}

function ended(c: ViewContext): TemplateResult {
  const {messages: m} = c;
  const expired = c.state.step === 'expired';
  return html`<div class="stack" part="status">
    ${heading(expired ? m.expiredTitle : m.canceledTitle)}
    <p>${expired ? m.expiredBody : m.canceledBody}</p>
    ${invoiceId(c)}
  </div>`;
}

function error(c: ViewContext): TemplateResult {
  const {messages: m} = c;
  const e = c.state.error;
  return html`<div class="stack" part="error" role="alert">
    ${heading(m.errorTitle)}
    <p>${e ? m.errors[e.code] : ''}</p>
    ${e?.retryable ? html`<button class="primary" part="pay-button" @click=${c.retry}>${m.retry}</button>` : nothing}
  </div>`;
}
