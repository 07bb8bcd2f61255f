import {LitElement, css, html, svg} from 'lit';
import {property} from 'lit/decorators/property.js';
import {state} from 'lit/decorators/state.js';
import {Backoff} from '../../realtime/backoff.js';
import {loadQrEncoder, type QrEncode} from './encoder.js';
import {hostStyles} from '../../styles/tokens.js';
import {VERSION} from '../../version.js';

/** Loaded once per page, shared by every QR code. */
let encoder: QrEncode | null = null;

/**
 * A QR code drawn as SVG by a Lit template (no HTML strings): `value` in, picture out. Its encoder
 * is a chunk of its own; while that cannot be fetched, `unavailable` is said in the square's place
 * and it is asked for again, ever less often.
 *
 * @tagname pepay-qr
 * @summary QR code of a payment address.
 * @csspart svg - The drawing.
 */
export class PepayQr extends LitElement {
  static readonly version = VERSION;
  static override styles = [
    hostStyles,
    css`
      :host {
        min-width: 0;
        width: var(--pepay-qr-size, 184px);
        aspect-ratio: 1;
      }
      svg {
        /* Windows high contrast keeps the code black on white: a scanner needs it. */
        forced-color-adjust: none;
        display: block;
        width: 100%;
        height: 100%;
        border-radius: 8px;
      }
      p {
        display: grid;
        place-items: center;
        box-sizing: border-box;
        height: 100%;
        margin: 0;
        padding: 12px;
        border: 1px dashed currentColor;
        border-radius: 8px;
        text-align: center;
      }
    `,
  ];

  /** The text encoded: the bare address, which every wallet reads the same way. */
  @property() value = '';
  /** Accessible name of the picture. */
  @property() label = '';
  /** Said in the picture's place while the encoder cannot be fetched. */
  @property() unavailable = '';

  @state() private failed = false;
  private fetching = false;
  private retryTimer: ReturnType<typeof setTimeout> | undefined;
  private readonly retries = new Backoff({baseMs: 2000, maxMs: 30_000});

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearTimeout(this.retryTimer);
    this.fetching = false;
  }

  override render() {
    if (!this.value) return null;
    const encode = encoder;
    if (!encode) {
      this.fetchEncoder();
      if (this.failed) return html`<p>${this.unavailable}</p>`;
      // An empty square of the same size until the encoder is here.
      return svg`<svg part="svg" role="img" aria-label=${this.label} aria-busy="true" viewBox="0 0 1 1"><rect width="1" height="1" fill="#fff"></rect></svg>`;
    }
    const code = encoded(encode, this.value);
    // Too long for any QR code: said in its place, as when the encoder is missing (the copy path stays).
    if (!code) return html`<p>${this.unavailable}</p>`;
    const {data, size} = code;
    let path = '';
    data.forEach((row, y) =>
      row.forEach((dark, x) => {
        if (dark) path += `M${x} ${y}h1v1h-1z`;
      }),
    );
    return svg`<svg part="svg" role="img" aria-label=${this.label} viewBox="0 0 ${size} ${size}" shape-rendering="crispEdges">
      <rect width=${size} height=${size} fill="#fff"></rect>
      <path d=${path} fill="#000"></path>
    </svg>`;
  }

  /** Asks for the encoder once at a time; after a failure, again later while this code is shown. */
  private fetchEncoder(): void {
    if (this.fetching || !this.isConnected) return;
    this.fetching = true;
    loadQrEncoder().then(
      (loaded) => {
        encoder = loaded;
        this.fetching = false;
        this.failed = false;
        this.requestUpdate();
      },
      () => {
        this.failed = true;
        this.retryTimer = setTimeout(() => {
          this.fetching = false;
          this.requestUpdate();
        }, this.retries.next());
      },
    );
  }
}

/** The code for `value`, or null when it is too long for one. Border 4 is the quiet zone the QR specification asks for; medium error correction. */
function encoded(encode: QrEncode, value: string): ReturnType<QrEncode> | null {
  try {
    return encode(value, {ecc: 'M', border: 4});
  } catch {
    return null;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'pepay-qr': PepayQr;
  }
}
