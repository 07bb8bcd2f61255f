/** The browser-wallet chunk (EIP-6963 discovery, EIP-1193 sending): registers its element when first needed. */
import {register} from '../register.js';
import {PepayWalletButtons} from './pepay-wallet-buttons.js';

register([['pepay-wallet-buttons', PepayWalletButtons]]);
