/**
 * Property suites for every parser of server input: the endpoint schemas (as `requestJson` uses
 * them: `safeParse(unwrapEnvelope(body))`), the client end to end over a fetch that answers
 * anything, error bodies, event envelopes, stream frames (pure and over a real socket) and the
 * tab-sync channel. Whatever arrives, a parser answers with a typed result or a failure (the
 * client with a PepayError), never with a TypeError.
 */
import {expect, waitUntil} from '@open-wc/testing';
import fc from 'fast-check';
import {
  ERROR_CODES,
  INVOICE_STATUSES,
  PayorClient,
  PepayError,
  availableTokensSchema,
  customerEmailSavedSchema,
  customerEmailSchema,
  invoiceQuestionsSchema,
  parseErrorBody,
  parseEvent,
  paymentAddressSchema,
  paymentStatusSchema,
  sessionDetailsSchema,
  submitFormSchema,
  unwrapEnvelope,
  verificationSchema,
  type PepayEvent,
} from '../../src/api/index.js';
import {parseFrame} from '../../src/api/schemas/frames.js';
import {EventDeduper} from '../../src/realtime/dedupe.js';
import {PaymentStream} from '../../src/realtime/payment-stream.js';
import {TabSync} from '../../src/realtime/tab-sync.js';
import {loadFixture} from '../support/fixtures.js';
import {createSession, payorFetch, simulate, wsBase} from '../support/sandbox.js';
import {enveloped, hostile, json, keys, mutated, numericMutated, runs} from './arbitraries.js';

// ---- what a normalised result may look like ---------------------------------------------------

type Check = (value: unknown) => void;
const obj = (value: unknown) => value as Record<string, unknown>;
const isString = (v: unknown) => typeof v === 'string';
const isStringOrNull = (v: unknown) => v === null || typeof v === 'string';
/** Amounts and times that reach the screen or a timer: a real number, never NaN or ±Infinity. */
const isFiniteOrNull = (v: unknown) => v === null || (typeof v === 'number' && Number.isFinite(v));
/** Server hints the checkout clamps before use (quote lifetime, retry delay): any number but NaN. */
const isNumberOrNull = (v: unknown) => v === null || (typeof v === 'number' && !Number.isNaN(v));

function fields(value: unknown, expected: Record<string, (v: unknown) => boolean>, what: string): void {
  expect(value, what).to.be.an('object');
  for (const [key, ok] of Object.entries(expected)) {
    expect(ok(obj(value)[key]), `${what}.${key} = ${String(obj(value)[key])}`).to.equal(true);
  }
}

const checkSession: Check = (s) =>
  fields(
    s,
    {
      invoiceId: (v) => isString(v) && v !== '',
      amountUsd: isFiniteOrNull,
      amountRemainingUsd: isFiniteOrNull,
      description: isString,
      expiresAt: isFiniteOrNull,
      status: (v) => (INVOICE_STATUSES as readonly unknown[]).includes(v),
      remainingMs: (v) => v === null || (typeof v === 'number' && Number.isFinite(v) && v >= 0),
      merchantName: isString,
      merchantEmail: isStringOrNull,
      environment: (v) => v === 'devnet' || v === 'mainnet',
      locked: (v) => v === null || (isString(obj(v)['network']) && Number.isFinite(obj(v)['tokenId']) && isStringOrNull(obj(v)['address'])),
    },
    'session',
  );

const checkTokens: Check = (list) => {
  expect(list).to.be.an('array');
  for (const t of list as unknown[]) {
    fields(
      t,
      {
        id: Number.isFinite,
        symbol: isString,
        name: isString,
        network: (v) => isString(v) && v !== '',
        iconUrl: (v) => v === null || (isString(v) && (v as string).startsWith('https://')),
        selectable: (v) => typeof v === 'boolean',
        unavailableReason: isStringOrNull,
        rateUpdatedAt: isFiniteOrNull,
      },
      'token',
    );
  }
};

const checkQuestions: Check = (list) => {
  expect(list).to.be.an('array');
  for (const q of list as unknown[]) {
    fields(
      q,
      {
        id: (v) => isString(v) && v !== '',
        label: isString,
        type: (v) => v === 'email' || v === 'text',
        required: (v) => typeof v === 'boolean',
      },
      'question',
    );
  }
};

