/**
 * Whether two transaction hashes name one transaction. Hex hashes (EVM, TON: 64 digits) are one
 * number however written: a wallet may answer `0xABAB…` where Pepay reports `abab…` (its events
 * take the `0x` as optional). Base58 signatures (Solana) are case-sensitive: compared as written.
 */
export function sameTransaction(a: string | null | undefined, b: string | null | undefined): boolean {
  return !!a && !!b && canonical(a) === canonical(b);
}

const HEX_HASH = /^(?:0x)?([0-9a-f]{64})$/i;

function canonical(hash: string): string {
  return HEX_HASH.exec(hash)?.[1]!.toLowerCase() ?? hash;
}
