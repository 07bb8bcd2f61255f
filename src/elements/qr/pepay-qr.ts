import {LitElement, css, svg} from 'lit';
import {property} from 'lit/decorators.js';
import {loadQrEncoder, type QrEncode} from './encoder.js';
import {hostStyles} from '../../styles/tokens.js';
import {VERSION} from '../../version.js';

/**
 * A QR code drawn as SVG by a Lit template (no HTML strings). Stateless: `value` in, picture out.
 *
 * @tagname pepay-qr
 * @summary QR code of a payment address.
 * @csspart svg - The drawing.
 */
/** Loaded once per page, shared by every QR code. */
let encoder: QrEncode | null = null;

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
        display: block;
        width: 100%;
        height: 100%;
        border-radius: 8px;
      }
    `,
  ];

  /** The text encoded: the bare address, which every wallet reads the same way. */
  @property() value = '';
  /** Accessible name of the picture. */
  @property() label = '';

  override render() {
    if (!this.value) return null;
    const encode = encoder;
    if (!encode) {
      // The encoder is a chunk of its own: an empty square of the same size until it is here.
      void loadQrEncoder().then(
        (loaded) => {
          encoder = loaded;
          this.requestUpdate();
        },
        () => undefined,
      );
      return svg`<svg part="svg" role="img" aria-label=${this.label} aria-busy="true" viewBox="0 0 1 1"><rect width="1" height="1" fill="#fff"></rect></svg>`;
    }
    // Border 4 is the quiet zone the QR specification asks for; medium error correction.
    const {data, size} = encode(this.value, {ecc: 'M', border: 4});
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
}

declare global {
  interface HTMLElementTagNameMap {
    'pepay-qr': PepayQr;
  }
}
