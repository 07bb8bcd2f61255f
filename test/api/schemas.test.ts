import {expect} from '@open-wc/testing';
import {
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
} from '../../src/api/index.js';
import {loadFixture} from '../support/fixtures.js';

function parse<T>(schema: {parse(v: unknown): T}, value: unknown): T {
  return schema.parse(unwrapEnvelope(value));
}

const EVM_ADDRESS = '0x9a3f0c1d2e4b5a6978f0e1d2c3b4a5968778695a';

describe('payor schemas accept every documented fixture', () => {
  it('session-details: epoch expiry, remaining seconds, devnet', async () => {
    const s = parse(sessionDetailsSchema, await loadFixture('session-details.200.json'));
    expect(s).to.deep.include({
      invoiceId: '550e8400-e29b-41d4-a716-446655440000',
      amountUsd: 49.99,
      expiresAt: 1766322000_000,
      status: 'unpaid',
      remainingMs: 3_600_000,
      environment: 'devnet',
      locked: null,
      merchantEmail: 'billing@example.com',
    });
  });

  it('session-details: ISO expiry, remaining_time only, cancelled spelling, locked fields', () => {
    const s = sessionDetailsSchema.parse({
      invoice_id: 'inv_1',
      amount_usd: 10,
      amount_remaining_usd: 4.5,
      description: 'x',
      expires_at: '2025-12-21T13:00:00.000Z',
      invoice_status: 'cancelled',
      remaining_time: 1500,
      merchant_name: 'M',
      network_environment: 'mainnet',
      locked_network: 'base',
      locked_token_id: 7,
      locked_payment_address: '0x00000000000000000000000000000000000000ab',
    });
    expect(s.expiresAt).to.equal(Date.parse('2025-12-21T13:00:00.000Z'));
    expect(s.status).to.equal('canceled');
    expect(s.remainingMs).to.equal(1500);
    expect(s.amountRemainingUsd).to.equal(4.5);
    expect(s.merchantEmail).to.equal(null);
    expect(s.locked).to.deep.equal({network: 'base', tokenId: 7, address: '0x00000000000000000000000000000000000000ab'});
    // A locked address not in its network's format is not kept.
    const odd = sessionDetailsSchema.parse({invoice_id: 'i', locked_network: 'base', locked_token_id: 7, locked_payment_address: '0xabc'});
    expect(odd.locked).to.deep.equal({network: 'base', tokenId: 7, address: null});
  });

  it('session-details: the overview page outlier `{status: "ok", data}` with `environment`', () => {
    const s = parse(sessionDetailsSchema, {status: 'ok', data: {invoice_id: 'inv_123', environment: 'devnet'}});
    expect(s).to.deep.include({invoiceId: 'inv_123', environment: 'devnet', status: 'unpaid', remainingMs: null});
  });

  it('session-details: negative remaining clamps to 0; a bad status is rejected, a bad date or name dropped', () => {
    expect(sessionDetailsSchema.parse({invoice_id: 'i', remaining_seconds: -5}).remainingMs).to.equal(0);
    expect(sessionDetailsSchema.safeParse({invoice_id: 'i', invoice_status: 'refunded'}).success).to.equal(false);
    // Issue 16, kind 7: what is only shown never stops the checkout.
    expect(sessionDetailsSchema.parse({invoice_id: 'i', expires_at: 'tomorrow', merchant_name: 42, description: {}})).to.deep.include({
      expiresAt: null,
      merchantName: '',
      description: '',
    });
    expect(sessionDetailsSchema.safeParse({amount_usd: 1}).success).to.equal(false);
    expect(sessionDetailsSchema.safeParse([]).success).to.equal(false);
  });

  it('available-tokens: full, SDK-truncated, ISO rate time, unknown status, non-https icon', async () => {
    const [full] = parse(availableTokensSchema, await loadFixture('available-tokens.200.json'));
    expect(full).to.deep.include({id: 123, symbol: 'USDC', network: 'base', availability: 'AVAILABLE', selectable: true});
    expect(full?.rateUpdatedAt).to.equal(1766320496_000);
    expect(full?.iconUrl).to.match(/^https:/);
    const [sdk] = parse(availableTokensSchema, await loadFixture('available-tokens.200.sdk-truncated.json'));
    expect(sdk).to.deep.include({availability: 'AVAILABLE', selectable: true, iconUrl: null, unavailableReason: null});
    const odd = availableTokensSchema.parse([
      {
        id: 1,
        token_symbol: 'ETH',
        network: 'Base',
        availability_status: 'STALE',
        unavailable_reason: 'Rate data is older than 5 minutes',
        rate_updated_at: '2025-01-01T00:00:00Z',
        photo_uri: 'http://x/icon.png',
      },
      {id: 2, token_symbol: 'X', network: 'sui', availability_status: 'SOMETHING_NEW', photo_uri: 'javascript:alert(1)'},
      {id: 3, token_symbol: 'Y', network: 'ton', availability_status: 'QUOTE_REQUIRED'},
      {id: 4, token_symbol: 'Z', network: 'base', availability_status: 'DEVNET'},
      {id: 5, token_symbol: 'W', network: 'base', availability_status: 'NO_LIQUIDITY'},
    ]);
    expect(odd.map((t) => [t.availability, t.selectable])).to.deep.equal([
      ['STALE', false],
      ['UNKNOWN', false],
      ['QUOTE_REQUIRED', true],
      ['DEVNET', true],
      ['NO_LIQUIDITY', false],
    ]);
    expect(odd[0]?.network).to.equal('base');
    expect(odd[0]?.iconUrl).to.equal(null);
    expect(odd[1]?.iconUrl).to.equal(null);
    // A token that cannot be offered (its id unreadable) is left out; the rest of the list stays.
    expect(
      availableTokensSchema.parse([
        {id: '1', token_symbol: 'A', network: 'b'},
        {id: 2, token_symbol: 'B', network: 'base'},
      ]),
    ).to.have.length(1);
    expect(availableTokensSchema.safeParse({tokens: []}).success).to.equal(false);
  });

  it('every server text the payer reads comes without bidi overrides or isolates: token, reason, question, merchant (found by a phone probe)', () => {
    const [token] = availableTokensSchema.parse([
      {
        id: 1,
        token_symbol: 'USD\u202eC',
        token_name: '\u2066USD Coin',
        network: 'base',
        unavailable_reason: 'Stale\u202e rate',
        availability_status: 'STALE',
      },
    ]);
    expect([token?.symbol, token?.name, token?.unavailableReason]).to.deep.equal(['USDC', 'USD Coin', 'Stale rate']);
    const [question] = invoiceQuestionsSchema.parse({
      has_questions: true,
      questions: {questions: [{id: 'q', question: 'Your \u202erevd handle?'}]},
    });
    expect(question?.label).to.equal('Your revd handle?');
    const session = sessionDetailsSchema.parse({invoice_id: 'inv', merchant_name: 'Shop\u202b Evil', description: 'Mug\u2069 & tea'});
    expect([session.merchantName, session.description]).to.deep.equal(['Shop Evil', 'Mug & tea']);
  });

  // A tower of combining marks on one letter paints over the lines around it (found by a wallet
  // probe: a wallet's name ran up through the QR code). Written scripts keep theirs (a review:
  // Burmese, pointed Hebrew and Sanskrit in Tibetan stack five).
  it('every server text the payer reads keeps at most eight marks on a letter, joiners between them or not', () => {
    const tower = 'W' + '\u0301'.repeat(238);
    const joined = 'X' + '\u0301\u200d'.repeat(50);
    const session = sessionDetailsSchema.parse({invoice_id: 'inv', merchant_name: tower, description: joined});
    expect([session.merchantName, session.description]).to.deep.equal([
      'W' + '\u0301'.repeat(8),
      'X' + '\u0301\u200d'.repeat(8) + '\u200d'.repeat(42),
    ]);
    const [token] = availableTokensSchema.parse([{id: 1, token_symbol: `U${'\u0489'.repeat(99)}SDC`, network: 'base'}]);
    expect(token?.symbol).to.equal(`U${'\u0489'.repeat(8)}SDC`);
    // An invisible unassigned code point between runs does not end the run either (a review).
    const parted = sessionDetailsSchema.parse({invoice_id: 'inv', merchant_name: `W${`${'\u0301'.repeat(8)}\u2065`.repeat(30)}`});
    expect(parted.merchantName).to.equal(`W${'\u0301'.repeat(8)}${'\u2065'.repeat(30)}`);
    for (const written of [
      'Tiếng Việt',
      'ภาษาไทย',
      'שָׁלוֹם',
      '\u101c\u103b\u103e\u1031\u102c\u1037\u1005\u103b\u1031\u1038',
      'ש\u05bc\u05c1\u05b8\u05bd\u05a3',
      'ཀྵྨྱཱཾ',
      '1\ufe0f\u20e3',
      '👩🏽\u200d❤\ufe0f\u200d💋\u200d👨🏾',
    ]) {
      expect(sessionDetailsSchema.parse({invoice_id: 'inv', merchant_name: written}).merchantName).to.equal(written);
    }
  });

  // A Hangul compatibility filler shows as a blank or a box, and was a new letter for the marks
  // after it (found by a phone probe): server text loses it, as a wallet's name did.
  it('server text loses the Hangul compatibility fillers, and marks parted by them stack on one letter', () => {
    const session = sessionDetailsSchema.parse({
      invoice_id: 'inv',
      merchant_name: `\u3164\u3164Acme`,
      description: `W${`${'\u0301'.repeat(8)}\u3164`.repeat(20)}`,
    });
    expect([session.merchantName, session.description]).to.deep.equal(['Acme', `W${'\u0301'.repeat(8)}`]);
    const [token] = availableTokensSchema.parse([{id: 1, token_symbol: 'USDC', token_name: 'USD\uffa0Coin\uffa0', network: 'base'}]);
    expect(token?.name).to.equal('USDCoin');
  });

  // A conjoining filler alone shows as a blank (found by a phone probe, with the probe's strings).
  it('server text loses a conjoining Hangul filler alone, and keeps one in the syllable it completes', () => {
    const probe = sessionDetailsSchema.parse({
      invoice_id: 'inv',
      merchant_name: '\u3164\uFFA0\u202EAcme\u202C \u2067Shop\u2069\u200B\u3164',
      description: '\u202Edrowssap\u202C\uFFA0\uFFA0\uFFA0\u3164 Order\u061C\u200F #12 \u2066x\u2069\u115F\u1160',
    });
    // The zero-width space and the Arabic and right-to-left marks stay: they embed nothing.
    expect([probe.merchantName, probe.description]).to.deep.equal(['Acme Shop\u200B', 'drowssap Order\u061C\u200F #12 x']);
    // Sibling: old Korean written with the fillers keeps them; a filler after a whole syllable, or
    // a run of them between marks, does not (and the marks it parted stack on one letter).
    for (const [written, read] of [
      ['\u115f\u1161', '\u115f\u1161'],
      ['\u1100\u1160\u11a8', '\u1100\u1160\u11a8'],
      ['\uac00\u1160\u1160 Shop', '\uac00 Shop'],
      // Found by a screen-reader probe: a jamo beside a filler that completes nothing with it.
      ['Shop\u1160\u1100', 'Shop\u1100'],
      // (after a leading consonant, one vowel filler is a syllable of its own: one, not a run)
      [`${'\u1160'.repeat(100)}\u1100`.repeat(3), '\u1100\u1160\u1100\u1160\u1100'],
      ['\u11a8\u115f', '\u11a8'],
      ['\u1100\u115f', '\u1100'],
      [`\u1100${'\u1160'.repeat(50)}`, '\u1100\u1160'],
      ['\uffa0\u1160\u1161', '\u1161'],
      [`W${`${'\u0301'.repeat(8)}\u115f\u1160`.repeat(10)}`, `W${'\u0301'.repeat(8)}`],
    ]) {
      expect(sessionDetailsSchema.parse({invoice_id: 'inv', merchant_name: written}).merchantName).to.equal(read);
    }
  });

  it('available-tokens: an unreadable field nobody pays by is dropped, not the checkout (issue 16, kind 7)', async () => {
    const fixture = (await loadFixture('available-tokens.200.json')) as Record<string, unknown>[];
    const [soon] = availableTokensSchema.parse([{...fixture[0], rate_updated_at: 'soon'}]);
    expect(soon).to.deep.include({id: 123, symbol: 'USDC', selectable: true, rateUpdatedAt: null});
    // Sibling: a name, icon and decimals of the wrong type; a memo flag unreadable is taken as "needs one".
    const [odd] = availableTokensSchema.parse([{...fixture[0], token_name: 7, photo_uri: 42, token_decimals: 'six', requires_memo: 'no'}]);
    expect(odd).to.deep.include({name: 'USDC', iconUrl: null, decimals: null, requiresMemo: true, selectable: true});
  });

  it('payment-addresses: full response, OpenAPI-minimal response, ISO quote times', async () => {
    const documented = (await loadFixture('payment-addresses.200.json')) as Record<string, unknown>;
    // The documentation's placeholder is no address: it would be refused like any other.
    expect(paymentAddressSchema.safeParse(documented).success).to.equal(false);
    const a = parse(paymentAddressSchema, {...documented, temp_address: EVM_ADDRESS});
    expect(a).to.deep.include({
      address: EVM_ADDRESS,
      network: 'base',
      tokenId: 123,
      tokenAmount: '49.990000',
      quoteStatus: 'available',
      quoteValidUntil: 1766320796_000,
      quoteExpiresInMs: 300_000,
      wsToken: '<payment_session_jwt>',
      wsPath: '/ws/payment',
      retryable: false,
    });
    const minimal = paymentAddressSchema.parse({
      temp_address: EVM_ADDRESS,
      network: 'base',
      supported_token_id: 1,
      estimated_token_amount: '1.5',
      quote_valid_until: '2025-12-21T12:40:00Z',
      ws_connection: {token: 'jwt', endpoint: '/ws/payment'},
    });
    expect(minimal).to.deep.include({quoteStatus: 'available', statusCode: 'ok', quoteValidUntil: Date.parse('2025-12-21T12:40:00Z')});
    const noQuote = paymentAddressSchema.parse({
      temp_address: EVM_ADDRESS,
      network: 'base',
      supported_token_id: 1,
      quote_status: 'unavailable',
      status_code: 'quote_unavailable',
      retryable: true,
      retry_after_seconds: 3,
    });
    expect(noQuote).to.deep.include({quoteStatus: 'unavailable', tokenAmount: null, retryable: true, retryAfterMs: 3000, wsToken: null});
    expect(
      paymentAddressSchema.safeParse({temp_address: EVM_ADDRESS, network: 'base', supported_token_id: 1, estimated_token_amount: '1e5'})
        .success,
    ).to.equal(false);
  });

  it('payment-addresses: an exchange rate that is not a plain decimal above zero is dropped, the address kept', () => {
    const rate = (value: unknown) =>
      paymentAddressSchema.parse({temp_address: EVM_ADDRESS, network: 'base', supported_token_id: 1, exchange_rate: value}).exchangeRate;
    expect(['0.00031995', '1.000000', '148.2'].map(rate)).to.deep.equal(['0.00031995', '1.000000', '148.2']);
    for (const hostile of ['1e-320', '1e300', 'Infinity', 'NaN', '-1', '0', '0.000', ' 1', '', 1.5, null]) {
      expect(rate(hostile), String(hostile)).to.equal(null);
    }
  });

  it('payment-addresses: a stream endpoint on another host is never followed (the token would go with it)', () => {
    const endpoint = (value: string) =>
      paymentAddressSchema.parse({
        temp_address: EVM_ADDRESS,
        network: 'base',
        supported_token_id: 1,
        ws_connection: {token: 'jwt', endpoint: value},
      }).wsPath;
    expect(endpoint('/ws/payment/v2')).to.equal('/ws/payment/v2');
    expect(endpoint('/ws/payment.v2/')).to.equal('/ws/payment.v2/');
    for (const hostile of [
      // Dot segments: another path of the same host (found by a payer probe, in a kept stream).
      '/ws/../../evil',
      '/ws/./payment',
      '/..',
      'https://evil.example/ws',
      '//evil.example/ws',
      'wss://evil.example',
      '/ws/payment?token=x',
      '\\\\evil.example/ws',
      '',
    ]) {
      expect(endpoint(hostile), hostile).to.equal('/ws/payment');
    }
  });

  it('payment-status: paid and unpaid; cancelled folded; unknown rejected', async () => {
    expect(parse(paymentStatusSchema, await loadFixture('payment-status.paid.json'))).to.deep.include({
      status: 'paid',
      paidAt: Date.parse('2024-01-01T12:30:00Z'),
    });
    expect(parse(paymentStatusSchema, await loadFixture('payment-status.unpaid.json'))).to.deep.include({status: 'unpaid', paidAt: null});
    expect(paymentStatusSchema.parse({status: 'paid', invoice_id: 'inv_9'}).invoiceId).to.equal('inv_9');
    expect(paymentStatusSchema.parse({status: 'cancelled'}).status).to.equal('canceled');
    expect(paymentStatusSchema.safeParse({status: 'pending'}).success).to.equal(false);
  });

  it('customer e-mail, questions, submit-form', async () => {
    expect(parse(customerEmailSchema, await loadFixture('customer-email.get.200.json'))).to.deep.equal({email: 'customer@example.com'});
    expect(customerEmailSchema.parse({email: null, has_email: false})).to.deep.equal({email: null});
    expect(parse(customerEmailSavedSchema, await loadFixture('customer-email.post.200.json'))).to.deep.equal({
      email: 'customer@example.com',
    });
    expect(parse(invoiceQuestionsSchema, await loadFixture('invoice-questions.200.json'))).to.deep.equal([
      {id: 'q1', label: 'Email address', type: 'email', required: true},
    ]);
    expect(invoiceQuestionsSchema.parse({has_questions: false})).to.deep.equal([]);
    expect(
      invoiceQuestionsSchema.parse({has_questions: true, questions: {questions: [{id: 'q2', question: 'Company', type: 'company'}]}}),
    ).to.deep.equal([{id: 'q2', label: 'Company', type: 'text', required: false}]);
    expect(parse(submitFormSchema, await loadFixture('submit-form.200.json'))).to.deep.equal({success: true});
  });

  it('invoice verify: the `{success, data}` envelope with placeholder times', async () => {
    const v = parse(verificationSchema, await loadFixture('invoice-verify.accepted.json'));
    expect(v).to.deep.include({id: '3c90c3cc-0d44-4b50-8888-8dd25736052a', status: 'pending', network: 'base', nextAttemptAt: null});
  });

  it('events: every documented envelope parses; unknown objects are kept as other', async () => {
    const paid = parseEvent(await loadFixture('event.invoice.updated.paid.json'));
    expect(paid?.subject).to.deep.equal({
      kind: 'invoice',
      invoiceId: 'inv_123',
      status: 'paid',
      paidAt: Date.parse('2025-01-01T00:00:00.000Z'),
      amountRemainingUsd: null,
      commerceOrderId: null,
    });
    expect(paid?.created).to.equal(1700000002_000);
    const quote = parseEvent(await loadFixture('event.payment_quote.updated.json'));
    expect(quote?.subject).to.deep.include({kind: 'quote', amountRemainingUsd: 49.99, network: 'base'});
    const payment = parseEvent(await loadFixture('event.invoice_payment.created.json'));
    expect(payment?.subject).to.deep.include({kind: 'payment', paymentId: 'pay_123', status: 'pending'});
    const order = parseEvent(await loadFixture('event.commerce.order.updated.json'));
    expect(order?.subject).to.deep.equal({kind: 'order', orderId: 'uuid', status: 'placed', invoiceId: null, tracking: null});
    // Tracking, when an order event carries it (issue 14); a malformed one is no tracking.
    const shipped = (tracking: unknown) =>
      parseEvent({
        id: 'evt_3',
        type: 'commerce.order.updated',
        data: {object: {object: 'commerce_order', id: 'o', status: 'shipped', tracking}},
      });
    expect(shipped({carrier: 'UPS', tracking_number: '1Z999'})?.subject).to.deep.include({tracking: {carrier: 'UPS', number: '1Z999'}});
    expect(shipped({tracking_number: 42})?.subject).to.deep.include({status: 'shipped', tracking: null});
    for (const name of ['event.envelope.minimal.json', 'event.invoice.created.json', 'event.invoice.updated.ws-frame.json']) {
      expect(parseEvent(await loadFixture(name))?.subject.kind, name).to.equal('invoice');
    }
    expect(parseEvent(await loadFixture('event.test.ping.json'))?.subject).to.deep.equal({kind: 'other'});
    const retrieved = parseEvent(unwrapEnvelope(await loadFixture('event.retrieve.200.json')));
    expect(retrieved?.subject).to.deep.include({kind: 'invoice', amountRemainingUsd: 0});
    const list = unwrapEnvelope(await loadFixture('events.list.200.json')) as {data: unknown[]};
    expect(parseEvent(list.data[0])?.type).to.equal('invoice.paid');
    expect(parseEvent({id: '', type: 'x', data: {object: {object: 'a'}}})).to.equal(null);
    expect(parseEvent('garbage')).to.equal(null);
  });

  it('error bodies: all three envelopes', async () => {
    expect(parseErrorBody(await loadFixture('error.api-key-invalid.401.json'))).to.deep.equal({
      serverCode: 'API_KEY_INVALID',
      message: 'Invalid API key',
    });
    expect(parseErrorBody(await loadFixture('error.legacy.500.json'))).to.deep.equal({
      serverCode: 'INTERNAL_SERVER_ERROR',
      message: 'Failed to fetch wallets',
    });
    expect(parseErrorBody(await loadFixture('error.rate-limit.429.json'))).to.deep.equal({
      serverCode: 'RATE_LIMIT_EXCEEDED',
      message: 'Too many requests from this IP. Please try again later.',
    });
    expect(parseErrorBody(await loadFixture('error.validation.400.json'))).to.deep.equal({
      serverCode: 'VALIDATION_ERROR',
      message: 'Invalid request data',
    });
    expect(parseErrorBody('oops')).to.deep.equal({serverCode: undefined, message: undefined});
  });

  it('unwrapEnvelope leaves bare bodies (even with their own success flag) alone', async () => {
    const addr = await loadFixture('payment-addresses.200.json');
    expect(unwrapEnvelope(addr)).to.equal(addr);
    expect(unwrapEnvelope([1])).to.deep.equal([1]);
    expect(unwrapEnvelope({success: false, data: {a: 1}})).to.deep.equal({success: false, data: {a: 1}});
  });
});

