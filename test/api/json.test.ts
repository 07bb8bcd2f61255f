/**
 * What the checkout sends and keeps is standard JSON whatever a host page put on the built-in
 * prototypes (src/api/json.ts), and the page's own methods are left as it set them. The page
 * here is the test's own: each case takes its method away again, and the one that makes a
 * prototype non-extensible for good runs last.
 */
import {expect} from '@open-wc/testing';
import {stringifyJson} from '../../src/api/json.js';

type WithToJson = {toJSON?: unknown};
const descriptor = (proto: object) => Object.getOwnPropertyDescriptor(proto, 'toJSON');

/** Runs `check` with `toJSON` defined on `proto` as `own`, then takes it away. */
function withToJson(proto: object, own: PropertyDescriptor, check: () => void): void {
  Object.defineProperty(proto, 'toJSON', own);
  try {
    check();
  } finally {
    delete (proto as WithToJson).toJSON;
  }
}

const answers = {responses: [{question_id: 'q1', response: 'Acme'}]};
const standard = '{"responses":[{"question_id":"q1","response":"Acme"}]}';

describe('stringifyJson: a host page’s toJSON', () => {
  it("Prototype.js's Array.prototype.toJSON: the array goes out as an array, and the page's method stays as it was", () => {
    // Assigned, as Prototype.js does: enumerable, writable, configurable.
    function prototypeJs(this: unknown[]) {
      return `[${this.map((x) => JSON.stringify(x)).join(',')}]`;
    }
    withToJson(Array.prototype, {value: prototypeJs, enumerable: true, writable: true, configurable: true}, () => {
      expect(JSON.stringify(answers), 'the page’s JSON.stringify').to.not.equal(standard);
      expect(stringifyJson(answers)).to.equal(standard);
      expect(descriptor(Array.prototype)).to.deep.equal({value: prototypeJs, enumerable: true, writable: true, configurable: true});
    });
  });

  it('a non-enumerable Object.prototype.toJSON, and one that is a getter: standard output, and each put back as it was (the getter never run)', () => {
    const value = () => 'page';
    withToJson(Object.prototype, {value, enumerable: false, writable: true, configurable: true}, () => {
      expect(stringifyJson({network: 'base', token_id: 201})).to.equal('{"network":"base","token_id":201}');
      expect(descriptor(Object.prototype)).to.deep.equal({value, enumerable: false, writable: true, configurable: true});
    });
    let read = 0;
    const get = () => (read++, value);
    withToJson(Object.prototype, {get, enumerable: false, configurable: true}, () => {
      expect(stringifyJson({savedAt: 1, place: {emailDone: true}})).to.equal('{"savedAt":1,"place":{"emailDone":true}}');
      expect([read, descriptor(Object.prototype)?.get]).to.deep.equal([0, get]);
    });
  });

  it('what JSON.stringify throws on (a BigInt) is thrown, and the page’s method is put back all the same', () => {
    const value = () => 'page';
    withToJson(Array.prototype, {value, enumerable: true, writable: true, configurable: true}, () => {
      expect(() => stringifyJson({amount: 1n})).to.throw(TypeError);
      expect(descriptor(Array.prototype)?.value).to.equal(value);
    });
  });

  // Last: Array.prototype stays non-extensible for the rest of this page.
  it('a prototype the page made non-extensible keeps its toJSON (it could not be put back): no throw, nothing taken away', () => {
    const value = () => 'page';
    Object.defineProperty(Array.prototype, 'toJSON', {value, enumerable: false, writable: true, configurable: true});
    Object.preventExtensions(Array.prototype);
    try {
      expect(stringifyJson({a: [1]})).to.equal('{"a":"page"}');
      expect(descriptor(Array.prototype)?.value).to.equal(value);
    } finally {
      // The test runner reports with JSON.stringify too.
      delete (Array.prototype as WithToJson).toJSON;
    }
  });
});
