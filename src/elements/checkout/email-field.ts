import type {ReactiveController, ReactiveControllerHost} from 'lit';
import {EMAIL_PATTERN} from '../forms/validity.js';

/**
 * The e-mail step's input, kept in the checkout's light DOM while that step shows: password
 * managers and autofill see only fields of the page, never inside a shadow root. It is slotted
 * into the e-mail form, which checks it.
 */
export class EmailField implements ReactiveController {
  private input: HTMLInputElement | null = null;

  /** @param submit submits the e-mail form (Enter in the field). */
  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement,
    private readonly submit: () => void,
  ) {
    host.addController(this);
  }

  /** Adds the field (prefilled with `value`) while `wanted`, removes it otherwise; its name and `lang` follow the checkout's language. */
  sync(wanted: boolean, value: string, label: string, lang: string): void {
    if (!wanted) return this.hostDisconnected();
    if (this.input) {
      this.input.setAttribute('aria-label', label);
      this.input.lang = lang;
      return;
    }
    const input = document.createElement('input');
    Object.assign(input, {
      type: 'email',
      name: 'email',
      autocomplete: 'email',
      inputMode: 'email',
      maxLength: 254,
      required: true,
      pattern: EMAIL_PATTERN,
      slot: 'email',
      value,
    });
    input.setAttribute('aria-label', label);
    input.lang = lang;
    // Owned by no form of the page: a merchant's form around the checkout submits exactly what it
    // did before (an id that names no element gives the input no form owner).
    input.setAttribute('form', `pepay-checkout-no-form-${crypto.randomUUID?.() ?? Math.random().toString(36).slice(2)}`);
    input.addEventListener('keydown', (event) => {
      if (event.key !== 'Enter') return;
      event.preventDefault();
      this.submit();
    });
    this.input = input;
    this.host.append(input);
  }

  hostDisconnected(): void {
    this.input?.remove();
    this.input = null;
  }
}
