import {LitElement, css, html, nothing} from 'lit';
import {property} from 'lit/decorators/property.js';
import {formatDuration} from '../../checkout/format.js';
import {msUntil} from '../../checkout/selectors.js';
import {leafHostStyles, visuallyHiddenStyles} from '../../styles/controls.js';
import {VERSION} from '../../version.js';
import {QuietRelabel} from '../quiet-relabel.js';

/**
 * Time left until a deadline, as `m:ss` inside the caller's sentence. It keeps its own timer, so
 * only it re-renders each second, and wakes exactly when the shown second changes.
 *
 * @tagname pepay-countdown
 * @summary A countdown to a monotonic deadline.
 * @attr urgent - Set by the element itself within `urgentWithin` ms of the deadline (styled in the danger colour).
 */
export class PepayCountdown extends LitElement {
  static readonly version = VERSION;
  static override styles = [
    leafHostStyles,
    css`
      :host {
        display: inline;
      }
      /* The last minute is marked: colour and weight, not colour alone (WCAG 1.4.1). */
      :host([urgent]) {
        color: var(--_danger);
        font-weight: 700;
      }
    `,
    visuallyHiddenStyles,
  ];

  /** The deadline in ms on the `performance.now()` clock; null shows nothing. */
  @property({attribute: false}) deadline: number | null = null;
  /** Marks the element `[urgent]` in this last stretch (ms) before the deadline; 0 never does. */
  @property({attribute: false}) urgentWithin = 0;
  /** BCP 47 tag whose digits the time is written in. */
  @property() locale = 'en';
  /** Puts the formatted time into a sentence ("Expires in 4:59"). */
  @property({attribute: false}) format: (time: string) => string = (time) => time;
  /**
   * Moments (ms before the deadline) said to screen readers as they pass, by `announce` (a polite
   * live region): "5 minutes left", not every second. One already past when shown is not said.
   */
  @property({attribute: false}) announceAt: readonly number[] = [];
  @property({attribute: false}) announce: ((msLeft: number) => string) | null = null;

  /** The milestone last said, and the time left at the previous render (to see one pass). */
  private said: number | null = null;
  private lastLeft: number | null = null;

  private timer: ReturnType<typeof setTimeout> | undefined;
  /** The milestone said changes language unsaid. */
  private readonly relabel = new QuietRelabel(this, () => [this.locale]);

  override connectedCallback(): void {
    super.connectedCallback();
    // Moved in the DOM: its timer was cleared on the way out.
    this.requestUpdate();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearTimeout(this.timer);
  }

  override render() {
    clearTimeout(this.timer);
    const left = msUntil(this.deadline, performance.now());
    // The last stretch before the deadline is marked on the element ([urgent]), for its style and the page's.
    this.toggleAttribute('urgent', left !== null && left > 0 && left <= this.urgentWithin);
    if (left === null) return nothing;
    // The shown value is whole seconds rounded up: it changes when `left` crosses a second.
    // Only while on the page: a render after removal must not start a chain of timers that lives on.
    if (left > 0 && this.isConnected) this.timer = setTimeout(() => this.requestUpdate(), (left % 1000) + 5);
    const passed = this.announceAt.find((at) => this.lastLeft !== null && this.lastLeft > at && left <= at && left > 0);
    if (passed !== undefined) this.said = passed;
    this.lastLeft = left;
    const said = this.said !== null && this.announce && left > 0 ? this.announce(this.said) : '';
    return html`${this.format(formatDuration(left, this.locale))}<span
        class="visually-hidden"
        role="status"
        aria-live=${this.relabel.quietNow() ? 'off' : nothing}
        >${said}</span
      >`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'pepay-countdown': PepayCountdown;
  }
}