describe('payment instructions are refused unless they can be right (issue 16)', () => {
  const allocation = (fields: Record<string, unknown>) =>
    paymentAddressSchema.safeParse({
      temp_address: EVM_ADDRESS,
      network: 'base',
      supported_token_id: 1,
      estimated_token_amount: '49.99',
      ...fields,
    }).success;

  it('kind 2: an address with a hidden, bidi or space character, or not in its network format, is refused', () => {
    // The input the issue gives: a right-to-left override inside an EVM address.
    expect(allocation({temp_address: '0x\u202E1111111111111111111122222222222222222222'})).to.equal(false);
    // Siblings: zero-width space, a trailing space, a newline, Solana alphabet on an EVM network.
    for (const hostile of [
      `${EVM_ADDRESS.slice(0, 10)}\u200B${EVM_ADDRESS.slice(10)}`,
      `${EVM_ADDRESS} `,
      ` ${EVM_ADDRESS}`,
      `${EVM_ADDRESS}\n`,
      '7xKXtg2CW87d97TXJSDpbD5jBkheTqA83TZRuJosgAsU',
      '0x9a3f0c1d2e4b5a6978f0e1d2c3b4a5968778695', // 39 digits
    ]) {
      expect(allocation({temp_address: hostile}), JSON.stringify(hostile)).to.equal(false);
    }
    expect(allocation({network: 'solana', temp_address: '7xKXtg2CW87d97TXJSDpbD5jBkheTqA83TZRuJosgAsU'})).to.equal(true);
    expect(allocation({network: 'solana', temp_address: '0OIl7xKXtg2CW87d97TXJSDpbD5jBkheTqA83TZRuJos'})).to.equal(false);
    expect(allocation({network: 'ton', temp_address: 'UQBvW8Z5huBkMJYdnfAEM5JqTNkuWX3diqYENkWsIL0XggGG'})).to.equal(true);
    expect(allocation({network: 'ton', temp_address: 'UQBvW8Z5huBkMJYdnfAEM5JqTNkuWX3diqYENkWsIL0Xgg\u2067G'})).to.equal(false);
    expect(allocation({network: 'tron', temp_address: 'TJRabPrwbZy45sbavfcjinPJC18kjpRTv8'})).to.equal(true);
    // A network we do not know: printable ASCII only.
    expect(allocation({network: 'newchain', temp_address: 'nc1qexampleaddress0000'})).to.equal(true);
    expect(allocation({network: 'newchain', temp_address: 'nc1qexample\u00a0address0000'})).to.equal(false);
  });

  it('kind 3: a zero, negative, non-numeric or absurd amount is refused', () => {
    // The input the issue gives.
    expect(allocation({estimated_token_amount: '0'})).to.equal(false);
    // Siblings, token and USD.
    for (const amount of ['0.000000', '-1', '1e5', 'NaN', ' 1.5', '1.', '.5', '1'.repeat(31), `1.${'0'.repeat(37)}`]) {
      expect(allocation({estimated_token_amount: amount}), amount).to.equal(false);
    }
    expect(allocation({estimated_token_amount: '0.000001'})).to.equal(true);
    for (const usd of [0, -1, 1e12, Number.POSITIVE_INFINITY, Number.NaN, '5']) {
      expect(allocation({usd_amount: usd}), String(usd)).to.equal(false);
    }
    const session = (fields: Record<string, unknown>) => sessionDetailsSchema.safeParse({invoice_id: 'i', ...fields});
    expect(session({amount_usd: 0}).success).to.equal(false);
    expect(session({amount_usd: 5e9}).success).to.equal(false);
    expect(session({amount_usd: 10, amount_remaining_usd: -1}).success).to.equal(false);
    // More still due than the invoice is capped at the invoice.
    expect(sessionDetailsSchema.parse({invoice_id: 'i', amount_usd: 10, amount_remaining_usd: 12}).amountRemainingUsd).to.equal(10);
    // An event whose figure cannot be right carries no figure; a negative one is no event about us.
    const quote = (amount: unknown) =>
      parseEvent({
        id: 'evt_1',
        type: 'payment_quote.updated',
        data: {object: {object: 'payment_quote', invoice_id: 'i', amount_remaining: amount}},
      });
    expect(quote(-5000)?.subject.kind).to.equal('other');
    expect(quote(2500)?.subject).to.deep.include({amountRemainingUsd: 2.5});
    // From review: an invoice event's figure out of range is dropped, its "paid" still counts.
    const paid = parseEvent({
      id: 'evt_2',
      type: 'invoice.updated',
      data: {object: {object: 'invoice', id: 'i', status: 'paid', amount_remaining: 49.99}},
    });
    expect(paid?.subject).to.deep.include({status: 'paid', amountRemainingUsd: null});
    // A time beyond what a Date holds is no time; the status still counts.
    expect(paymentStatusSchema.parse({status: 'paid', paid_at: 9e12})).to.deep.include({status: 'paid', paidAt: null});
    // A network named like an object built-in is only a name.
    expect(allocation({network: 'constructor', temp_address: 'nc1qexampleaddress0000'})).to.equal(true);
  });
});

