/**
 * Token amounts as exact decimals: integer arithmetic on the token's smallest unit (BigInt), never
 * floating point, never scientific notation. One amount is shown, copied, put in the QR and sent
 * by a wallet, and it is made here. Pure.
 */

/** A plain decimal string: digits, an optional fraction (the API's `estimated_token_amount` shape). */
const DECIMAL = /^(\d+)(?:\.(\d+))?$/;

/**
 * `amount` (decimal string) in the token's smallest unit, rounded **up** when it has more
 * fraction digits than `decimals`: a payer never sends less than asked. `"49.9900004"` with 6
 * decimals is `49990001n`. Throws `RangeError` on anything but a plain non-negative decimal or
 * on `decimals` outside 0–36.
 */
export function toBaseUnits(amount: string, decimals: number): bigint {
  const match = DECIMAL.exec(amount);
  if (!match || !Number.isInteger(decimals) || decimals < 0 || decimals > 36) {
    throw new RangeError(`Not a token amount with ${decimals} decimals: ${amount}`);
  }
  const [, whole = '0', fraction = ''] = match;
  const kept = fraction.slice(0, decimals).padEnd(decimals, '0');
  const dropped = /[1-9]/.test(fraction.slice(decimals));
  return BigInt(whole + kept) + (dropped ? 1n : 0n);
}

/** Base units back to a decimal string without trailing zeros (`49990001n`, 6 → `"49.990001"`; `5n`, 0 → `"5"`). */
export function fromBaseUnits(units: bigint, decimals: number): string {
  const digits = units.toString().padStart(decimals + 1, '0');
  const whole = digits.slice(0, digits.length - decimals);
  const fraction = digits.slice(digits.length - decimals).replace(/0+$/, '');
  return fraction ? `${whole}.${fraction}` : whole;
}

/**
 * What the payer is asked to send: the server's amount rounded up to the token's precision (its
 * own fraction when it already fits, or when the precision is unknown: `null`), and without
 * leading zeros ("0049.990000" -> "49.990000"): the shown, copied and encoded amount is written
 * one way. Anything but a plain decimal is returned as it is.
 */
export function payableAmount(amount: string, decimals: number | null): string {
  const match = DECIMAL.exec(amount);
  if (!match) return amount;
  const [, whole = '', fraction = ''] = match;
  if (decimals !== null && fraction.length > decimals) return fromBaseUnits(toBaseUnits(amount, decimals), decimals);
  return whole.replace(/^0+(?=\d)/, '') + (fraction ? `.${fraction}` : '');
}
