/**
 * Where the keyboard goes when the step changes: to the new step's heading when the payer is in
 * the checkout, or acted in it and its focus was lost with the view it was in (fell back to the
 * body); never away from something else on the page, and not on a first load nobody asked for.
 * The heading is then read where it is focused, so the live region need not say it again (unless
 * it had the focus already).
 *
 * Within a step too, a render may take away the control the keyboard is on ("Get a new price"
 * becomes "Refreshing the price", a view's "Try again" becomes the view): the keyboard then goes to
 * the step's heading, or to "Try again" where there is none, instead of the top of the page
 * (WCAG 2.4.3 Focus Order). Controls only busy for a moment stay where they are (`aria-disabled`).
 */
import type {LitElement, ReactiveController} from 'lit';
import {deepFocused} from '../deep-focus.js';

/** Where a lost keyboard lands: the step's heading, else "Try again" (a card with no step to show), else the loading skeleton. */
const LANDING = '[data-step-heading], [data-retry], [data-loading]';

export class StepFocus implements ReactiveController {
  /** The payer has acted in this checkout (its focus may follow the steps). */
  engaged = false;
  /** The control the keyboard is on in this checkout (through its leaves' shadow roots), while it is. */
  private lastFocused: Element | null = null;

  constructor(private readonly host: LitElement) {
    host.addController(this);
  }

  /**
   * Before each render: the control the keyboard is on in this checkout. Read, not followed with
   * focus events: a move between two controls in one shadow root never reaches the host.
   */
  hostUpdate(): void {
    // `:focus-within`, not `document.activeElement`: the checkout may sit in another shadow root (the modal's).
    if (this.host.matches(':focus-within')) this.lastFocused = deepFocused(this.host.renderRoot as ShadowRoot);
    // Kept while it waits for a place to land; the payer who left is not followed.
    else if (!this.lastFocused || !this.lost(this.lastFocused) || !onBody()) this.lastFocused = null;
  }

  hostDisconnected(): void {
    this.lastFocused = null;
  }

  hostUpdated(): void {
    if (this.lastFocused) void this.host.updateComplete.then(() => this.rescue());
  }

  /**
   * Whether the new step's heading takes focus (and is read). Not where the heading has it already
   * (a step that follows one the payer only waited on): focusing it again reads nothing, and a
   * screen reader need not say a focused element's new text.
   */
  headingSpeaks(): boolean {
    const onHeading = (this.host.renderRoot as ShadowRoot).activeElement?.hasAttribute('data-step-heading');
    return !onHeading && (this.host.matches(':focus-within') || (this.engaged && onBody()));
  }

  /** In the modal (`<pepay-checkout-dialog>` renders it in its shadow root), where the Close button has the focus first. */
  get inModal(): boolean {
    return (this.host.getRootNode() as Partial<ShadowRoot>).host?.localName === 'pepay-checkout-dialog';
  }

  /** After the next render: the heading, if it takes focus. */
  follow(): void {
    void this.host.updateComplete.then(() => {
      if (!this.headingSpeaks()) return;
      // Brought into view only for a payer whose keyboard was in the checkout, not one who clicked the page and scrolled away.
      const inside = this.host.matches(':focus-within') || this.lastFocused !== null;
      land(this.host.renderRoot.querySelector<HTMLElement>('[data-step-heading]'), inside);
    });
  }

  /** The control the keyboard was on is gone, and with it the focus: it lands in the card. */
  private rescue(): void {
    const last = this.lastFocused;
    if (!last || !this.lost(last) || !onBody()) return;
    land(this.host.renderRoot.querySelector<HTMLElement>(LANDING), true);
  }

  /**
   * Taken away by a render. Not "disabled": the browser moves focus off a disabled control only
   * later (a task, a frame), so it would be found lost at some unrelated render; nothing here
   * disables a control the keyboard is on (busy ones are `aria-disabled`).
   */
  private lost(control: Element): boolean {
    return !control.isConnected;
  }
}

/**
 * Focuses `target` and, with `inView`, scrolls it into view by the least distance, so a payer who
 * scrolled down to a control does not lose sight of where the keyboard went (WCAG 2.4.3, 2.4.11
 * Focus Not Obscured). Not the browser's own scroll on focus: Chromium centres the element, the
 * others vary. Focus is read from its root, not `:focus`, which a window in the background does
 * not match (the payer is often in their wallet when the payment lands).
 */
function land(target: HTMLElement | null, inView: boolean): void {
  if (!target) return;
  target.focus({preventScroll: true});
  if (inView && (target.getRootNode() as ShadowRoot).activeElement === target) target.scrollIntoView({block: 'nearest', inline: 'nearest'});
}

/** Focus fell to the top of the page (or nowhere). */
function onBody(): boolean {
  const focused = document.activeElement;
  return !focused || focused === document.body;
}