describe('USD figures are counted in thousandths where they arrive (the review input and its kind)', () => {
  const event = (object: Record<string, unknown>) => parseEvent({id: 'evt_1', type: 'x', data: {object}})?.subject;

  it('session, address and event figures finer than $0.001 are rounded half up as written, once', () => {
    // The input: $4.0005 still due is $4.001 (its binary value is a hair below 4.0005).
    const s = sessionDetailsSchema.parse({invoice_id: 'i', amount_usd: 20.0005, amount_remaining_usd: 4.0005});
    expect([s.amountUsd, s.amountRemainingUsd]).to.deep.equal([20.001, 4.001]);
    // Siblings: every other way a USD figure comes in.
    const address = paymentAddressSchema.parse({temp_address: EVM_ADDRESS, network: 'base', supported_token_id: 1, usd_amount: 49.9905});
    expect(address.usdAmount).to.equal(49.991);
    expect(event({object: 'invoice_payment', id: 'p', amount_usd: 10.0005})).to.deep.include({amountUsd: 10.001});
    expect(event({object: 'invoice', id: 'i', amount_remaining_decimal: '4.0005'})).to.deep.include({amountRemainingUsd: 4.001});
    expect(event({object: 'payment_quote', amount_remaining_decimal: '0.1'})).to.deep.include({amountRemainingUsd: 0.1});
    expect(sessionDetailsSchema.parse({invoice_id: 'i', amount_usd: 0.1 + 0.2}).amountUsd).to.equal(0.3);
    // Float noise in the 16th and 17th digits is read as the figure it came from.
    const noisy = sessionDetailsSchema.parse({invoice_id: 'i', amount_usd: 20.000000000000004, amount_remaining_usd: 4.000499999999999});
    expect([noisy.amountUsd, noisy.amountRemainingUsd]).to.deep.equal([20, 4.001]);
  });

  it('a payment event whose amount is under half a thousandth, or out of range, keeps its status without a figure', () => {
    // The review's input: $0.0004 made the whole event unknown, so a "failed" under a wait was lost.
    expect(event({object: 'invoice_payment', id: 'p', status: 'failed', amount_usd: 0.0004})).to.deep.include({
      kind: 'payment',
      status: 'failed',
      amountUsd: null,
    });
    // Sibling: a negative amount.
    expect(event({object: 'invoice_payment', id: 'p', status: 'failed', amount_usd: -5})).to.deep.include({
      kind: 'payment',
      amountUsd: null,
    });
  });

  it('an amount to pay that rounds to $0.000 is refused; one still due that does is nothing due', () => {
    expect(sessionDetailsSchema.safeParse({invoice_id: 'i', amount_usd: 0.0004}).success).to.equal(false);
    expect(sessionDetailsSchema.parse({invoice_id: 'i', amount_usd: 0.0005}).amountUsd).to.equal(0.001);
    expect(sessionDetailsSchema.parse({invoice_id: 'i', amount_usd: 1, amount_remaining_usd: 0.0004}).amountRemainingUsd).to.equal(0);
  });
});
