/**
 * Whether a string from the server may be shown, copied and encoded as a deposit address on a
 * network: only the characters that network's addresses are made of, so nothing invisible, no
 * bidi control, no space — what the payer sees is what they send.
 */

/** Networks whose addresses are EVM accounts: `0x` and 40 hex digits (EIP-55 case is allowed). */
export const EVM_NETWORKS: ReadonlySet<string> = new Set([
  'ethereum',
  'base',
  'bsc',
  'arbitrum',
  'optimism',
  'avalanche',
  'polygon',
  'linea',
  'scroll',
  'zksync',
  'blast',
  'celo',
  'gnosis',
  'fantom',
  'mantle',
]);

const BASE58 = '[1-9A-HJ-NP-Za-km-z]';

/** Formats from each network's documentation; the key is the API's lowercased `network`. */
const FORMATS: Record<string, RegExp> = {
  // Ed25519 public keys in base58: 32 bytes print as 32 to 44 characters.
  solana: new RegExp(`^${BASE58}{32,44}$`),
  // User-friendly (48 base64url characters) or raw (`workchain:` and 64 hex digits).
  ton: /^(?:[A-Za-z0-9_-]{48}|-?\d{1,3}:[0-9a-fA-F]{64})$/,
  tron: new RegExp(`^T${BASE58}{33}$`),
  // Sui and Aptos accounts: `0x` and up to 64 hex digits.
  sui: /^0x[0-9a-fA-F]{1,64}$/,
  aptos: /^0x[0-9a-fA-F]{1,64}$/,
  // Bech32 (bc1…/tb1…), or base58 P2PKH/P2SH (1…, 3…, and testnet m…, n…, 2…).
  bitcoin: new RegExp(`^(?:(?:bc1|tb1|bcrt1)[02-9ac-hj-np-z]{6,87}|[13mn2]${BASE58}{25,34})$`),
};

/** Any other network: printable ASCII only, no space, of a plausible length. */
const OTHER = /^[\x21-\x7e]{16,128}$/;

export function isDepositAddress(network: string, address: string): boolean {
  // Own keys only: a network named `constructor` or `__proto__` gets the generic check.
  const format = EVM_NETWORKS.has(network) ? /^0x[0-9a-fA-F]{40}$/ : Object.hasOwn(FORMATS, network) ? FORMATS[network]! : OTHER;
  return format.test(address);
}
