/**
 * Arbitraries shared by the property suites: hostile values (anything a server, a proxy or a
 * broken build could send), the documented fixtures with one field mutated, and XSS payloads.
 * Every run is seeded: a failure prints its seed and path, and `fc.assert(…, {seed, path})`
 * replays it.
 */
import fc from 'fast-check';
import {servers} from '../support/servers.js';

/** The one seed of every property (change it to explore; a failure prints the one to replay). */
export const SEED = 0x5eed_2026;

export interface RunParameters {
  seed: number;
  numRuns: number;
  /** Report the first counterexample as found, without shrinking (for slow, end-to-end runs). */
  endOnFailure?: boolean;
  includeErrorInReport: boolean;
}

/** Bounded, seeded run parameters. */
export function runs(numRuns: number, endOnFailure = false): RunParameters {
  return {seed: SEED, numRuns, endOnFailure, includeErrorInReport: true};
}

/** Keys a schema reads, plus the names that trip naive object handling. */
const SCHEMA_KEYS = [
  'invoice_id',
  'id',
  'object',
  'type',
  'data',
  'status',
  'success',
  'message',
  'error',
  'code',
  'error_code',
  'created',
  'network',
  'email',
  'questions',
  'has_questions',
  'question',
  'validation',
  'required',
  'token_symbol',
  'temp_address',
  'supported_token_id',
  'ws_connection',
  'endpoint',
  'token',
  'amount_remaining',
  'amount_remaining_decimal',
  'remaining_seconds',
  'expires_at',
  'paid_at',
  'job_status',
] as const;
const TRICKY_KEYS = ['__proto__', 'constructor', 'prototype', 'toString', 'valueOf', 'toJSON', 'then', 'length', ''] as const;

export const keys = fc.oneof(fc.constantFrom(...SCHEMA_KEYS), fc.constantFrom(...TRICKY_KEYS), fc.string({maxLength: 8}));

/** Numbers at the edges: what `* 1000`, `Number(…)` and `Date` make of them is where bugs live. */
export const extremeNumber = fc.oneof(
  fc.constantFrom(0, -0, -1, 1e21, -1e21, 1e306, -1e306, Number.MAX_VALUE, Number.MIN_VALUE, 2 ** 53, 2 ** 31, 8.64e12, 8.64e15 + 1),
  fc.double(),
  fc.integer(),
);

/** Strings that look like numbers, times or amounts, some far too long. */
export const numericString = fc.oneof(
  fc.constantFrom('', '0', '-1', '1e5', '1.', '.5', 'NaN', 'Infinity', '0x10', ' 1 ', '1'.padEnd(400, '0'), '9'.repeat(320) + '.5'),
  fc.constantFrom(
    '2025-12-21T13:00:00Z',
    '+275760-09-13T00:00:00.001Z',
    '-271821-04-20T00:00:00Z',
    'tomorrow',
    'Thu, 01 Jan 1970 00:00:00 GMT',
  ),
  fc.stringMatching(/^\d{1,40}(\.\d{1,20})?$/),
);

/** Anything JavaScript can hold, exotic shapes included (boxed values, maps, null prototypes...). */
export const hostile = fc.anything({
  key: keys,
  maxDepth: 3,
  maxKeys: 6,
  withBigInt: true,
  withBoxedValues: true,
  withDate: true,
  withMap: true,
  withSet: true,
  withNullPrototype: true,
  withObjectString: true,
  withSparseArray: true,
  withTypedArray: true,
});

/** What JSON.parse can produce, with the keys schemas look for. */
export const json: fc.Arbitrary<unknown> = fc.letrec<{value: unknown}>((tie) => ({
  value: fc.oneof(
    {depthSize: 'small', withCrossShrink: true},
    fc.constantFrom(null, true, false),
    extremeNumber.filter(Number.isFinite),
    fc.string({maxLength: 12}),
    numericString,
    fc.array(tie('value'), {maxLength: 4}),
    fc.dictionary(keys, tie('value'), {maxKeys: 6}),
  ),
})).value;

/** A replacement value for one field of a valid body. */
export const replacement = fc.oneof(hostile, json, extremeNumber, numericString, fc.constantFrom(undefined, null, '', [], {}));

type Path = (string | number)[];

function pathsOf(value: unknown, path: Path = []): Path[] {
  const found: Path[] = [path];
  if (Array.isArray(value)) value.forEach((item, i) => found.push(...pathsOf(item, [...path, i])));
  else if (value !== null && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) found.push(...pathsOf(item, [...path, key]));
  }
  return found;
}

/** Copy of `body` with the node at `path` replaced by `value`, deleted, or given a sibling key. */
function edit(body: unknown, path: Path, op: 'replace' | 'delete' | 'add', value: unknown, extraKey: string): unknown {
  const copy = structuredClone(body);
  if (path.length === 0) return op === 'replace' ? value : copy;
  const parent = at(copy, path.slice(0, -1)) as Record<string | number, unknown>;
  const last = path[path.length - 1]!;
  if (op === 'delete') {
    if (Array.isArray(parent)) parent.splice(Number(last), 1);
    else Reflect.deleteProperty(parent, last);
  } else if (op === 'add' && !Array.isArray(parent)) {
    Object.defineProperty(parent, extraKey, {value, enumerable: true, configurable: true, writable: true});
  } else {
    Object.defineProperty(parent, last, {value, enumerable: true, configurable: true, writable: true});
  }
  return copy;
}