const checkEmail: Check = (e) => fields(e, {email: isStringOrNull}, 'email');

const checkAddress: Check = (a) =>
  fields(
    a,
    {
      address: (v) => isString(v) && v !== '',
      network: (v) => isString(v) && v !== '',
      tokenId: Number.isFinite,
      tokenAmount: (v) => v === null || (isString(v) && /^\d+(\.\d+)?$/.test(v as string)),
      quoteStatus: (v) => ['available', 'unavailable', 'expired'].includes(v as string),
      message: isStringOrNull,
      quoteUpdatedAt: isFiniteOrNull,
      quoteValidUntil: isFiniteOrNull,
      quoteExpiresInMs: isNumberOrNull,
      retryAfterMs: isNumberOrNull,
      wsToken: isStringOrNull,
      // Never another host: a path on the configured WebSocket origin.
      wsPath: (v) => isString(v) && /^\/(?!\/)[\w\-./]*$/.test(v as string),
    },
    'address',
  );

const checkStatus: Check = (s) =>
  fields(
    s,
    {status: (v) => (INVOICE_STATUSES as readonly unknown[]).includes(v), paidAt: isFiniteOrNull, invoiceId: isStringOrNull},
    'status',
  );

const checkSubmit: Check = (r) => expect(r === undefined || (typeof r === 'object' && r !== null)).to.equal(true);

const checkVerification: Check = (v) =>
  fields(
    v,
    {id: isString, status: isString, attemptCount: isNumberOrNull, nextAttemptAt: isFiniteOrNull, completedAt: isFiniteOrNull},
    'verification',
  );

function checkEvent(event: PepayEvent | null): void {
  if (event === null) return;
  fields(event, {id: (v) => isString(v) && v !== '', type: isString, created: isFiniteOrNull}, 'event');
  const s = event.subject;
  switch (s.kind) {
    case 'invoice':
      return fields(
        s,
        {
          invoiceId: isString,
          status: (v) => v === null || (INVOICE_STATUSES as readonly unknown[]).includes(v),
          paidAt: isFiniteOrNull,
          amountRemainingUsd: isFiniteOrNull,
          commerceOrderId: isStringOrNull,
        },
        'invoice',
      );
    case 'payment':
      return fields(s, {paymentId: isString, invoiceId: isStringOrNull, status: isStringOrNull, amountUsd: isFiniteOrNull}, 'payment');
    case 'quote':
      return fields(s, {invoiceId: isStringOrNull, network: isStringOrNull, amountRemainingUsd: isFiniteOrNull}, 'quote');
    case 'order':
      return fields(s, {orderId: isString, status: isString, invoiceId: isStringOrNull}, 'order');
    default:
      expect(s).to.deep.equal({kind: 'other'});
  }
}

// ---- the endpoints ------------------------------------------------------------------------------

interface Endpoint {
  name: string;
  schema: {safeParse(value: unknown): {success: boolean; data?: unknown}};
  fixtures: string[];
  call: (client: PayorClient) => Promise<unknown>;
  check: Check;
}

