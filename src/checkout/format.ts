/** Display helpers: pure, locale-aware where the platform allows. */
import {isEpochMs, readableText} from '../api/schemas/primitives.js';

/**
 * A value formatted for `locale`, isolated (Unicode FSI ... PDI, UAX #9) so that its own
 * direction (Arabic digits and marks, say) does not reorder the sentence it is put in, nor the
 * sentence it. Every locale-formatted value the checkout shows goes through here, and every
 * name from outside put in a sentence (the merchant's, a wallet's) as `readableText` leaves it:
 * without explicit bidi controls, nor a tower of marks.
 */
export function isolate(formatted: string): string {
  return formatted ? `\u2068${readableText(formatted)}\u2069` : '';
}

/**
 * Money, isolated without Intl's direction marks: Arabic and Hebrew currency starts with one,
 * which would make "49.99 US$" read right to left inside the isolate ("$US 49.99"); without it
 * the amount takes its direction from itself. (Dates keep theirs: they order the date's parts.)
 */
function isolateMoney(formatted: string): string {
  return isolate(formatted.replace(/[\u200e\u200f\u061c]/g, ''));
}

/**
 * USD as the locale writes it: cents, and a third decimal when the figure has one. Pepay counts
 * what is paid and due in thousandths of a USD, so $0.004 still due is said, not "$0.00".
 */
export function formatUsd(amount: number | null, locale: string): string {
  if (amount === null) return '';
  const usd = new Intl.NumberFormat(locale, {style: 'currency', currency: 'USD', maximumFractionDigits: 3});
  return isolateMoney(usd.format(amount));
}

/** A moment (epoch ms) as the locale writes a date and time, isolated like every formatted value. */
export function formatMoment(epochMs: number, locale: string): string {
  // A time no Date can hold is not shown (formatting it throws).
  if (!isEpochMs(epochMs)) return '';
  return isolate(new Intl.DateTimeFormat(locale, {dateStyle: 'medium', timeStyle: 'short'}).format(epochMs));
}

/**
 * The USD price of one token from the quote's `exchange_rate` (tokens per USD), for display only:
 * cents for prices from a dollar up, four significant digits below. Null when there is no usable rate.
 */
export function formatTokenPrice(exchangeRate: string | null, locale: string): string | null {
  const rate = Number(exchangeRate);
  if (!exchangeRate || !(rate > 0) || !Number.isFinite(rate)) return null;
  const usd = 1 / rate;
  const digits = usd >= 1 ? {} : {maximumSignificantDigits: 4};
  return isolateMoney(new Intl.NumberFormat(locale, {style: 'currency', currency: 'USD', ...digits}).format(usd));
}

/** m:ss, or h:mm:ss past an hour, in the locale's digits (Arabic-Indic in Arabic, as its amounts are). */
export function formatDuration(ms: number, locale = 'en'): string {
  const total = Math.max(0, Math.ceil(ms / 1000));
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  const number = new Intl.NumberFormat(locale, {useGrouping: false});
  const pad = new Intl.NumberFormat(locale, {minimumIntegerDigits: 2, useGrouping: false});
  return h > 0 ? `${number.format(h)}:${pad.format(m)}:${pad.format(s)}` : `${number.format(m)}:${pad.format(s)}`;
}

/**
 * A token amount as the payer reads it: trailing zeros dropped down to two decimals, like the
 * fiat beside it ("49.990000" -> "49.99", "5.5" -> "5.50", "7" -> "7.00"), and never a digit
 * more dropped ("49.9900004" stays); never more decimals than the token has (`decimals`, null
 * when unknown): "5" for a token of 0, "5.5" of 1, as its wallets write it. Never three
 * decimals where a fourth can be written: German, Spanish or Indonesian readers take the dot
 * before three digits for a thousands separator ("24.995" is 24995 in German), so one zero more
 * is written ("24.995000" or "24.995" -> "24.9950"), also for a token of unknown precision; no
 * locale groups four digits. String work only.
 */
export function trimAmount(amount: string, decimals: number | null = null): string {
  const [whole, fraction = ''] = amount.split('.');
  // A token of unknown precision is written as one of four or more, as most are (USDC 6, SOL 9, ETH 18).
  const places = decimals ?? Infinity;
  let shown = fraction.replace(/0+$/, '').padEnd(Math.min(2, places), '0');
  if (shown.length === 3 && places > 3) shown += '0';
  return shown ? `${whole}.${shown}` : whole!;
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
