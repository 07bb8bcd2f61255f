/**
 * `JSON.stringify` as ECMA-262 defines it for plain data, whatever the host page added to the
 * built-in prototypes. Prototype.js, still on older storefronts, defines `Array.prototype.toJSON`,
 * and `JSON.stringify` calls an object's `toJSON`: an array went out as a string (the questions'
 * answers, refused with 400; a kept place that no longer read back). A `toJSON` on
 * `Array.prototype` or `Object.prototype` is set aside for the call and put back as it was; one
 * that cannot be (not configurable) is left.
 */
const PROTOTYPES: object[] = [Object.prototype, Array.prototype];

export function stringifyJson(value: unknown): string {
  const added = PROTOTYPES.flatMap((proto) => {
    const own = Object.getOwnPropertyDescriptor(proto, 'toJSON');
    return own?.configurable ? [[proto, own] as const] : [];
  });
  for (const [proto] of added) delete (proto as {toJSON?: unknown}).toJSON;
  try {
    return JSON.stringify(value);
  } finally {
    for (const [proto, own] of added) Object.defineProperty(proto, 'toJSON', own);
  }
}
