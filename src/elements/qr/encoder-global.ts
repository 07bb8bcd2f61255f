/** Entry of `pepay-qr-encoder.iife.js`: uqr's encoder as a global for the classic bundle. */
import type {} from './encoder.classic.js';
import {encode} from 'uqr';

window.PepayQrEncoder ??= {encode};
