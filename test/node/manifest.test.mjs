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
  assert.equal(events.length, 13);
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

// The editors' data (README "Editor support"), generated from the manifest: every public element with
// every attribute, event, CSS part and custom property it lists.
const vscode = JSON.parse(await readFile(new URL('../../dist/vscode.html-custom-data.json', import.meta.url), 'utf8'));
const vscodeCss = JSON.parse(await readFile(new URL('../../dist/vscode.css-custom-data.json', import.meta.url), 'utf8'));
const webTypes = JSON.parse(await readFile(new URL('../../dist/web-types.json', import.meta.url), 'utf8'));
const PUBLIC = ['pepay-checkout', 'pepay-checkout-button', 'pepay-checkout-dialog'];

test('package.json points editors at their data', async () => {
  const pkg = JSON.parse(await readFile(new URL('../../package.json', import.meta.url), 'utf8'));
  assert.equal(pkg['web-types'], './dist/web-types.json');
  assert.equal(pkg.customElements, 'dist/custom-elements.json');
});

for (const tag of PUBLIC) {
  test(`VS Code and JetBrains complete <${tag}>: its attributes, events, parts and custom properties`, () => {
    const declared = element(tag);
    const attributes = (declared.attributes ?? []).map((a) => a.name).sort();
    const events = (declared.events ?? []).map((e) => e.name).sort();
    assert.ok(attributes.length > 0 && events.length > 0, tag);

    const vsTag = vscode.tags.find((t) => t.name === tag);
    assert.deepEqual(vsTag.attributes.map((a) => a.name).sort(), attributes);
    for (const event of events) assert.ok(vsTag.description.includes(`**${event}**`), `${tag}: ${event} in VS Code's description`);

    const jbTag = webTypes.contributions.html.elements.find((e) => e.name === tag);
    assert.deepEqual(jbTag.attributes.map((a) => a.name).sort(), attributes);
    assert.deepEqual(jbTag.js.events.map((e) => e.name).sort(), events);
    for (const part of declared.cssParts ?? []) assert.ok(vsTag.description.includes(part.name), `${tag}: part ${part.name}`);
  });
}

test('the custom properties a merchant may set are CSS completions in VS Code', () => {
  const declared = (element('pepay-checkout').cssProperties ?? []).map((p) => p.name).sort();
  assert.ok(declared.length >= 10);
  assert.deepEqual(vscodeCss.properties.map((p) => p.name).sort(), declared);
});

test('no inner element of the checkout is offered to editors', () => {
  assert.deepEqual(vscode.tags.map((t) => t.name).sort(), [...PUBLIC].sort());
  assert.deepEqual(webTypes.contributions.html.elements.map((e) => e.name).sort(), [...PUBLIC].sort());
});
