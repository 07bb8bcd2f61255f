/**
 * `encoder.ts` for the classic script tag: the encoder is its own classic script,
 * `pepay-qr-encoder.iife.js`, next to `pepay-checkout.iife.js` (found from that script's own URL),
 * added to the page on demand. Same-origin as the bundle, so `script-src 'self'` allows it.
 */
import {pepayPolicy} from '../../trusted-types.js';
import type {QrEncode} from './encoder.js';

declare global {
  interface Window {
    PepayQrEncoder?: {encode: QrEncode};
  }
}

/** The bundle's own URL, read while it runs (later, `currentScript` is another script or null). */
const base = (typeof document !== 'undefined' && (document.currentScript as HTMLScriptElement | null)?.src) || '';

let loading: Promise<QrEncode> | null = null;

export function loadQrEncoder(): Promise<QrEncode> {
  if (window.PepayQrEncoder) return Promise.resolve(window.PepayQrEncoder.encode);
  loading ??= new Promise<QrEncode>((resolve, reject) => {
    const script = document.createElement('script');
    const url = new URL('pepay-qr-encoder.iife.js', base || location.href).href;
    // A page enforcing Trusted Types takes a script URL only from a policy.
    script.src = pepayPolicy()?.createScriptURL(url) ?? url;
    script.onload = () => (window.PepayQrEncoder ? resolve(window.PepayQrEncoder.encode) : reject(new Error('no QR encoder')));
    script.onerror = () => {
      loading = null;
      script.remove();
      reject(new Error(`cannot load ${url}`));
    };
    document.head.append(script);
  });
  return loading;
}

export type {QrEncode};
