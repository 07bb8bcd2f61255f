import {html, nothing} from 'lit';
import {property} from 'lit/decorators/property.js';
import {state} from 'lit/decorators/state.js';
import type {Token} from '../../api/schemas/tokens.js';
import type {Rails} from '../../checkout/allocation.js';
import {networkName} from '../../checkout/format.js';
import {pluralize} from '../../i18n/plural.js';
import {controlStyles, leafHostStyles} from '../../styles/controls.js';
import {PepayLeaf} from '../leaf.js';
import {loadQrEncoder} from '../qr/encoder.js';
import {tokenListStyles} from './styles.js';

/** Past this many tokens a filter field is offered. */
const FILTER_FROM = 7;
/** How long the payer stops typing before the filter's count is said (about a slow keystroke). */
const TYPING_PAUSE_MS = 500;
/** Keys that move between tokens: by one (wrapping), or to the first or last. */
const ARROWS: Record<string, number | 'first' | 'last'> = {ArrowDown: 1, ArrowUp: -1, Home: 'first', End: 'last'};

/**
 * The tokens the payer can pay with, grouped by network; unavailable ones with their reason,
 * `aria-disabled`, reached by the arrow keys like the others (WAI-ARIA listbox: a screen reader in
 * the list hears that they exist and why they cannot be chosen). Choosing one sends `token-chosen`.
 *
 * @tagname pepay-token-list
 * @summary Token and network picker.
 */
export class PepayTokenList extends PepayLeaf {
  static override styles = [leafHostStyles, controlStyles, tokenListStyles];

  /** The session's tokens, in the server's order. */
  @property({attribute: false}) tokens: Token[] = [];
  /** An address is being prepared: the choices wait. */
  @property({type: Boolean}) busy = false;
  /** The token the payer chose (its id and network): marked, with "preparing" or its problem beside it. */
  @property({attribute: false}) chosen: Rails | null = null;
  /** What went wrong with the chosen token, in the payer's words ('' when nothing). */
  @property({attribute: false}) problem = '';

  /** What the payer typed in the filter, lower-cased and trimmed. */
  @state() private query = '';
  /** The payer is typing in the filter: what it leaves is said once typing pauses, not over each key's echo. */
  @state() private typing = false;
  private settling: ReturnType<typeof setTimeout> | undefined;
  /** The token in the tab order (roving tabindex, by `tokenKey`); derived in each render, kept for the next. */
  private tabStop: string | null = null;

  override connectedCallback(): void {
    super.connectedCallback();
    // The address step needs the QR encoder: fetch it while the payer chooses.
    loadQrEncoder().catch(() => undefined);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearTimeout(this.settling);
    this.typing = false;
  }

  override render() {
    const m = this.messages;
    const shownTokens = this.tokens.filter((token) => searchText(token).includes(this.query));
    const groups = new Map<string, Token[]>();
    for (const token of shownTokens) groups.set(token.network, [...(groups.get(token.network) ?? []), token]);
    // One tab stop for the whole list: the token last focused (an unavailable one too: Tab then
    // leaves the list from it, and comes back to it), else the chosen one, each only while shown
    // (a filter or a new list may hide it), else the first that can be chosen, else the first shown;
    // the arrow keys, Home and End move within it (WAI-ARIA listbox).
    const shown = (key: string | null) => key !== null && shownTokens.some((t) => tokenKey(t.network, t.id) === key);
    const first = shownTokens.find((token) => token.selectable) ?? shownTokens[0];
    this.tabStop = [this.tabStop, this.chosenKey].find(shown) ?? (first ? tokenKey(first.network, first.id) : null);
    return html`<div class="stack">
      ${this.tokens.length >= FILTER_FROM ? html`<label>${m.filterTokens} <input type="search" @input=${this.onFilter} /></label>` : nothing}
      <div role="listbox" aria-label=${m.selectTokenTitle} @keydown=${this.onArrow} ?hidden=${groups.size === 0}>
        ${[...groups].map(
          ([network, tokens]) =>
            html`<div role="group" aria-label=${networkName(network)} data-network=${network}>
              <h3 class="muted" aria-hidden="true">${networkName(network)}</h3>
              <ul class="tokens" role="none">
                ${tokens.map((token) => this.tokenButton(token))}
              </ul>
            </div>`,
        )}
      </div>
      ${groups.size === 0 ? html`<p class="muted" aria-hidden="true" data-no-match>${m.noTokens}</p>` : nothing}
      <!-- Said from outside the listbox (it holds options only), shown beside the token or the
        filter; the status region is always there, so screen readers hear its text when it comes.
        While the filter is used, how many tokens are left. -->
      <p class="visually-hidden" role="status" aria-live=${this.liveWhileRelabelling} data-token-status>
        ${this.statusWords(shownTokens.length)}
      </p>
      ${this.chosen !== null && this.problem && !this.busy ? html`<p class="visually-hidden" role="alert" data-token-alert>${this.problem}</p>` : nothing}
    </div>`;
  }

