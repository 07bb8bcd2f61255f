/**
 * English strings that only the lazy views show (the payment view, its wallet ways and "I already
 * paid" answers, the last screens): they ship in those views' chunks, not in the first-paint
 * bundle. Step titles stay in `en` (the checkout's headings). Every locale gives both parts.
 */
export const enViews = {
  /** Before the price runs out (WCAG 2.2.1 Timing Adjustable): the payer may renew it at once. */
  quoteEnding: 'This price is about to run out. Get a new price now, or it is refreshed by itself: check the amount before you send.',
  price: (symbol: string, usd: string) => `Priced at 1 ${symbol} = ${usd}. The amount includes a small buffer in case the price moves.`,
  qrLabel: (network: string) => `QR code of the ${network} deposit address`,
  qrUnavailable: 'The QR code could not be loaded. Copy the address and amount below instead.',
  quoteValid: (time: string) => `Price held for ${time}`,
  chooseAnother: 'Choose another token',
  alreadyPaid: 'I already paid',
  received: (usd: string) => `Received ${usd}`,
  stillDue: (usd: string) => `Still due: ${usd}`,
  underpaidHint: (token: string, network: string) => `Send the rest in ${token} on ${network}, to the same address.`,
  address: 'Deposit address',
  /** Labels before a value: each language writes its own colon. */
  amount: 'Amount:',
  copyAddress: 'Copy address',
  copyAmount: 'Copy amount',
  copied: 'Copied',
  copyBlocked: 'Your browser blocked copying here. The text is selected: copy it with Ctrl+C (⌘C on a Mac) or a long press.',
  onlyNetwork: (network: string) => `Only send on ${network}. Funds sent on another network are lost.`,
  paidBody: 'Thank you. Your payment is confirmed.',
  paidAt: (time: string) => `Paid ${time}`,
  invoice: 'Invoice:',
  tracking: (carrier: string, number: string) => (carrier ? `${carrier} tracking number: ${number}` : `Tracking number: ${number}`),
  overpaid: (usd: string) => `You sent ${usd} more than was due. Contact the merchant with the invoice id below to get it back.`,
  arrivedBeforeEnd: (usd: string) =>
    `${usd} arrived before this payment request ended. Contact the merchant with the invoice id below about a refund or how to pay the rest.`,
  expiredBody:
    'No payment can be made to it any more. Ask the merchant for a new one. If you already sent funds, contact the merchant with the invoice id below.',
  canceledBody: 'The merchant canceled this payment request. If you already sent funds, contact the merchant with the invoice id below.',
  copyInvoiceId: 'Copy invoice id',
  done: 'Done',
  verification: {
    checking: 'Looking for your payment on the chain… This can take a minute.',
    stillChecking: 'Still looking. This page updates by itself as soon as your payment arrives.',
    found: 'We found your payment. It is being confirmed; this page updates by itself.',
    foundCounting: 'We found a payment. Working out what is still due…',
    unknown: 'The check finished without saying whether a payment arrived. This page updates by itself as soon as it does.',
    foundShort: (paid: string, due: string) =>
      `We found a payment of ${paid}, but ${due} is still due. If you just sent the rest, wait: this page updates once it is counted. If not, send the rest to the same address.`,
    notFound: (amount: string, network: string) =>
      `No payment has arrived yet. Check that you sent exactly ${amount} on ${network}, to the address above. A payment can take a few minutes to show: try again in 5 minutes.`,
    failed: (invoice: string) =>
      `We could not check the chain just now. If you have sent the payment, contact the merchant with invoice ${invoice}; they can trace it.`,
  },
  /** Commerce order statuses as sentences; others fall back to `orderOther`. */
  orderStatus: {
    awaiting_payment: 'Your order is waiting for the payment.',
    processing: 'Your order is being processed.',
    placed: 'Your order has been placed with the seller.',
    shipped: 'Your order has shipped.',
    delivered: 'Your order has been delivered.',
    delivery_confirmed: 'Your order has been delivered.',
    fulfilled: 'Your order is complete.',
    cancelled: 'Your order was cancelled. Contact the merchant with the invoice id below about your refund.',
    canceled: 'Your order was cancelled. Contact the merchant with the invoice id below about your refund.',
    refunded: 'Your payment has been refunded.',
    failed:
      'Your payment arrived, but the order could not be placed. The merchant will contact you about a refund; keep the invoice id below.',
  } as Record<string, string>,
  orderOther: (status: string) => `Order update: ${status}`,
  qrHolds: {
    request: 'This code is a payment request: your wallet fills in the address, amount and token.',
    address: 'This code holds the address only: enter the amount yourself.',
  },
  qrRequestLabel: (network: string) => `QR code of the payment request on ${network}: address, amount and token`,
  qrShowAddress: 'Show the address only',
  qrShowRequest: 'Show the payment request',
  openInWallet: 'Open in wallet',
  noWalletLink: {
    memo: 'This token needs a memo that wallet links cannot carry: copy the details below instead.',
    network: 'There is no standard wallet link for this network: scan or copy the address and amount.',
    token: 'A wallet link cannot be made for this token: copy the address and amount instead.',
  },
  payWith: (wallet: string) => `Pay with ${wallet}`,
  browserWallet: 'your browser wallet',
  wallet: {
    connecting: (wallet: string) => `Connect ${wallet} and confirm in it…`,
    switching: (network: string) => `Switch your wallet to ${network} when it asks…`,
    confirm: (wallet: string) => `Confirm the payment in ${wallet}…`,
    rejected: 'You declined in the wallet. Nothing was sent. Pay with the wallet again, or copy the details instead.',
    wrongChain: (network: string) => `Your wallet is not on ${network}. Add or switch to ${network} in it, then try again.`,
    pending: 'Your wallet already has a request waiting. Open it to finish or cancel that one.',
    failed: 'The wallet could not send this payment. Nothing was sent. Try again, or copy the details instead.',
    unknown:
      'The wallet did not say whether it sent the payment. Check its activity before you try again: if it was sent, this page updates by itself.',
    stopWaiting: 'Stop waiting for the wallet',
    /** Said when the payer stops waiting while the wallet holds the transaction: EIP-1193 has no cancel. */
    stillOpen: 'If your wallet still shows the payment request, reject it there.',
  },
  confirmingBody: 'Your payment is on its way. This page updates by itself once the network confirms it; you can close it.',
  /** A wait this page may not hear the end of (read back after a reload): the payer may go back. */
  unsureBody:
    'Your payment is on its way. This page updates by itself once the network confirms it, but it may not learn if the payment fails: if your wallet shows it failed, go back to the payment details.',
  sentBody:
    'Your wallet sent this transaction. This page updates by itself once the network sees it. If it never arrives (a wallet can drop a transaction), go back to the payment details.',
  backToPayment: 'Back to the payment details',
  /** `bad-request` before a session was read: `api-base` or `ws-base` is no URL, or the first request was refused as malformed. */
  notSetUp: 'This checkout is not set up correctly. The merchant must fix it.',
  transaction: 'Transaction:',
  viewTransaction: 'View on the block explorer (opens a new tab)',
};

export type ViewMessages = typeof enViews;
