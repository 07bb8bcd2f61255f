/**
 * "What the chain does": the sandbox simulator's buttons, each enabled only when what it stands
 * for could happen now (from the step the checkout last announced), answered in words.
 */
import type {Step} from '../src/index.js';

export interface ChainState {
  invoiceId: string;
  step: Step | null;
  commerce: boolean;
  /** A payment was seen and waits for "Confirm". */
  pending: boolean;
  /** The commerce order reached its last status. */
  orderDone: boolean;
}

const OPEN: ReadonlySet<Step> = new Set(['loading', 'questions', 'email', 'select-token', 'awaiting-payment', 'underpaid', 'confirming']);
const PAYING: ReadonlySet<Step> = new Set(['awaiting-payment', 'underpaid']);

/** Whether each simulator action makes sense now. */
export function enabled(action: string, pending: boolean, chain: ChainState): boolean {
  const step = chain.step;
  if (!chain.invoiceId || !step) return false;
  switch (action) {
    case 'pay':
      // A payment needs an address to go to, and one pending payment at a time.
      return PAYING.has(step) && !(pending && chain.pending);
    case 'confirm':
    case 'fail':
      return chain.pending && OPEN.has(step);
    case 'expire':
    case 'cancel':
      return OPEN.has(step) && !chain.pending;
    case 'advance-order':
      return chain.commerce && step === 'paid' && !chain.orderDone;
    case 'drop-sockets':
      return PAYING.has(step) || step === 'confirming' || (chain.commerce && step === 'paid' && !chain.orderDone);
    default:
      return false;
  }
}

/** Sends one action to the sandbox; resolves with the sentence to show. */
export async function runAction(sandboxUrl: string, invoiceId: string, button: HTMLButtonElement): Promise<{ok: boolean; said: string}> {
  const {action, amount, pending} = button.dataset;
  const body = pending
    ? {pending: true, tx_hash: `0x${crypto.getRandomValues(new Uint8Array(32)).reduce((s, b) => s + b.toString(16).padStart(2, '0'), '')}`}
    : amount
      ? {amount}
      : {};
  const label = button.textContent?.trim() ?? action;
  try {
    const response = await fetch(`${sandboxUrl}/sandbox/invoices/${invoiceId}/${action}`, {method: 'POST', body: JSON.stringify(body)});
    if (response.ok) return {ok: true, said: `${label}: done.`};
    const reply = (await response.json().catch(() => null)) as {error?: {message?: string}} | null;
    return {ok: false, said: `${label}: not possible now${reply?.error?.message ? ` (${reply.error.message})` : ''}.`};
  } catch {
    return {ok: false, said: `${label}: the sandbox at ${sandboxUrl} is not answering.`};
  }
}
