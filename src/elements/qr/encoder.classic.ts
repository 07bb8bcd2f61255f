/**
 * `encoder.ts` for the classic script tag: the encoder is its own classic script,
 * `pepay-qr-encoder.iife.js`, next to `pepay-checkout.iife.js` (found from that script's own URL),
 * added to the page on demand. Same-origin as the bundle, so `script-src 'self'` allows it.
 */
import {allowScriptUrl, pepayPolicy} from '../../trusted-types.js';
import type {QrEncode} from './encoder.js';

declare global {
  interface Window {
    PepayQrEncoder?: {encode: QrEncode};
  }
}

/**
 * The encoder's URL, next to the bundle's own, worked out once while the bundle runs (later,
 * `currentScript` is another script or null). Read through `Document.prototype`'s getter: markup
 * such as `<img name="currentScript" src="https://elsewhere/">` shadows `document.currentScript`
 * and would choose the script this bundle loads.
 */
const encoderUrl = ((): string => {
  if (typeof document === 'undefined') return '';
  const current = Object.getOwnPropertyDescriptor(Document.prototype, 'currentScript')?.get?.call(document);
  const base = current instanceof HTMLScriptElement && current.src ? current.src : location.href;
  return new URL('pepay-qr-encoder.iife.js', base).href;
})();
allowScriptUrl(encoderUrl);

let loading: Promise<QrEncode> | null = null;

export function loadQrEncoder(): Promise<QrEncode> {
  if (window.PepayQrEncoder) return Promise.resolve(window.PepayQrEncoder.encode);
  loading ??= new Promise<QrEncode>((resolve, reject) => {
    const script = document.createElement('script');
    // A page enforcing Trusted Types takes a script URL only from a policy.
    script.src = pepayPolicy()?.createScriptURL(encoderUrl) ?? encoderUrl;
    script.onload = () => (window.PepayQrEncoder ? resolve(window.PepayQrEncoder.encode) : reject(new Error('no QR encoder')));
    script.onerror = () => {
      loading = null;
      script.remove();
      reject(new Error(`cannot load ${encoderUrl}`));
    };
    document.head.append(script);
  });
  return loading;
}

export type {QrEncode};
