import {LitElement} from 'lit';
import {property} from 'lit/decorators.js';
import type {PayerAction} from '../checkout/types.js';
import {PayerActionEvent} from '../events/payer-action.js';
import {en, type Messages} from '../i18n/en.js';
import {VERSION} from '../version.js';

/**
 * Base of the checkout's leaf elements: properties in (the messages and locale in force, plus
 * their own), payer actions out. Their only own state is what the payer is doing in them (a
 * filter, a field's error, a "Copied" flag).
 *
 * @fires payer-action - Internal (not composed): a payer action for the checkout (`PayerActionEvent`).
 */
export class PepayLeaf extends LitElement {
  static readonly version = VERSION;

  /** The catalogue in force. */
  @property({attribute: false}) messages: Messages = en;
  /** BCP 47 tag for numbers and dates. */
  @property() locale = 'en';

  protected act(action: PayerAction): void {
    this.dispatchEvent(new PayerActionEvent(action));
  }
}
