/** The sandbox's domain: what Pepay keeps per invoice, as far as the payor surface shows it. */
import type {FaultSettings} from './faults.ts';

export type InvoiceStatus = 'unpaid' | 'underpaid' | 'paid' | 'expired' | 'canceled';
export type Environment = 'devnet' | 'mainnet';

export interface SandboxQuestion {
  id: string;
  question: string;
  type: string;
  validation: {required: boolean};
}

export interface Allocation {
  address: string;
  network: string;
  tokenId: number;
  /** Token per USD at quote time. */
  rate: number;
  quoteUpdatedAt: number;
  quoteValidUntil: number;
  wsToken: string;
}

export interface Invoice {
  id: string;
  sessionToken: string;
  signature: string;
  environment: Environment;
  amountUsd: number;
  paidUsd: number;
  description: string;
  merchantName: string;
  merchantEmail: string;
  customerEmail: string | null;
  questions: SandboxQuestion[];
  answers: Record<string, string>;
  metadata: Record<string, unknown>;
  createdAt: number;
  expiresAt: number;
  status: InvoiceStatus;
  paidAt: number | null;
  allocation: Allocation | null;
  /** A payment seen on the chain and not confirmed yet (simulator `pay` with `pending: true`). */
  pending: {paymentId: string; usd: number; txHash: string | null} | null;
  /** Set once the first partial payment lands: the payer must finish on the same rails. */
  locked: {network: string; tokenId: number; address: string} | null;
  addressCount: number;
  orderId: string | null;
  verification: Verification | null;
  faults: FaultSettings;
}

export interface Verification {
  id: string;
  network: string;
  createdAt: number;
}

export interface SandboxRequest {
  method: string;
  /** Path and query, as received. */
  url: string;
  headers: Record<string, string | undefined>;
  /** The raw body text (the engine parses it, as a server would). */
  body: string;
}

export interface SandboxResponse {
  status: number;
  headers: Record<string, string>;
  /** Serialised body (may be deliberately malformed under a fault). */
  body: string;
  /** Wait this long before answering (latency fault). */
  delayMs: number;
}