const ENDPOINTS: Endpoint[] = [
  {
    name: 'session-details',
    schema: sessionDetailsSchema,
    fixtures: ['session-details.200.json'],
    call: (c) => c.sessionDetails(),
    check: checkSession,
  },
  {
    name: 'available-tokens',
    schema: availableTokensSchema,
    fixtures: ['available-tokens.200.json', 'available-tokens.200.sdk-truncated.json'],
    call: (c) => c.availableTokens({mode: 'all'}),
    check: checkTokens,
  },
  {
    name: 'invoice-questions',
    schema: invoiceQuestionsSchema,
    fixtures: ['invoice-questions.200.json'],
    call: (c) => c.invoiceQuestions(),
    check: checkQuestions,
  },
  {
    name: 'customer-email (GET)',
    schema: customerEmailSchema,
    fixtures: ['customer-email.get.200.json'],
    call: (c) => c.customerEmail(),
    check: checkEmail,
  },
  {
    name: 'customer-email (POST)',
    schema: customerEmailSavedSchema,
    fixtures: ['customer-email.post.200.json'],
    call: (c) => c.setCustomerEmail('payer@example.com'),
    check: checkEmail,
  },
  {
    name: 'payment-addresses',
    schema: paymentAddressSchema,
    fixtures: ['payment-addresses.200.json'],
    call: (c) => c.allocateAddress({network: 'base', tokenId: 123}),
    check: checkAddress,
  },
  {
    name: 'payment-status',
    schema: paymentStatusSchema,
    // The merchant's invoice-status body too: a plausible wrong answer on this path.
    fixtures: ['payment-status.paid.json', 'payment-status.unpaid.json', 'invoice-status.200.json'],
    call: (c) => c.paymentStatus(),
    check: checkStatus,
  },
  {
    name: 'submit-form',
    schema: submitFormSchema,
    fixtures: ['submit-form.200.json'],
    call: (c) => c.submitForm([{questionId: 'q1', response: 'x'}]),
    check: checkSubmit,
  },
  {
    name: 'verify (POST)',
    schema: verificationSchema,
    fixtures: ['invoice-verify.accepted.json'],
    call: (c) => c.requestVerification('inv_1', 'base'),
    check: checkVerification,
  },
  {
    name: 'verify (GET)',
    schema: verificationSchema,
    fixtures: ['invoice-verify.accepted.json'],
    call: (c) => c.verification('inv_1'),
    check: checkVerification,
  },
];

const EVENT_FIXTURES = [
  'event.commerce.order.updated.json',
  'event.envelope.minimal.json',
  'event.invoice.created.json',
  'event.invoice.updated.paid.json',
  'event.invoice.updated.ws-frame.json',
  'event.invoice_payment.created.json',
  'event.payment_quote.updated.json',
  'event.test.ping.json',
];
const ERROR_FIXTURES = [
  'error.api-key-invalid.401.json',
  'error.legacy.500.json',
  'error.rate-limit.429.json',
  'error.validation.400.json',
];

const fixtures = new Map<string, unknown>();
// Bodies carry own `__proto__` keys (JSON.parse makes them): nothing may reach the shared prototypes.
const prototypeKeys = () => [Object.prototype, Array.prototype].map((p) => Reflect.ownKeys(p).map(String).sort().join());
const prototypesBefore = prototypeKeys();
after(() => expect(prototypeKeys()).to.deep.equal(prototypesBefore));

before(async () => {
  const names = [...ENDPOINTS.flatMap((e) => e.fixtures), ...EVENT_FIXTURES, ...ERROR_FIXTURES, 'event.retrieve.200.json'];
  for (const name of names) fixtures.set(name, await loadFixture(name));
  // The documented event inside its retrieve envelope, as a frame would carry it.
  fixtures.set('event.retrieve.inner', unwrapEnvelope(fixtures.get('event.retrieve.200.json')));
});

/** Hostile values, arbitrary JSON, and each valid fixture with one node mutated, bare or enveloped. */
function inputsFor(names: string[]): fc.Arbitrary<unknown> {
  return fc.oneof(hostile, enveloped(json), ...names.map((name) => enveloped(mutated(fixtures.get(name)))));
}

/** What requestJson does with a decoded body. */
function parseAsClient(endpoint: Endpoint, body: unknown) {
  return endpoint.schema.safeParse(unwrapEnvelope(body));
}

describe('property: endpoint schemas never throw, and what they accept is well-formed', () => {
  for (const endpoint of ENDPOINTS) {
    it(`${endpoint.name}: anything, arbitrary JSON, and mutated fixtures (200 runs)`, () => {
      fc.assert(
        fc.property(inputsFor(endpoint.fixtures), (body) => {
          const result = parseAsClient(endpoint, body);
          expect(result.success).to.be.a('boolean');
          if (result.success) endpoint.check(result.data);
        }),
        runs(200),
      );
    });
  }

  it('every number or number-like string of every fixture, at any depth, set to an edge value (200 runs per fixture)', () => {
    for (const endpoint of ENDPOINTS) {
      for (const name of endpoint.fixtures) {
        fc.assert(
          fc.property(numericMutated(fixtures.get(name)), (body) => {
            const result = parseAsClient(endpoint, body);
            if (result.success) endpoint.check(result.data);
          }),
          runs(200),
        );
      }
    }
  });
});

