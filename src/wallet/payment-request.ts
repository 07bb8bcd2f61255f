/**
 * Payment request URIs: what a wallet opens, or scans, to pay this invoice with the amount, token
 * and network filled in. Built from the allocated address (`temp_address`, `network`,
 * `estimated_token_amount` rounded up to the token's precision) and the token (`token_address`,
 * `token_decimals`, `requires_memo`). Pure; never throws.
 *
 * - EVM networks: EIP-681 (`ethereum:<to>@<chainId>?value=<wei>`, or for an ERC-20
 *   `ethereum:<token>@<chainId>/transfer?address=<to>&uint256=<base units>`).
 * - Solana: a Solana Pay transfer request (`solana:<to>?amount=<decimal>&spl-token=<mint>&label=…&message=…`).
 * - TON: `ton://transfer/<to>?amount=<base units>` (`&jetton=<master>` for a jetton), as Tonkeeper's
 *   and Tonhub's deep links read it.
 */
import type {PaymentAddress} from '../api/schemas/address.js';
import {EVM_NETWORKS} from '../api/schemas/deposit-address.js';
import type {Environment} from '../api/schemas/primitives.js';
import type {Token} from '../api/schemas/tokens.js';
import {fromBaseUnits, toBaseUnits} from '../checkout/amount.js';
import {trimAmount} from '../checkout/format.js';
import {evmChainId} from './chains.js';
import {graphemes} from './graphemes.js';
import {plainText} from './plain-text.js';

/** An EVM transaction that pays the request, for `eth_sendTransaction` (hex quantities, EIP-1474). */
export interface EvmTransfer {
  chainId: number;
  /** The recipient of the call: the deposit address (native coin) or the token contract (ERC-20). */
  to: string;
  value: bigint;
  /** ERC-20 `transfer(address,uint256)` call data, or null for the native coin. */
  data: string | null;
}

export type PaymentRequest =
  | {uri: string; transfer: EvmTransfer}
  | {uri: string; transfer: null}
  /** No URI: `memo`, the token needs a memo no scheme here carries; `network`, no standard for it
   * (or no chain id known); `token`, the token's contract or precision is unknown or malformed. */
  | {uri: null; reason: 'memo' | 'network' | 'token'};

export interface RequestContext {
  environment: Environment;
  merchantName: string;
  description: string;
  /** The merchant's chain ids by network (`chainIds` on the element). */
  chainIds?: Readonly<Record<string, number>>;
}

const EVM_ACCOUNT = /^0x[0-9a-fA-F]{40}$/;
const SOLANA_ACCOUNT = /^[1-9A-HJ-NP-Za-km-z]{32,44}$/;
const TON_ACCOUNT = /^(?:[A-Za-z0-9_-]{48}|-?\d{1,3}:[0-9a-fA-F]{64})$/;
/**
 * The most bytes, percent-encoded, of the merchant's name and of the description a Solana Pay
 * request carries (a Chinese character is 9, an emoji 12): each adds to the QR code's density,
 * and 144 of them keep an SPL request within QR version 12 (65 modules, about 2.8 px each at the
 * QR's 184 px). Past it, the text is cut between characters and ends with "…".
 */
const LABEL_MAX_BYTES = 48;
const MESSAGE_MAX_BYTES = 96;
/** `transfer(address,uint256)`: the first four bytes of its Keccak-256 (ERC-20). */
const ERC20_TRANSFER = '0xa9059cbb';

/**
 * The request for `address` (whose `tokenAmount` is already what the payer is shown) paying in
 * `token`; never throws (a malformed field from the server means no URI, reason `token`).
 */
export function paymentRequest(address: PaymentAddress, token: Token, context: RequestContext): PaymentRequest {
  if (token.requiresMemo) return {uri: null, reason: 'memo'};
  const amount = address.tokenAmount;
  const decimals = token.decimals;
  if (amount === null || decimals === null || !/^\d+(\.\d+)?$/.test(amount)) return {uri: null, reason: 'token'};
  const units = toBaseUnits(amount, decimals);
  // Only a token that says it is the chain's own coin is paid as one: a missing contract is no
  // reason to ask for the native coin instead (another currency, another amount).
  const native = token.type === 'native';
  const network = address.network;
  if (EVM_NETWORKS.has(network)) {
    const chainId = evmChainId(network, context.environment, context.chainIds);
    if (chainId === null) return {uri: null, reason: 'network'};
    if (native) {
      return {
        uri: `ethereum:${address.address}@${chainId}?value=${units}`,
        transfer: {chainId: chainId, to: address.address, value: units, data: null},
      };
    }
    const contract = token.contractAddress ?? '';
    if (!EVM_ACCOUNT.test(contract)) return {uri: null, reason: 'token'};
    return {
      uri: `ethereum:${contract}@${chainId}/transfer?address=${address.address}&uint256=${units}`,
      transfer: {chainId: chainId, to: contract, value: 0n, data: transferCallData(address.address, units)},
    };
  }
  if (network === 'solana') {
    if (!native && !SOLANA_ACCOUNT.test(token.contractAddress ?? '')) return {uri: null, reason: 'token'};
    // Written as the payer reads it ("24.9950", not "24.995": format.ts), the same value.
    const query = new URLSearchParams({amount: trimAmount(fromBaseUnits(units, decimals), decimals)});
    if (!native) query.set('spl-token', token.contractAddress!);
    const label = shortened(context.merchantName, LABEL_MAX_BYTES);
    const message = shortened(context.description, MESSAGE_MAX_BYTES);
    if (label) query.set('label', label);
    if (message) query.set('message', message);
    return {uri: `solana:${address.address}?${encodeQuery(query)}`, transfer: null};
  }
  if (network === 'ton') {
    if (!native && !TON_ACCOUNT.test(token.contractAddress ?? '')) return {uri: null, reason: 'token'};
    const query = new URLSearchParams({amount: units.toString()});
    if (!native) query.set('jetton', token.contractAddress!);
    return {uri: `ton://transfer/${address.address}?${encodeQuery(query)}`, transfer: null};
  }
  return {uri: null, reason: 'network'};
}

/** ABI-encoded `transfer(to, amount)`: the selector, then each argument as one 32-byte word. */
function transferCallData(to: string, units: bigint): string {
  return ERC20_TRANSFER + to.slice(2).toLowerCase().padStart(64, '0') + units.toString(16).padStart(64, '0');
}

/**
 * `text` as plain words (`plainText`: a wallet shows a bidi override, U+202E, as reversed text,
 * and a lone surrogate, which `encodeURIComponent` refuses, is dropped) in at most `maxBytes`
 * percent-encoded bytes, cut between characters as seen (a flag or an emoji sequence stays
 * whole) with "…".
 */
function shortened(text: string, maxBytes: number): string {
  const whole = plainText(text);
  const bytes = (part: string) => encodeURIComponent(part).length;
  if (bytes(whole) <= maxBytes) return whole;
  let kept = '';
  let used = bytes('…');
  for (const character of graphemes(whole)) {
    if ((used += bytes(character)) > maxBytes) break;
    kept += character;
  }
  return `${kept}…`;
}

/** Percent-encoding throughout (`%20`, not `+`): Solana Pay reads values with `decodeURIComponent`. */
function encodeQuery(query: URLSearchParams): string {
  return [...query].map(([key, value]) => `${key}=${encodeURIComponent(value)}`).join('&');
}
