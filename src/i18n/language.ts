/**
 * An element's language, as a Lit controller: which catalogue it speaks now (English until the
 * chunk of its own language is here, then it renders again), and the element's `dir`, whatever
 * the page's: `rtl` for Arabic and Hebrew from the first render (their words may still be on the
 * way), `ltr` for every other language and for English standing in for theirs.
 * Each element resolves its own: two checkouts may speak two languages.
 */
import type {ReactiveController, ReactiveControllerHost} from 'lit';
import {RIGHT_TO_LEFT, type Catalogue, type Locale} from './catalogue.js';
import {en, type Messages} from './en.js';
import type {ViewMessages} from './en-views.js';
import {catalogueFailed, catalogueNow, forgetFailure} from './loaded.js';
import {catalogueLocale, explicitLocale} from './locale.js';

/**
 * The elements to render again when a `lang` attribute changes in the page (a single-page app's
 * language switch on `<html>`, or on a section around the checkout): one observer for the page,
 * made when the first element connects. A `lang` inside another component's shadow root is read
 * at each render but not watched (an observer does not see into shadow roots).
 */
const speakers = new Set<ReactiveControllerHost & HTMLElement>();
let langWatch: MutationObserver | null = null;

/** Whether `node` is or contains `element`, or a shadow host that `element` is inside (at any depth). */
function isAtOrAbove(node: Node, element: Element): boolean {
  for (let at: Element | undefined = element; at; at = (at.getRootNode() as Partial<ShadowRoot>).host) if (node.contains(at)) return true;
  return false;
}

export class LanguageController implements ReactiveController {
  private catalogue: Catalogue | null = null;
  /** The language of the words shown (English while another is on its way). */
  language: Locale = 'en';
  /** The language whose words are wanted (here, or on their way). */
  wanted: Locale = 'en';
  /** The explicit `locale` last resolved: a new one may try a language that failed before. */
  private explicit = '';

  constructor(private readonly host: ReactiveControllerHost & HTMLElement) {
    host.addController(this);
  }

  /**
   * Resolves the language for this render from the element's `locale` (attribute or property;
   * anything but a string counts as none).
   */
  resolve(locale: unknown): Messages {
    const explicit = explicitLocale(locale);
    const wanted = (this.wanted = catalogueLocale(this.host, explicit));
    if (explicit !== this.explicit) forgetFailure(wanted);
    this.explicit = explicit;
    this.catalogue = catalogueNow(wanted, () => this.host.requestUpdate());
    this.language = this.catalogue ? wanted : 'en';
    this.arrived = wanted === 'en' || this.catalogue !== null;
    this.rightToLeft = RIGHT_TO_LEFT.has(wanted) && !catalogueFailed(wanted);
    return this.messages;
  }

  /** The wanted language is written right to left and its words are here or on their way. */
  private rightToLeft = false;

  /** The wanted language's words are here (English is always): formats may follow the locale. */
  arrived = true;

  get messages(): Messages {
    return this.catalogue?.messages ?? en;
  }

  /** The lazy views' strings; null: English (the views hold those themselves). */
  get views(): ViewMessages | null {
    return this.catalogue?.views ?? null;
  }

  hostConnected(): void {
    speakers.add(this.host);
    // Only a `lang` at or above the element, across the shadow roots it is in (the modal's
    // checkout, one inside a merchant's component): one it sets below itself (its e-mail field's) is not news.
    langWatch ??= new MutationObserver((records) => {
      for (const host of speakers) if (records.some((record) => isAtOrAbove(record.target, host))) host.requestUpdate();
    });
    langWatch.observe(document.documentElement, {attributeFilter: ['lang'], subtree: true});
  }

  hostDisconnected(): void {
    speakers.delete(this.host);
  }

  hostUpdated(): void {
    // Set either way: English (or any left-to-right language) on a right-to-left page is still read
    // left to right. Written only when it changes: a page's observers hear nothing at each render.
    const dir = this.rightToLeft ? 'rtl' : 'ltr';
    if (this.host.getAttribute('dir') !== dir) this.host.setAttribute('dir', dir);
  }
}
