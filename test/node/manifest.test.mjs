// custom-elements.json, as editors and framework tools read it: every event named and typed, from the contract.
import assert from 'node:assert/strict';
import {readFile} from 'node:fs/promises';
import {test} from 'node:test';

const manifest = JSON.parse(await readFile(new URL('../../dist/custom-elements.json', import.meta.url), 'utf8'));
const elements = manifest.modules.flatMap((m) => m.declarations ?? []).filter((d) => d.customElement && d.tagName);
const element = (tag) => elements.find((d) => d.tagName === tag);

test('<pepay-checkout> lists every contract event with its name and detail type', async () => {
  const {CHECKOUT_EVENTS} = await import('../../dist/index.js');
  const events = element('pepay-checkout').events;
  assert.deepEqual(
    events.map((e) => e.name),
    CHECKOUT_EVENTS,
  );
  assert.equal(events.length, 10);
  for (const event of events) {
    assert.match(event.type.text, /^CustomEvent<\{.+\}>$/, event.name);
    assert.ok(event.description, event.name);
  }
  assert.match(events.find((e) => e.name === 'pepay-error').type.text, /code: PepayErrorCode/);
});

test('the dialog and the button list the events that bubble out of them; no element lists a nameless event', async () => {
  const {CHECKOUT_EVENTS} = await import('../../dist/index.js');
  const around = [...CHECKOUT_EVENTS, 'pepay-close-request', 'pepay-close'].sort();
  assert.deepEqual(
    element('pepay-checkout-dialog')
      .events.map((e) => e.name)
      .sort(),
    around,
  );
  assert.deepEqual(
    element('pepay-checkout-button')
      .events.map((e) => e.name)
      .sort(),
    around,
  );
  for (const declaration of elements) {
    for (const event of declaration.events ?? []) assert.match(event.name ?? '', /^[a-z]+(-[a-z]+)+$/, declaration.tagName);
  }
});