  /** What the status line says: the address being prepared, else what the filter leaves, if used. */
  private statusWords(shownCount: number): string {
    const m = this.messages;
    if (this.chosen !== null && this.busy) return m.preparingAddress;
    if (this.typing) return '';
    if (shownCount === 0) return m.noTokens;
    return this.query ? pluralize(m.tokensMatch, shownCount, this.locale) : '';
  }

  private get chosenKey(): string | null {
    return this.chosen && tokenKey(this.chosen.network, this.chosen.tokenId);
  }

  private moveTabStop(key: string): void {
    if (this.tabStop === key) return;
    this.tabStop = key;
    this.requestUpdate();
  }

  /** Arrow keys, Home and End move between the tokens shown, unavailable ones included (Tab leaves the list). */
  private readonly onArrow = (event: KeyboardEvent) => {
    const step = ARROWS[event.key];
    const current = event.target as HTMLElement;
    if (step === undefined || !current.matches('button[data-token]')) return;
    const buttons = [...this.renderRoot.querySelectorAll<HTMLButtonElement>('button[data-token]')];
    const at = buttons.indexOf(current as HTMLButtonElement);
    const next = step === 'first' ? 0 : step === 'last' ? buttons.length - 1 : (at + step + buttons.length) % buttons.length;
    buttons[next]?.focus();
    event.preventDefault();
  };

  private readonly onFilter = (event: InputEvent) => {
    this.query = (event.target as HTMLInputElement).value.trim().toLowerCase();
    this.typing = true;
    clearTimeout(this.settling);
    this.settling = setTimeout(() => (this.typing = false), TYPING_PAUSE_MS);
  };

  protected override updated(changed: Map<string, unknown>): void {
    // The payer is looking at the token they chose: its problem is brought into view there.
    if (changed.has('problem') && this.problem) this.renderRoot.querySelector('[data-token-problem]')?.scrollIntoView({block: 'nearest'});
  }

  private tokenButton(token: Token) {
    const choose = () => token.selectable && this.act({type: 'token-chosen', network: token.network, tokenId: token.id});
    const key = tokenKey(token.network, token.id);
    const chosen = key === this.chosenKey;
    const problem = chosen && this.problem && !this.busy;
    return html`<li role="none">
      <button
        class="token"
        role="option"
        aria-selected=${chosen ? 'true' : 'false'}
        tabindex=${key === this.tabStop ? '0' : '-1'}
        aria-disabled=${this.busy || !token.selectable ? 'true' : nothing}
        ?data-unavailable=${!token.selectable}
        aria-busy=${chosen && this.busy ? 'true' : nothing}
        aria-describedby=${problem ? 'token-problem' : nothing}
        @click=${choose}
        @focus=${() => this.moveTabStop(key)}
        data-token=${token.id}
      >
        ${token.iconUrl ? html`<img src=${token.iconUrl} alt="" width="24" height="24" referrerpolicy="no-referrer" @error=${hideImage} />` : nothing}
        <span><strong>${token.symbol}</strong> <span class="muted">${token.name}</span></span>
        ${
          token.selectable
            ? nothing
            : html`<span class="reason">${(this.messages.showsServerText && token.unavailableReason) || this.messages.unavailable}</span>`
        }
      </button>
      ${chosen && this.busy ? html`<p class="preparing" aria-hidden="true">${this.messages.preparingAddress}</p>` : nothing}
      ${problem ? html`<p class="problem" aria-hidden="true" id="token-problem" data-token-problem>${this.problem}</p>` : nothing}
    </li>`;
  }
}

/** One token among every network's: a Pepay token id goes with its network (payment-addresses takes both). */
function tokenKey(network: string, id: number): string {
  return `${network}\n${id}`;
}

function searchText(token: Token): string {
  return `${token.symbol} ${token.name} ${token.network} ${networkName(token.network)}`.toLowerCase();
}

function hideImage(event: Event) {
  (event.target as HTMLElement).hidden = true;
}

declare global {
  interface HTMLElementTagNameMap {
    'pepay-token-list': PepayTokenList;
  }
}
