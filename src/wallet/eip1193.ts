/**
 * Paying from a browser wallet over EIP-1193: request accounts, read `eth_chainId`, ask
 * `wallet_switchEthereumChain` (EIP-3326) when it differs, then `eth_sendTransaction` (EIP-1474
 * hex quantities). Everything the wallet returns is checked; nothing is sent without the payer
 * confirming in the wallet.
 */
import type {EvmTransfer} from './payment-request.js';

export interface Eip1193Provider {
  request(args: {method: string; params?: unknown[]}): Promise<unknown>;
}

/** Where the flow is, for the payer: connecting, switching chains, confirming the transaction. */
export type SendPhase = 'connecting' | 'switching' | 'confirm';

/**
 * Why nothing was sent: `rejected` (EIP-1193 code 4001, the payer said no), `wrong-chain` (the
 * wallet does not know or did not switch to the chain; 4902), `pending` (-32002, a request is
 * already waiting in the wallet), `failed` (anything else before the transaction was asked for),
 * `unknown` (an error or a malformed answer to `eth_sendTransaction`: it may have been sent).
 */
export class WalletError extends Error {
  constructor(readonly kind: 'rejected' | 'wrong-chain' | 'pending' | 'failed' | 'unknown') {
    super(`Wallet: ${kind}`);
  }
}

const ACCOUNT = /^0x[0-9a-fA-F]{40}$/;
const TX_HASH = /^0x[0-9a-fA-F]{64}$/;
const HEX_QUANTITY = /^0x[0-9a-fA-F]{1,64}$/;

/**
 * Sends `transfer` from the wallet's first account. Resolves with the transaction hash and the
 * chain id it was sent on; rejects with `WalletError`, or with `signal`'s reason once it is
 * aborted (the payer stopped waiting): a wallet that answers late is then asked nothing more, so
 * a price or address made since is never paid with the old one. A transaction already asked for
 * cannot be taken back (EIP-1193 has no cancel).
 */
export async function sendTransfer(
  provider: Eip1193Provider,
  transfer: EvmTransfer,
  onPhase: (phase: SendPhase) => void,
  signal?: AbortSignal,
): Promise<{txHash: string; chainId: number}> {
  const ask = async (method: string, params?: unknown[]) => {
    signal?.throwIfAborted();
    const answer = await call(provider, method, params);
    signal?.throwIfAborted();
    return answer;
  };
  onPhase('connecting');
  const from = firstAccount(await ask('eth_requestAccounts'));
  if (typeof from !== 'string' || !ACCOUNT.test(from)) throw new WalletError('failed');
  if ((await chainIdOf(ask)) !== transfer.chainId) {
    onPhase('switching');
    await ask('wallet_switchEthereumChain', [{chainId: `0x${transfer.chainId.toString(16)}`}]);
    // Some wallets answer before switching, or not at all: the chain is read again.
    if ((await chainIdOf(ask)) !== transfer.chainId) throw new WalletError('wrong-chain');
  }
  signal?.throwIfAborted();
  onPhase('confirm');
  // `chainId` pins the chain: a wallet switched in between refuses instead of sending elsewhere.
  const tx: Record<string, string> = {
    from,
    to: transfer.to,
    value: `0x${transfer.value.toString(16)}`,
    chainId: `0x${transfer.chainId.toString(16)}`,
  };
  if (transfer.data) tx.data = transfer.data;
  let txHash: unknown;
  try {
    txHash = await call(provider, 'eth_sendTransaction', [tx]);
  } catch (error) {
    // Past this call the wallet may have sent even when it answers with an error (a refusal excepted).
    throw error instanceof WalletError && error.kind === 'rejected' ? error : new WalletError('unknown');
  }
  if (typeof txHash !== 'string' || !TX_HASH.test(txHash)) throw new WalletError('unknown');
  return {txHash, chainId: transfer.chainId};
}

async function chainIdOf(ask: (method: string) => Promise<unknown>): Promise<number> {
  const id = await ask('eth_chainId');
  if (typeof id !== 'string' || !HEX_QUANTITY.test(id)) throw new WalletError('failed');
  return Number.parseInt(id, 16);
}

/**
 * One request; a throw (synchronous or not) becomes a `WalletError` by its EIP-1193 code. Only a
 * `WalletError` leaves: what a wallet throws may throw again when read (a Proxy's traps), and would
 * then escape every `catch` that asks what it is.
 */
async function call(provider: Eip1193Provider, method: string, params?: unknown[]): Promise<unknown> {
  try {
    return await provider.request(params ? {method, params} : {method});
  } catch (error) {
    throw new WalletError(errorKind(error));
  }
}

function errorKind(error: unknown): WalletError['kind'] {
  try {
    const code = (error as {code?: unknown} | null)?.code;
    return code === 4001 ? 'rejected' : code === 4902 ? 'wrong-chain' : code === -32002 ? 'pending' : 'failed';
  } catch {
    return 'failed';
  }
}

/** The first of the accounts a wallet answered; undefined when reading its answer throws (a Proxy). */
function firstAccount(accounts: unknown): unknown {
  try {
    return Array.isArray(accounts) ? (accounts as unknown[])[0] : undefined;
  } catch {
    return undefined;
  }
}
