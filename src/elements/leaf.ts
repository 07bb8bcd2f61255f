import {LitElement, nothing} from 'lit';
import {property} from 'lit/decorators/property.js';
import type {PayerAction} from '../checkout/types.js';
import {PayerActionEvent} from '../events/payer-action.js';
import {en, type Messages} from '../i18n/en.js';
import {VERSION} from '../version.js';
import {QuietRelabel} from './quiet-relabel.js';

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
  /**
   * Where payer actions go, when the checkout hands it down: an action then arrives even once
   * this leaf (or the view around it) has left the page, as a wallet answering late does. Unset:
   * they are dispatched as `payer-action` for the view around.
   */
  @property({attribute: false}) actor: ((action: PayerAction) => void) | null = null;

  private readonly relabel = new QuietRelabel(this, () => this.languageShown());

  /** What its words are in: a change of any is a language switch (`QuietRelabel`). */
  protected languageShown(): readonly unknown[] {
    return [this.locale, this.messages];
  }

  /** For a status region's `aria-live`: "off" while its words change language (`QuietRelabel`). */
  protected get liveWhileRelabelling(): 'off' | typeof nothing {
    return this.relabel.quietNow() ? 'off' : nothing;
  }

  protected act(action: PayerAction): void {
    if (this.actor) this.actor(action);
    else this.dispatchEvent(new PayerActionEvent(action));
  }
}
