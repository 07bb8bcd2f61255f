/**
 * A fake EIP-1193 wallet, announced as a real one is (EIP-6963 `eip6963:announceProvider`, and
 * again on every `eip6963:requestProvider`), that records what the page asks of it.
 */
export const WALLET_ACCOUNT = '0x1111111111111111111111111111111111111111';
export const WALLET_TX_HASH = `0x${'ab'.repeat(32)}`;

export interface FakeWalletOptions {
  name?: string;
  icon?: string;
  /** The chain the wallet is on when asked first. */
  chainId: number;
  /** A method that throws `error` instead of answering (from its `fromCall`-th call on, 1 by default). */
  fail?: {method: string; error: unknown; fromCall?: number};
  /** Answers `eth_sendTransaction` with this instead of a hash. */
  sendAnswer?: unknown;
  /** A method that never answers (a wallet whose window was closed). */
  hang?: string;
  /** A method whose first call answers only once `release()` is called (a payer approving late). */
  held?: string;
  /** The announcement's `info` as given (getters and all), instead of a plain one from `name` and `icon`. */
  info?: object;
}

export interface FakeWallet {
  calls: {method: string; params: unknown[] | undefined}[];
  stop(): void;
  /** Lets the `held` method answer (with `refusal` thrown, when given: the payer rejected it); resolves once it has. */
  release(refusal?: unknown): Promise<void>;
}

export function announceWallet(options: FakeWalletOptions): FakeWallet {
  const calls: FakeWallet['calls'] = [];
  let chainId = options.chainId;
  let release: () => void = () => undefined;
  let refused: unknown = null;
  const released = new Promise<void>((resolve) => (release = resolve));
  const provider = {
    async request({method, params}: {method: string; params?: unknown[]}): Promise<unknown> {
      calls.push({method, params});
      const nth = calls.filter((call) => call.method === method).length;
      if (options.fail?.method === method && nth >= (options.fail.fromCall ?? 1)) throw options.fail.error;
      if (options.hang === method) return new Promise(() => undefined);
      if (options.held === method && nth === 1) {
        await released;
        if (refused) throw refused;
      }
      switch (method) {
        case 'eth_requestAccounts':
          return [WALLET_ACCOUNT];
        case 'eth_chainId':
          return `0x${chainId.toString(16)}`;
        case 'wallet_switchEthereumChain':
          chainId = Number.parseInt((params?.[0] as {chainId: string}).chainId, 16);
          return null;
        case 'eth_sendTransaction':
          return 'sendAnswer' in options ? options.sendAnswer : WALLET_TX_HASH;
        default:
          throw Object.assign(new Error('unsupported'), {code: 4200});
      }
    },
  };
  const detail = Object.freeze({
    info: options.info ?? {
      uuid: crypto.randomUUID(),
      name: options.name ?? 'Test Wallet',
      icon: options.icon ?? '',
      rdns: 'org.example.wallet',
    },
    provider,
  });
  const announce = () => window.dispatchEvent(new CustomEvent('eip6963:announceProvider', {detail}));
  window.addEventListener('eip6963:requestProvider', announce);
  announce();
  return {
    calls,
    stop: () => window.removeEventListener('eip6963:requestProvider', announce),
    release: async (refusal?: unknown) => {
      refused = refusal ?? null;
      release();
      await released;
    },
  };
}
