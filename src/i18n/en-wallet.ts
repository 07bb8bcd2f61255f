/**
 * English strings of the payment view's wallet ways and of the `confirming` screen: they ship in
 * the lazy chunks that show them (payment details, wallet buttons, status view), not in the
 * first-paint bundle. Their step title, `confirmingTitle`, is in `en` (the checkout's heading).
 */
export const enWallet = {
  qrHolds: {
    request: 'This code is a payment request: your wallet fills in the address, amount and token.',
    address: 'This code holds the address only: enter the amount yourself.',
  },
  qrShowAddress: 'Show the address only',
  qrShowRequest: 'Show the payment request',
  openInWallet: 'Open in wallet',
  noWalletLink: {
    memo: 'This token needs a memo that wallet links cannot carry: copy the details below instead.',
    network: 'There is no standard wallet link for this network: scan or copy the address and amount.',
    token: 'A wallet link cannot be made for this token: copy the address and amount instead.',
  },
  payWith: (wallet: string) => `Pay with ${wallet}`,
  browserWallet: 'browser wallet',
  wallet: {
    connecting: (wallet: string) => `Connect ${wallet} and confirm in it…`,
    switching: (network: string) => `Switch your wallet to ${network} when it asks…`,
    confirm: (wallet: string) => `Confirm the payment in ${wallet}…`,
    rejected: 'You declined in the wallet. Nothing was sent. Choose again, or copy the details instead.',
    wrongChain: (network: string) => `Your wallet is not on ${network}. Add or switch to ${network} in it, then try again.`,
    pending: 'Your wallet already has a request waiting. Open it to finish or cancel that one.',
    failed: 'The wallet could not send this payment. Nothing was sent. Try again, or copy the details instead.',
  },
  confirmingBody: 'Your payment is on its way. This page updates by itself once the network confirms it; you can close it.',
  transaction: 'Transaction',
  viewTransaction: 'View on the block explorer',
};

export type WalletMessages = typeof enWallet;
