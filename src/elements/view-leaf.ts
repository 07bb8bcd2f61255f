import {nothing, type PropertyValues} from 'lit';
import {property} from 'lit/decorators/property.js';
import {enViews, type ViewMessages} from '../i18n/en-views.js';
import {PepayLeaf} from './leaf.js';

/** How long status regions stay off after a language switch (ms). */
const RELABEL_MS = 300;

/**
 * Base of the leaves in the lazy views (payment view, last screens, browser wallets): a leaf that
 * also takes the lazy views' strings, which ship in those views' chunks (src/i18n/en-views.ts).
 */
export class PepayViewLeaf extends PepayLeaf {
  /** The lazy views' strings in the checkout's language; null: English. */
  @property({attribute: false}) views: ViewMessages | null = null;

  /** The lazy views' strings in force: `views`, else English's. */
  protected get viewMessages(): ViewMessages {
    return this.views ?? enViews;
  }

  /** Its words are being changed to another language's (for `RELABEL_MS`). */
  private relabelling = false;

  /**
   * For a status region's `aria-live`: "off" while its words change language, so that a language
   * switch, which says nothing new, does not have every status line read again (WCAG 4.1.3: a
   * keyboard probe heard "Still due …" again in each language). A region whose words change
   * meanwhile for another reason is said on its next change.
   */
  protected get liveWhileRelabelling(): 'off' | typeof nothing {
    return this.relabelling ? 'off' : nothing;
  }

  protected override willUpdate(changed: PropertyValues): void {
    super.willUpdate(changed);
    const language = changed.has('locale') || changed.has('messages') || changed.has('views');
    if (!this.hasUpdated || !language || this.relabelling) return;
    this.relabelling = true;
    // Live again once the accessibility tree has taken the new words (a frame is not enough: it
    // is built after the frame's callbacks, and a background tab runs none).
    setTimeout(() => {
      this.relabelling = false;
      this.requestUpdate();
    }, RELABEL_MS);
  }
}
