import type {ReactiveController, ReactiveControllerHost} from 'lit';

/** How long status regions stay off after a language switch (ms). */
const RELABEL_MS = 300;

/**
 * The `aria-live` of an element's status regions (`role="status"`): "off" for a moment while their
 * words change language, so that a switch, which says nothing new, does not have every status line
 * read again (WCAG 4.1.3: a keyboard probe heard "Still due …" again in each language). A region
 * whose words change meanwhile for another reason is said on its next change. Alerts stay live: a
 * payer may have switched because they could not read one.
 */
export class QuietRelabel implements ReactiveController {
  private quiet = false;
  private shown: readonly unknown[] | null = null;
  private timer: ReturnType<typeof setTimeout> | undefined;

  /**
   * `language`: what the words are rendered in (a tag, a catalogue), compared item by item. Read
   * as the region is rendered, not before the render: an element may resolve its language in it.
   */
  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly language: () => readonly unknown[],
  ) {
    host.addController(this);
  }

  /** Whether a status region rendered now is to be quiet: its words are changing language. */
  quietNow(): boolean {
    const now = this.language();
    const before = this.shown;
    this.shown = now;
    if (before && !this.quiet && now.some((item, i) => item !== before[i])) {
      this.quiet = true;
      // Live again once the accessibility tree has taken the new words (a frame is not enough: it
      // is built after the frame's callbacks, and a background tab runs none).
      this.timer = setTimeout(() => {
        this.quiet = false;
        this.host.requestUpdate();
      }, RELABEL_MS);
    }
    return this.quiet;
  }

  hostDisconnected(): void {
    clearTimeout(this.timer);
    // Rendered live again, once back on the page: a moved element is not rendered by itself.
    if (this.quiet) this.host.requestUpdate();
    this.quiet = false;
  }
}
