/** The token catalogue: realistic devnet and mainnet lists with every availability state. */
export interface CatalogueToken {
  id: number;
  symbol: string;
  name: string;
  type: 'native' | 'erc20' | 'spl' | 'ton' | 'sui';
  network: string;
  decimals: number;
  address: string | null;
  /** Tokens per USD. */
  rate: number;
  availability: 'AVAILABLE' | 'STALE' | 'NO_LIQUIDITY' | 'QUOTE_REQUIRED' | 'DEVNET';
  unavailableReason: string | null;
  /** Listed only with `mode=all` (not monitored). */
  monitored: boolean;
}

const icon = (name: string) => `https://assets.pepay.io/tokens/${name}.png`;
export const tokenIcon = (t: CatalogueToken) => icon(t.symbol.toLowerCase());

const MAINNET: CatalogueToken[] = [
  {
    id: 101,
    symbol: 'USDC',
    name: 'USD Coin',
    type: 'erc20',
    network: 'base',
    decimals: 6,
    address: '0x833589fCD6eDb6E08f4c7C32D4f71b54bdA02913',
    rate: 1,
    availability: 'AVAILABLE',
    unavailableReason: null,
    monitored: true,
  },
  {
    id: 102,
    symbol: 'USDC',
    name: 'USD Coin',
    type: 'erc20',
    network: 'ethereum',
    decimals: 6,
    address: '0xA0b86991c6218b36c1d19D4a2e9Eb0cE3606eB48',
    rate: 1,
    availability: 'AVAILABLE',
    unavailableReason: null,
    monitored: true,
  },
  {
    id: 103,
    symbol: 'USDT',
    name: 'Tether USD',
    type: 'erc20',
    network: 'ethereum',
    decimals: 6,
    address: '0xdAC17F958D2ee523a2206206994597C13D831ec7',
    rate: 1,
    availability: 'AVAILABLE',
    unavailableReason: null,
    monitored: true,
  },
  {
    id: 104,
    symbol: 'ETH',
    name: 'Ether',
    type: 'native',
    network: 'ethereum',
    decimals: 18,
    address: null,
    rate: 1 / 3125.5,
    availability: 'STALE',
    unavailableReason: 'Rate data is older than 5 minutes',
    monitored: true,
  },
  {
    id: 105,
    symbol: 'USDC',
    name: 'USD Coin',
    type: 'spl',
    network: 'solana',
    decimals: 6,
    address: 'EPjFWdd5AufqSSqeM2qN1xzybapC8G4wEGGkZwyTDt1v',
    rate: 1,
    availability: 'AVAILABLE',
    unavailableReason: null,
    monitored: true,
  },
  {
    id: 106,
    symbol: 'SOL',
    name: 'Solana',
    type: 'native',
    network: 'solana',
    decimals: 9,
    address: null,
    rate: 1 / 148.2,
    availability: 'NO_LIQUIDITY',
    unavailableReason: 'No settlement route with enough liquidity',
    monitored: true,
  },
  {
    id: 107,
    symbol: 'USDT',
    name: 'Tether USD',
    type: 'erc20',
    network: 'bsc',
    decimals: 18,
    address: '0x55d398326f99059fF775485246999027B3197955',
    rate: 1,
    availability: 'AVAILABLE',
    unavailableReason: null,
    monitored: true,
  },
  {
    id: 108,
    symbol: 'DAI',
    name: 'Dai',
    type: 'erc20',
    network: 'arbitrum',
    decimals: 18,
    address: '0xDA10009cBd5D07dd0CeCc66161FC93D7c9000da1',
    rate: 1,
    availability: 'QUOTE_REQUIRED',
    unavailableReason: null,
    monitored: false,
  },
];

const DEVNET: CatalogueToken[] = [
  {
    id: 201,
    symbol: 'USDC',
    name: 'USD Coin (Base Sepolia)',
    type: 'erc20',
    network: 'base',
    decimals: 6,
    address: '0x036CbD53842c5426634e7929541eC2318f3dCF7e',
    rate: 1,
    availability: 'DEVNET',
    unavailableReason: null,
    monitored: true,
  },
  {
    id: 202,
    symbol: 'ETH',
    name: 'Sepolia Ether',
    type: 'native',
    network: 'ethereum',
    decimals: 18,
    address: null,
    rate: 1 / 3125.5,
    availability: 'DEVNET',
    unavailableReason: null,
    monitored: true,
  },
  {
    id: 203,
    symbol: 'USDC',
    name: 'USD Coin (Solana Devnet)',
    type: 'spl',
    network: 'solana',
    decimals: 6,
    address: '4zMMC9srt5Ri5X14GAgXhaHii3GnPAEERYPJgZJDncDU',
    rate: 1,
    availability: 'DEVNET',
    unavailableReason: null,
    monitored: true,
  },
  {
    id: 204,
    symbol: 'USDT',
    name: 'Tether USD (BSC Testnet)',
    type: 'erc20',
    network: 'bsc',
    decimals: 18,
    address: '0x337610d27c682E347C9cD60BD4b3b107C9d34dDd',
    rate: 1,
    availability: 'DEVNET',
    unavailableReason: null,
    monitored: true,
  },
];

export function catalogue(environment: 'devnet' | 'mainnet'): CatalogueToken[] {
  return environment === 'devnet' ? DEVNET : MAINNET;
}

export function isSelectable(token: CatalogueToken): boolean {
  return token.availability === 'AVAILABLE' || token.availability === 'DEVNET' || token.availability === 'QUOTE_REQUIRED';
}
