/** A session's public name, shared by tab sync (src/realtime/tab-sync.ts) and the remembered place. */

/**
 * The name a session's channel, lock and remembered place carry: FNV-1a (64 bits, hex) of its token. A name, not a
 * secret keeper (a collision only shares hints that are filtered by invoice id anyway).
 */
export function sessionKey(text: string): string {
  let hash = 0xcbf29ce484222325n;
  for (let i = 0; i < text.length; i++) hash = BigInt.asUintN(64, (hash ^ BigInt(text.charCodeAt(i))) * 0x100000001b3n);
  return hash.toString(16).padStart(16, '0');
}