// ---- the client over a fetch that answers anything -----------------------------------------------

const NULL_BODY_STATUSES = [204, 205, 304];
const headerText = fc.oneof(
  fc.nat().map(String),
  fc.constantFrom('9'.repeat(400), '-1', ' 5 ', '1.5', ''),
  fc.date({noInvalidDate: true, min: new Date(0), max: new Date(8.64e15)}).map((d) => d.toUTCString()),
  fc.string({unit: 'grapheme-ascii', maxLength: 30}),
);

function safeStringify(value: unknown): string {
  try {
    return JSON.stringify(value) ?? '';
  } catch {
    return Object.prototype.toString.call(value);
  }
}

/** How the server answers: the response, or a failure of the transport itself. */
const answer = (endpoint: Endpoint) =>
  fc.record({
    status: fc.oneof(
      fc.constantFrom(200, 201, 202, 204, 304, 400, 401, 403, 404, 409, 410, 422, 429, 500, 503),
      fc.integer({min: 200, max: 599}),
    ),
    text: fc.oneof(
      inputsFor(endpoint.fixtures).map(safeStringify),
      enveloped(fc.oneof(...ERROR_FIXTURES.map((name) => mutated(fixtures.get(name))))).map(safeStringify),
      fc.string({maxLength: 40}),
      // Truncated JSON.
      inputsFor(endpoint.fixtures).chain((body) => {
        const text = safeStringify(body);
        return fc.nat({max: text.length}).map((cut) => text.slice(0, cut));
      }),
    ),
    headers: fc.record(
      {
        'retry-after': headerText,
        date: headerText,
        'x-request-id': headerText,
        'content-type': fc.constantFrom('application/json', 'text/html'),
      },
      {requiredKeys: []},
    ),
    transport: fc.constantFrom('ok', 'ok', 'ok', 'ok', 'rejects', 'throws', 'body-breaks'),
    retries: fc.constantFrom(0, 1),
  });

type Answer = {status: number; text: string; headers: Record<string, string>; transport: string; retries: number};

function fakeFetch(a: Answer): typeof fetch {
  return () => {
    if (a.transport === 'throws') throw new TypeError('fetch blew up synchronously');
    if (a.transport === 'rejects') return Promise.reject(new TypeError('Failed to fetch'));
    const nullBody = NULL_BODY_STATUSES.includes(a.status);
    const body =
      a.transport === 'body-breaks'
        ? new ReadableStream({
            start(controller) {
              controller.enqueue(new TextEncoder().encode(a.text.slice(0, 3)));
              controller.error(new TypeError('connection reset'));
            },
          })
        : a.text;
    return Promise.resolve(new Response(nullBody ? null : body, {status: a.status, headers: a.headers}));
  };
}

describe('property: the client resolves with a well-formed result or rejects with a PepayError', () => {
  for (const endpoint of ENDPOINTS) {
    it(`${endpoint.name}: any status, body, headers and transport failure (200 runs)`, async () => {
      await fc.assert(
        fc.asyncProperty(answer(endpoint), async (a) => {
          const client = new PayorClient({
            sessionToken: 'pst_property',
            signature: 'sig_property',
            apiBase: 'https://api.example.test',
            fetch: fakeFetch(a),
            // Retries bounded to milliseconds: a Retry-After above 5 ms is reported, not waited for.
            retry: {maxRetries: a.retries, baseDelayMs: 2, maxDelayMs: 5},
          });
          let result: unknown;
          try {
            result = await endpoint.call(client);
          } catch (error) {
            expect(error, String(error)).to.be.instanceOf(PepayError);
            const e = error as PepayError;
            expect(ERROR_CODES).to.include(e.code);
            expect(e.message).to.be.a('string');
            expect(e.retryable).to.be.a('boolean');
            if (a.transport === 'ok' && a.status >= 300) expect(e.status).to.equal(a.status);
            // A hint, never negative or NaN (a huge one may be Infinity: every user caps it).
            if (e.retryAfterSeconds !== undefined) expect(e.retryAfterSeconds).to.be.at.least(0);
            return;
          }
          expect(a.transport === 'ok' && a.status < 300, `resolved on ${a.status}/${a.transport}`).to.equal(true);
          endpoint.check(result);
        }),
        runs(200),
      );
    });
  }
});

