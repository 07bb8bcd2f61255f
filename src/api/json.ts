/**
 * `JSON.stringify` as ECMA-262 defines it for plain data, whatever the host page added to the
 * built-in prototypes. Prototype.js, still on older storefronts, defines `Array.prototype.toJSON`,
 * and `JSON.stringify` calls an object's `toJSON`: an array went out as a string (the questions'
 * answers, refused with 400). One on `Object.prototype` reshaped every object: the body of every
 * request, the kept place, the key that tells a new session from the last. A `toJSON` on
 * `Array.prototype` or `Object.prototype` is set aside for the call and put back as it was; one
 * that could not be put back (not configurable, or on a prototype made non-extensible) is left.
 */
const PROTOTYPES: object[] = [Object.prototype, Array.prototype];

export function stringifyJson(value: unknown): string {
  const added = PROTOTYPES.flatMap((proto) => {
    const own = Object.getOwnPropertyDescriptor(proto, 'toJSON');
    // Put back only where it surely can be: a prototype the page made non-extensible would refuse it.
    return own?.configurable && Object.isExtensible(proto) ? [[proto, own] as const] : [];
  });
  for (const [proto] of added) delete (proto as {toJSON?: unknown}).toJSON;
  try {
    return JSON.stringify(value);
  } finally {
    for (const [proto, own] of added) Object.defineProperty(proto, 'toJSON', own);
  }
}
