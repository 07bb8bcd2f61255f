/**
 * The checkout's CSS parts (README, "Styling"): a modal passes them on (`exportparts`), so a
 * storefront's `pepay-checkout-button::part(card)` or `pepay-checkout-dialog::part(card)` styles
 * the checkout inside it as `pepay-checkout::part(card)` styles an inline one.
 */
export const CHECKOUT_PARTS = 'card, header, amount, address, qr, pay-button, status, error';
