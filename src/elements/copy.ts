import type {ReactiveController, ReactiveControllerHost} from 'lit';

/** What can be copied: each names the `[data-copy]` node selected when the browser refuses. */
export type CopyKey = 'address' | 'amount' | 'invoice';

/** How long "Copied" stays, in ms. */
const SHOWN_MS = 2000;

/**
 * Copy buttons of one element: copies to the clipboard and remembers which one succeeded (for its
 * "Copied"), or, when the browser refuses (permissions, an insecure origin, an iframe policy),
 * selects the text so the payer can copy it by hand.
 */
export class CopyController implements ReactiveController {
  /** The key of the copy that just succeeded, or ''. */
  copied: CopyKey | '' = '';
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor(private readonly host: ReactiveControllerHost & {renderRoot: ParentNode}) {
    host.addController(this);
  }

  /** `key` is ours, never a server string, so it may stand in a selector. */
  async copy(key: CopyKey, text: string): Promise<void> {
    try {
      await navigator.clipboard.writeText(text);
    } catch {
      const target = this.host.renderRoot.querySelector(`[data-copy="${key}"]`);
      if (target) getSelection()?.selectAllChildren(target);
      return;
    }
    this.copied = key;
    this.host.requestUpdate();
    clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.copied = '';
      this.host.requestUpdate();
    }, SHOWN_MS);
  }

  hostDisconnected(): void {
    clearTimeout(this.timer);
    this.copied = '';
  }
}
