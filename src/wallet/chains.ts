/**
 * EVM chain ids and block explorers for the networks Pepay names (`network` in the API, lowercased).
 * Mainnet ids are each chain's published id (chainlist.org, the chains' own docs); devnet invoices
 * use each chain's public test network. A merchant may replace any id with the `chainIds` property.
 */
import type {Environment} from '../api/schemas/primitives.js';

interface EvmChain {
  chainId: number;
  /** Block explorer origin; a transaction is at `${explorer}/tx/${hash}`. */
  explorer: string;
}

type ChainPair = Record<Environment, EvmChain>;

const chain = (chainId: number, explorer: string): EvmChain => ({chainId, explorer});

/** Mainnet and the public test network each devnet invoice is on (Sepolia and its L2 siblings, BSC testnet, Fuji, Amoy). */
const EVM_CHAINS: Readonly<Record<string, ChainPair>> = {
  ethereum: {mainnet: chain(1, 'https://etherscan.io'), devnet: chain(11155111, 'https://sepolia.etherscan.io')},
  base: {mainnet: chain(8453, 'https://basescan.org'), devnet: chain(84532, 'https://sepolia.basescan.org')},
  bsc: {mainnet: chain(56, 'https://bscscan.com'), devnet: chain(97, 'https://testnet.bscscan.com')},
  arbitrum: {mainnet: chain(42161, 'https://arbiscan.io'), devnet: chain(421614, 'https://sepolia.arbiscan.io')},
  optimism: {mainnet: chain(10, 'https://optimistic.etherscan.io'), devnet: chain(11155420, 'https://sepolia-optimism.etherscan.io')},
  avalanche: {mainnet: chain(43114, 'https://snowtrace.io'), devnet: chain(43113, 'https://testnet.snowtrace.io')},
  polygon: {mainnet: chain(137, 'https://polygonscan.com'), devnet: chain(80002, 'https://amoy.polygonscan.com')},
};

/** The public test networks by name, for the payer's wallet (which shows these names). */
const DEVNET_NAMES: Readonly<Record<string, string>> = {
  ethereum: 'Sepolia',
  base: 'Base Sepolia',
  bsc: 'BSC testnet',
  arbitrum: 'Arbitrum Sepolia',
  optimism: 'OP Sepolia',
  avalanche: 'Avalanche Fuji',
  polygon: 'Polygon Amoy',
};

/** The chain's name as a wallet shows it: the test network's on devnet, else `mainnetName`. */
export function chainName(network: string, environment: Environment, mainnetName: string): string {
  return environment === 'devnet' && Object.hasOwn(DEVNET_NAMES, network) ? DEVNET_NAMES[network]! : mainnetName;
}

/**
 * The chain id an EVM network's invoice is paid on, or null when none is known. `overrides` (the
 * merchant's `chainIds`, network → chain id) wins when it is a positive safe integer.
 */
export function evmChainId(network: string, environment: Environment, overrides: Readonly<Record<string, number>> = {}): number | null {
  // Merchant input: anything but an object of numbers is no override.
  const valid = typeof overrides === 'object' && overrides !== null && Object.hasOwn(overrides, network);
  const override: unknown = valid ? overrides[network] : undefined;
  if (typeof override === 'number' && Number.isSafeInteger(override) && override > 0) return override;
  return Object.hasOwn(EVM_CHAINS, network) ? EVM_CHAINS[network]![environment].chainId : null;
}

/**
 * Where a transaction hash can be read: EVM explorers, Solscan for Solana, Tonviewer for TON; null
 * elsewhere, and for a chain other than the table's (a merchant's own `chainIds`).
 */
export function transactionUrl(network: string, environment: Environment, txHash: string, chainIdUsed?: number): string | null {
  const hash = encodeURIComponent(txHash);
  if (network === 'solana') return `https://solscan.io/tx/${hash}${environment === 'devnet' ? '?cluster=devnet' : ''}`;
  if (network === 'ton') return `https://${environment === 'devnet' ? 'testnet.' : ''}tonviewer.com/transaction/${hash}`;
  const evm = Object.hasOwn(EVM_CHAINS, network) ? EVM_CHAINS[network]![environment] : null;
  if (!evm || (chainIdUsed !== undefined && chainIdUsed !== evm.chainId)) return null;
  return `${evm.explorer}/tx/${hash}`;
}

/**
 * Where a transaction a browser wallet sent on `chainId` (EIP-155) can be read: the explorer of
 * the table's chain with that id, mainnet or test network; null for another chain (a merchant's
 * own `chainIds`).
 */
export function walletTransactionUrl(chainId: number, txHash: string): string | null {
  const evm = Object.values(EVM_CHAINS)
    .flatMap((pair) => [pair.mainnet, pair.devnet])
    .find((known) => known.chainId === chainId);
  return evm ? `${evm.explorer}/tx/${encodeURIComponent(txHash)}` : null;
}
