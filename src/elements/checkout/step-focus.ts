/**
 * Where the keyboard goes when the step changes: to the new step's heading when the payer is in
 * the checkout, or acted in it and its focus was lost with the view it was in (fell back to the
 * body); never away from something else on the page, and not on a first load nobody asked for.
 * The heading is then read where it is focused, so the live region need not say it again.
 */
import type {LitElement} from 'lit';

export class StepFocus {
  /** The payer has acted in this checkout (its focus may follow the steps). */
  engaged = false;

  constructor(private readonly host: LitElement) {}

  /** Whether the new step's heading takes focus (and is read). */
  headingSpeaks(): boolean {
    const focused = document.activeElement;
    return this.host.matches(':focus-within') || (this.engaged && (!focused || focused === document.body));
  }

  /** After the next render: the heading, if it takes focus. */
  follow(): void {
    void this.host.updateComplete.then(() => {
      if (this.headingSpeaks()) this.host.renderRoot.querySelector<HTMLElement>('[data-step-heading]')?.focus({preventScroll: true});
    });
  }
}
