/**
 * Ids, addresses and signed tokens for the sandbox. Deterministic from a seed so tests can
 * reproduce a run; the "signature" is a keyed FNV-1a hash: sandbox-grade, not cryptography.
 */
export function hash32(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h >>> 0;
}

export function hex(text: string, length: number): string {
  let out = '';
  for (let i = 0; out.length < length; i++) out += hash32(`${text}:${i}`).toString(16).padStart(8, '0');
  return out.slice(0, length);
}

export function uuid(seed: string): string {
  const h = hex(seed, 32);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

const BASE58 = '123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz';

/** A deposit address in the shape the network's wallets expect. */
export function depositAddress(network: string, seed: string): string {
  if (network === 'solana') {
    let out = '';
    for (let i = 0; i < 44; i++) out += BASE58[hash32(`${seed}:${i}`) % 58];
    return out;
  }
  if (network === 'ton') return `UQ${hex(seed, 46)}`;
  if (network === 'sui') return `0x${hex(seed, 64)}`;
  return `0x${hex(seed, 40)}`;
}

function base64url(text: string): string {
  return btoa(text).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function fromBase64url(text: string): string {
  return atob(text.replace(/-/g, '+').replace(/_/g, '/'));
}

/** `<payload>.<sig>`: a signed, expiring token for `/ws/payment`. */
export function signToken(secret: string, payload: {inv: string; exp: number}): string {
  const body = base64url(JSON.stringify(payload));
  return `${body}.${hex(`${secret}.${body}`, 16)}`;
}

export function verifyToken(secret: string, token: string, now: number): {inv: string} | 'invalid' | 'expired' {
  const [body, sig] = token.split('.');
  if (!body || !sig || hex(`${secret}.${body}`, 16) !== sig) return 'invalid';
  try {
    const payload = JSON.parse(fromBase64url(body)) as {inv?: unknown; exp?: unknown};
    if (typeof payload.inv !== 'string' || typeof payload.exp !== 'number') return 'invalid';
    return payload.exp < now ? 'expired' : {inv: payload.inv};
  } catch {
    return 'invalid';
  }
}
