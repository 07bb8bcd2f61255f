// The README carries the whole public contract of <pepay-checkout> (issue 17): every attribute,
// property, step, event, error code, CSS part and custom property the build has is named in it,
// in backticks, as merchants read it. New surface without its README line fails here.
import assert from 'node:assert/strict';
import {readFile} from 'node:fs/promises';
import {test} from 'node:test';

const readme = await readFile(new URL('../../README.md', import.meta.url), 'utf8');
const manifest = JSON.parse(await readFile(new URL('../../dist/custom-elements.json', import.meta.url), 'utf8'));
const checkout = manifest.modules.flatMap((m) => m.declarations ?? []).find((d) => d.tagName === 'pepay-checkout');
const named = (name) => readme.includes(`\`${name}\``);
const missing = (names) => names.filter((name) => !named(name));

test('every attribute and public property is in the README', () => {
  const attributes = checkout.attributes.map((a) => a.name);
  const properties = checkout.members.filter((m) => m.kind === 'field' && !m.static && !m.privacy).map((m) => m.name);
  assert.ok(attributes.includes('qr-content') && properties.includes('chainIds'));
  assert.deepEqual(missing([...attributes, ...properties]), []);
});

test('every step, event, error code, CSS part and custom property is in the README', async () => {
  const {CHECKOUT_EVENTS, ERROR_CODES} = await import('../../dist/index.js');
  const {STEPS} = await import('../../dist/checkout/types.js');
  assert.ok(STEPS.includes('confirming') && CHECKOUT_EVENTS.includes('pepay-deeplink'));
  assert.deepEqual(missing([...STEPS, ...CHECKOUT_EVENTS, ...ERROR_CODES]), []);
  assert.deepEqual(missing(checkout.cssParts.map((p) => p.name)), []);
  assert.deepEqual(missing(checkout.cssProperties.map((p) => p.name)), []);
});

test("each event's README row gives the fields of its detail type", () => {
  for (const event of checkout.events) {
    // A table row whose first cell names the event (one row may name two that share a detail).
    const row = readme.split('\n').find((line) => line.startsWith('|') && line.split('|')[1].includes(`\`${event.name}\``));
    assert.ok(row, `${event.name} has a row`);
    const fields = [...event.type.text.matchAll(/(\w+)\??:/g)].map((match) => match[1]);
    for (const field of fields) assert.ok(row.includes(field), `${event.name}: ${field}`);
  }
});
