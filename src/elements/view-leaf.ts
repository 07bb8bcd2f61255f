import {property} from 'lit/decorators/property.js';
import {enViews, type ViewMessages} from '../i18n/en-views.js';
import {PepayLeaf} from './leaf.js';

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

  /** The lazy views' strings arrive after the rest of a language's. */
  protected override languageShown(): readonly unknown[] {
    return [...super.languageShown(), this.views];
  }
}
