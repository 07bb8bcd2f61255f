import {html, nothing, type ReactiveController, type ReactiveControllerHost, type TemplateResult} from 'lit';
import {keyed} from 'lit/directives/keyed.js';

/** What can be copied: each names the `[data-copy]` node selected when the browser refuses. */
export type CopyKey = 'address' | 'amount' | 'invoice';

/** How long "Copied" stays, in ms. */
const SHOWN_MS = 2000;

/** The words a copy button needs. */
export interface CopyWords {
  copied: string;
  copyBlocked: string;
}

/**
 * Copy buttons of one element: copies to the clipboard and remembers which one succeeded (its
 * button says "Copied" in place), or, when the browser refuses (permissions, an insecure origin, a
 * frame without clipboard access), says so and selects the text for a copy by hand.
 */
export class CopyController implements ReactiveController {
  /** The key of the copy that just succeeded, or ''. */
  copied: CopyKey | '' = '';
  /** The key of the copy the browser refused, or ''. */
  blocked: CopyKey | '' = '';
  /** Copies that succeeded: each is said anew, even while the last one's "Copied" is still there. */
  private copies = 0;
  /** Copies the browser refused: each is an alert anew, even while the last one's is still there. */
  private refusals = 0;
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor(private readonly host: ReactiveControllerHost & {renderRoot: ParentNode}) {
    host.addController(this);
  }

  /** `key` is ours, never a server string, so it may stand in a selector. */
  async copy(key: CopyKey, text: string): Promise<void> {
    try {
      await navigator.clipboard.writeText(text);
    } catch {
      this.blocked = key;
      this.copied = '';
      this.refusals += 1;
      this.host.requestUpdate();
      const target = this.host.renderRoot.querySelector(`[data-copy="${key}"]`);
      if (target) getSelection()?.selectAllChildren(target);
      return;
    }
    this.copied = key;
    this.blocked = '';
    this.copies += 1;
    this.host.requestUpdate();
    clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.copied = '';
      this.host.requestUpdate();
    }, SHOWN_MS);
  }

  /**
   * A copy button whose label turns to "Copied" in place: both labels share one grid cell, so the
   * button keeps the width of the longer and nothing around it moves. `text` null: busy (what it
   * copies is being made again), and it keeps the keyboard's place meanwhile.
   */
  button(key: CopyKey, label: string, text: string | null, words: CopyWords): TemplateResult {
    const done = this.copied === key;
    return html`<button
      class="copy"
      data-copy-button=${key}
      aria-disabled=${text === null ? 'true' : nothing}
      @click=${() => text !== null && this.copy(key, text)}
    >
      <span aria-hidden=${done ? 'true' : 'false'}>${label}</span><span aria-hidden=${done ? 'false' : 'true'}>${words.copied}</span>
    </button>`;
  }

  /**
   * The live parts: "Copied" for screen readers, and what to do when the browser refused. Each
   * copy's "Copied" is a node of its own (`keyed`): a second copy within the 2 s is said too
   * (WCAG 4.1.3), where the same text left in place would change nothing to announce. So is each
   * refusal's alert. `live`: the status line's `aria-live` (`QuietRelabel`).
   */
  status(words: CopyWords, live: 'off' | typeof nothing): TemplateResult {
    return html`<span class="visually-hidden" role="status" aria-live=${live}
        >${this.copied ? keyed(this.copies, html`<span>${words.copied}</span>`) : ''}</span
      >
      ${this.blocked ? keyed(this.refusals, html`<p class="copy-blocked" role="alert" data-copy-blocked>${words.copyBlocked}</p>`) : nothing}`;
  }

  hostDisconnected(): void {
    clearTimeout(this.timer);
    this.copied = '';
    this.blocked = '';
  }
}