/**
 * A valid body with one node (any depth, the root included) replaced, deleted or joined by a stray
 * key. `values`: what may take its place (`json` for a body that must still serialise).
 */
export function mutated(body: unknown, values: fc.Arbitrary<unknown> = replacement): fc.Arbitrary<unknown> {
  const paths = pathsOf(body);
  return fc
    .record({
      path: fc.constantFrom(...paths),
      op: fc.constantFrom('replace' as const, 'replace' as const, 'delete' as const, 'add' as const),
      value: values,
      extraKey: keys,
    })
    .map(({path, op, value, extraKey}) => edit(body, path, op, value, extraKey));
}

function at(body: unknown, path: Path): unknown {
  return path.reduce<unknown>((node, key) => (node as Record<string | number, unknown>)[key], body);
}

/**
 * A valid body with one of its numbers, or number-like strings (times, amounts), set to an edge
 * number or numeric string: the leaves where `* 1000`, `Number(…)` and `Date.parse` live.
 */
export function numericMutated(body: unknown): fc.Arbitrary<unknown> {
  const numeric = (v: unknown) => typeof v === 'number' || (typeof v === 'string' && /^[\d<]/.test(v));
  const leaves = pathsOf(body).filter((path) => path.length > 0);
  const numericLeaves = leaves.filter((path) => numeric(at(body, path)));
  // A body with no number at all (customer-email, submit-form): any of its fields gets one.
  const paths = numericLeaves.length ? numericLeaves : leaves;
  return fc
    .record({path: fc.constantFrom(...paths), value: fc.oneof(extremeNumber, numericString)})
    .map(({path, value}) => edit(body, path, 'replace', value, ''));
}

/** A body bare, or in one of the documented success envelopes. */
export function enveloped(body: fc.Arbitrary<unknown>): fc.Arbitrary<unknown> {
  return fc.oneof(
    body,
    body.map((data) => ({success: true, data})),
    body.map((data) => ({status: 'ok', data})),
  );
}

/** The window flag every payload tries to set. */
export const FLAG = '__pepayXss';

/** Where payload requests would go: a host that does not exist (nothing should ever ask it). */
export const PROBE_HOST = 'xss-probe.invalid';

/**
 * And a path on the scripted server, which logs every request it gets: a payload that became an
 * element and fetched something shows up in that log (and in Resource Timing) for certain.
 */
export const PROBE_URL = `${servers.scriptUrl}/__xss`;

/** Whether a fetched URL is one a payload names. */
export function isPayloadUrl(url: string): boolean {
  return url.includes(PROBE_HOST) || url.includes('/__xss') || /\/x(?:[?#]|$)/.test(url);
}

const SET = `window.${FLAG}=1`;

export const XSS_PAYLOADS = [
  `<img src=x onerror="${SET}">`,
  `"><svg onload="${SET}">`,
  `'><script>${SET}</script>`,
  `</style><script>${SET}</script>`,
  `</title></textarea><img src=x onerror=${SET}>`,
  `javascript:${SET}`,
  `JaVaScRiPt:${SET}//`,
  `data:text/html,<script>${SET}</script>`,
  `{{7*7}}`,
  '${' + SET + '}',
  `<!--?lit$123456789$-->`,
  `<iframe srcdoc="<script>parent.${FLAG}=1</script>"></iframe>`,
  `<a href="javascript:${SET}">pay</a>`,
  `<math><mtext><table><mglyph><style><img src=x onerror="${SET}">`,
  `<img src="http://${PROBE_HOST}/img.png">`,
  `<img src="${PROBE_URL}/img">`,
  `<video poster="${PROBE_URL}/poster"></video>`,
  `<svg><image href="${PROBE_URL}/svg-image"/></svg>`,
  `<link rel="stylesheet" href="${PROBE_URL}/css">`,
  `<style>@import url(${PROBE_URL}/import);</style>`,
  `<link rel="stylesheet" href="http://${PROBE_HOST}/x.css">`,
  `<style>@import url(http://${PROBE_HOST}/i.css)</style>`,
  `https://${PROBE_HOST}/"><img src=x onerror=${SET}>`,
  `" onmouseover="${SET}" x="`,
  `' autofocus onfocus='${SET}' x='`,
  `\\"\\'\\\\ \` ' "`,
  '\u202Egnp.exe\u202C \u2066evil\u2069 \u200F',
  '&lt;img src=x onerror=1&gt; &amp; &#60;',
  '<![CDATA[<script>]]>',
  '\u0000\u0007\t\r\n',
] as const;

/** One payload, alone or wrapped in arbitrary text. */
export const xss: fc.Arbitrary<string> = fc.oneof(
  {weight: 3, arbitrary: fc.constantFrom(...XSS_PAYLOADS)},
  {
    weight: 1,
    arbitrary: fc
      .tuple(fc.string({maxLength: 6}), fc.constantFrom(...XSS_PAYLOADS), fc.string({maxLength: 6}))
      .map(([before, payload, after]) => before + payload + after),
  },
);