// ---- error bodies, events, frames ---------------------------------------------------------------

describe('property: error bodies, event envelopes and stream frames', () => {
  it('parseErrorBody: always a code and a message, each a string or undefined (300 runs)', () => {
    fc.assert(
      fc.property(inputsFor(ERROR_FIXTURES), (body) => {
        const parsed = parseErrorBody(body);
        expect(Object.keys(parsed).sort()).to.deep.equal(['message', 'serverCode']);
        for (const v of [parsed.serverCode, parsed.message]) expect(v === undefined || typeof v === 'string').to.equal(true);
      }),
      runs(300),
    );
  });

  it('parseEvent: null or a well-formed event, for every envelope mutated (400 runs)', () => {
    fc.assert(
      fc.property(inputsFor([...EVENT_FIXTURES, 'event.retrieve.inner']), (value) => checkEvent(parseEvent(value))),
      runs(400),
    );
  });

  it('parseEvent: every number or number-like string of every envelope set to an edge value (100 runs per fixture)', () => {
    for (const name of [...EVENT_FIXTURES, 'event.retrieve.inner']) {
      fc.assert(
        fc.property(numericMutated(fixtures.get(name)), (value) => checkEvent(parseEvent(value))),
        runs(100),
      );
    }
  });

  it('parseFrame over what the socket delivers: control, error, event or null (400 runs)', () => {
    const frames = fc.oneof(
      inputsFor([...EVENT_FIXTURES, 'event.retrieve.inner']),
      fc.record(
        {object: fc.constantFrom('ws_control', 'ws_error', 'event'), type: json, code: json, message: json},
        {requiredKeys: ['object']},
      ),
    );
    const text = fc.oneof(frames.map(safeStringify), fc.string({maxLength: 30}));
    fc.assert(
      fc.property(text, (data) => {
        let decoded: unknown;
        try {
          decoded = JSON.parse(data);
        } catch {
          return; // The stream drops what is not JSON before parsing.
        }
        const frame = parseFrame(decoded);
        if (frame === null) return;
        if (frame.kind === 'control') expect(frame.type).to.be.a('string');
        else if (frame.kind === 'error') expect(isStringOrNull(frame.code)).to.equal(true);
        else checkEvent(frame.event);
      }),
      runs(400),
    );
  });
});

describe('property: the payment stream over a real socket', () => {
  it('hostile frames pushed by the sandbox: only well-formed events come out, nothing throws (25 runs)', async function () {
    this.timeout(20_000);
    const s = await createSession({customer_email: 'a@example.com'});
    const allocation = (await (
      await payorFetch(s, '/api/v1/payments/payment-addresses', {
        method: 'POST',
        headers: {'content-type': 'application/json'},
        body: JSON.stringify({network: 'base', tokenId: 201}),
      })
    ).json()) as {ws_connection: {token: string}};
    const heard: PepayEvent[] = [];
    const uncaught: string[] = [];
    const onError = (e: ErrorEvent) => uncaught.push(e.message);
    window.addEventListener('error', onError);
    const stream = new PaymentStream({
      wsBase,
      dedupe: new EventDeduper(),
      onEvent: (event) => heard.push(event),
      onStatus: () => undefined,
      onResync: () => undefined,
    });
    stream.connect(allocation.ws_connection.token);
    let sentinel = 0;
    try {
      await waitUntil(() => stream.isLive, 'stream live', {timeout: 8000});
      // JSON only: the sandbox sends what it is given, serialised.
      const frame = fc.oneof(json, ...EVENT_FIXTURES.map((name) => mutated(fixtures.get(name), json)));
      await fc.assert(
        fc.asyncProperty(frame, async (value) => {
          const id = `evt_sentinel-${sentinel++}`;
          const sent = (await (await simulate(s.invoice_id, 'push-frame', value ?? null)).json()) as {sent: number};
          expect(sent.sent).to.equal(1);
          // Frames arrive in order: once the sentinel is heard, the hostile frame was handled.
          await simulate(s.invoice_id, 'push-frame', {id, object: 'event', type: 'test.ping', data: {object: {object: 'ping'}}});
          await waitUntil(() => heard.some((e) => e.id === id), `sentinel ${id}`, {timeout: 10_000, interval: 10});
          for (const event of heard) checkEvent(event);
          expect(uncaught).to.deep.equal([]);
        }),
        runs(25, true),
      );
    } finally {
      stream.stop();
      window.removeEventListener('error', onError);
    }
  });
});

