/**
 * What the machine and the views are fed in tests that build a checkout's state by hand: a
 * session, a token and an address as the API client returns them (normalised), each with the
 * fields a test changes given as `over`.
 */
import type {PaymentAddress, SessionDetails, Token} from '../../src/api/index.js';

/** An open devnet invoice `inv_1` of 40 USD, a minute left. */
export const sessionDetails = (over: Partial<SessionDetails> = {}): SessionDetails => ({
  invoiceId: 'inv_1',
  amountUsd: 40,
  amountRemainingUsd: 40,
  description: '',
  expiresAt: null,
  status: 'unpaid',
  remainingMs: 60_000,
  merchantName: 'M',
  merchantEmail: null,
  environment: 'devnet',
  locked: null,
  ...over,
});

/** USDC (6 decimals) on Base, token 1. */
export const usdcOnBase = (over: Partial<Token> = {}): Token => ({
  id: 1,
  symbol: 'USDC',
  name: 'USD Coin',
  type: 'erc20',
  network: 'base',
  decimals: 6,
  contractAddress: null,
  requiresMemo: false,
  iconUrl: null,
  availability: 'DEVNET',
  selectable: true,
  unavailableReason: null,
  rateUpdatedAt: null,
  ...over,
});

/** 40 USDC on Base at 1 USDC per USD, quoted for 5 minutes. */
export const paymentAddress = (over: Partial<PaymentAddress> = {}): PaymentAddress => ({
  address: '0xabc',
  network: 'base',
  tokenId: 1,
  tokenAmount: '40.000000',
  exchangeRate: '1',
  usdAmount: 40,
  quoteStatus: 'available',
  statusCode: 'ok',
  message: null,
  quoteUpdatedAt: null,
  quoteValidUntil: null,
  quoteExpiresInMs: 300_000,
  retryable: false,
  retryAfterMs: null,
  wsToken: 'jwt',
  wsPath: '/ws/payment',
  ...over,
});
