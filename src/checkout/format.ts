/** Display helpers: pure, locale-aware where the platform allows. */

export function formatUsd(amount: number | null, locale: string): string {
  if (amount === null) return '';
  return new Intl.NumberFormat(locale, {style: 'currency', currency: 'USD'}).format(amount);
}

/** mm:ss, or h:mm:ss past an hour. */
export function formatDuration(ms: number): string {
  const total = Math.max(0, Math.ceil(ms / 1000));
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  const pad = (n: number) => String(n).padStart(2, '0');
  return h > 0 ? `${h}:${pad(m)}:${pad(s)}` : `${m}:${pad(s)}`;
}

/** Trailing zeros are noise: "49.990000" -> "49.99". */
export function trimAmount(amount: string): string {
  return amount.includes('.') ? amount.replace(/0+$/, '').replace(/\.$/, '') : amount;
}

const NETWORK_NAMES: Record<string, string> = {
  ethereum: 'Ethereum',
  base: 'Base',
  solana: 'Solana',
  avalanche: 'Avalanche',
  ton: 'TON',
  bsc: 'BNB Smart Chain',
  arbitrum: 'Arbitrum',
  optimism: 'Optimism',
  cardano: 'Cardano',
  sui: 'Sui',
};

export function networkName(network: string): string {
  // Own keys only: a network named `constructor` is just a name.
  return Object.hasOwn(NETWORK_NAMES, network) ? NETWORK_NAMES[network]! : network;
}