// ---- tab sync ------------------------------------------------------------------------------------

describe('property: tab-sync messages', () => {
  it('whatever another tab posts on the session channel never throws, and only well-formed values get through (300 runs)', () => {
    const forwarded: unknown[] = [];
    const sync = new TabSync(`property-${Date.now()}`, {
      dedupe: new EventDeduper(),
      onEvent: (event) => forwarded.push(event),
      onStatus: (status) => forwarded.push(status),
    });
    const channel = (sync as unknown as {channel: BroadcastChannel}).channel;
    const message = fc.oneof(
      hostile,
      json,
      fc.record(
        {
          v: fc.constantFrom(2, 2, 1, '2'),
          from: fc.oneof(fc.string({maxLength: 6}), json),
          kind: fc.oneof(fc.constantFrom('hello', 'event', 'status'), keys),
          live: json,
          leader: json,
          envelope: fc.oneof(hostile, json, ...EVENT_FIXTURES.map((name) => mutated(fixtures.get(name), json))),
          status: fc.oneof(hostile, json),
        },
        {requiredKeys: ['v', 'from', 'kind']},
      ),
    );
    try {
      fc.assert(
        fc.property(message, (data) => {
          forwarded.length = 0;
          channel.onmessage!.call(channel, new MessageEvent('message', {data}));
          for (const value of forwarded) {
            if ((value as {subject?: unknown}).subject !== undefined) checkEvent(value as PepayEvent);
            else checkStatus(value);
          }
        }),
        runs(300),
      );
    } finally {
      sync.close();
    }
  });

  it('the inputs the properties found: an event message without an envelope, a forged event or status (issue 16)', () => {
    const forwarded: unknown[] = [];
    const sync = new TabSync(`found-${Date.now()}`, {
      dedupe: new EventDeduper(),
      onEvent: (event) => forwarded.push(event),
      onStatus: (status) => forwarded.push(status),
    });
    const channel = (sync as unknown as {channel: BroadcastChannel}).channel;
    try {
      for (const data of [
        {v: 2, from: 'x', kind: 'event'},
        {v: 2, from: 'y', kind: 'event', envelope: {id: 'e1'}},
        {v: 2, from: 'z', kind: 'status', status: {}},
        {v: 2, from: 'z', kind: 'status', status: {status: 'paid'}},
      ]) {
        expect(() => channel.onmessage!.call(channel, new MessageEvent('message', {data}))).not.to.throw();
      }
      expect(forwarded).to.deep.equal([]);
      // A well-formed status from another tab's poll does get through.
      channel.onmessage!.call(
        channel,
        new MessageEvent('message', {data: {v: 2, from: 'w', kind: 'status', status: {status: 'paid', paidAt: null, invoiceId: null}}}),
      );
      expect(forwarded).to.deep.equal([{status: 'paid', paidAt: null, invoiceId: null}]);
    } finally {
      sync.close();
    }
  });

  it('session-details: `remaining_seconds: 1e306` is no time left at all, not an infinite one (found by the properties)', () => {
    expect(sessionDetailsSchema.parse({invoice_id: 'i', remaining_seconds: 1e306}).remainingMs).to.equal(null);
    // Sibling: a quote lifetime and a retry hint as large are dropped too.
    const address = paymentAddressSchema.parse({
      temp_address: '0x9a3f0c1d2e4b5a6978f0e1d2c3b4a5968778695a',
      network: 'base',
      supported_token_id: 1,
      quote_expires_in_seconds: 1e306,
      retry_after_seconds: 1e306,
    });
    expect([address.quoteExpiresInMs, address.retryAfterMs]).to.deep.equal([null, null]);
  });
});
