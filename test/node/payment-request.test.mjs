// Payment request URIs read by the parsers wallets use (issue 13): eth-url-parser for EIP-681,
// @solana/pay's parseURL for Solana Pay, the WHATWG URL parser for TON's deep link. Each parsed
// recipient, token, chain and amount must be the session's, to the smallest unit.
import assert from 'node:assert/strict';
import {test} from 'node:test';
import {parse as parseEip681} from 'eth-url-parser';
import {parseURL as parseSolanaPay} from '@solana/pay';
import fc from 'fast-check';
import {encode as encodeQr} from 'uqr';

const {paymentRequest} = await import('../../dist/wallet/payment-request.js');
const {payableAmount, toBaseUnits, fromBaseUnits} = await import('../../dist/checkout/amount.js');
const {trimAmount} = await import('../../dist/checkout/format.js');

const EVM_TO = '0x8e23Ee67d1332aD560396262C48ffbB01f93d052';
const context = {environment: 'mainnet', merchantName: 'Acme & Sons', description: 'Order #42: 2 mugs', chainIds: {}};

const token = (fields) => ({
  id: 1,
  symbol: 'X',
  name: 'X',
  type: 'erc20',
  network: 'base',
  decimals: 6,
  contractAddress: null,
  requiresMemo: false,
  iconUrl: null,
  availability: 'AVAILABLE',
  selectable: true,
  unavailableReason: null,
  rateUpdatedAt: null,
  ...fields,
});
const address = (network, to, amount) => ({address: to, network, tokenId: 1, tokenAmount: amount});

test('ERC-20 with 6 decimals (USDC on Base): the issue input 49.9900004 is asked as 49.990001, encoded as 49990001', () => {
  const usdc = token({network: 'base', decimals: 6, contractAddress: '0x833589fCD6eDb6E08f4c7C32D4f71b54bdA02913'});
  const amount = payableAmount('49.9900004', 6);
  assert.equal(amount, '49.990001');
  const request = paymentRequest(address('base', EVM_TO, amount), usdc, context);
  const parsed = parseEip681(request.uri);
  assert.equal(parsed.target_address, usdc.contractAddress);
  assert.equal(parsed.chain_id, '8453');
  assert.equal(parsed.function_name, 'transfer');
  assert.equal(parsed.parameters.address, EVM_TO);
  assert.equal(parsed.parameters.uint256, '49990001');
  assert.equal(request.transfer.to, usdc.contractAddress);
  assert.equal(request.transfer.value, 0n);
  // transfer(address,uint256): selector, the recipient and the amount as 32-byte words.
  assert.equal(
    request.transfer.data,
    `0xa9059cbb${'0'.repeat(24)}${EVM_TO.slice(2).toLowerCase()}${(49990001).toString(16).padStart(64, '0')}`,
  );
});

test('leading zeros from the server are dropped once, the fraction kept: one amount, written one way', () => {
  assert.deepEqual(
    [payableAmount('0049.990000', 6), payableAmount('020', 6), payableAmount('000.5', null), payableAmount('00.00000019', 6)],
    ['49.990000', '20', '0.5', '0.000001'],
  );
  const usdc = token({network: 'base', decimals: 6, contractAddress: '0x833589fCD6eDb6E08f4c7C32D4f71b54bdA02913'});
  assert.equal(
    parseEip681(paymentRequest(address('base', EVM_TO, payableAmount('0049.990000', 6)), usdc, context).uri).parameters.uint256,
    '49990000',
  );
});

test('ERC-20 with 18 decimals on a devnet (USDT on BSC testnet): 18 digits kept, one more rounds up', () => {
  const usdt = token({network: 'bsc', decimals: 18, contractAddress: '0x337610d27c682E347C9cD60BD4b3b107C9d34dDd'});
  const amount = payableAmount('20.0000000000000000001', 18);
  assert.equal(amount, '20.000000000000000001');
  const request = paymentRequest(address('bsc', EVM_TO, amount), usdt, {...context, environment: 'devnet'});
  const parsed = parseEip681(request.uri);
  assert.equal(parsed.chain_id, '97');
  assert.equal(parsed.target_address, usdt.contractAddress);
  assert.equal(parsed.parameters.uint256, '20000000000000000001');
  assert.match(parsed.parameters.uint256, /^\d+$/, 'digits only: no scientific notation');
});

test('native coin (ETH on Ethereum): value in wei, sent to the deposit address itself', () => {
  const eth = token({type: 'native', network: 'ethereum', decimals: 18, contractAddress: null});
  const request = paymentRequest(address('ethereum', EVM_TO, '0.0160051'), eth, context);
  const parsed = parseEip681(request.uri);
  assert.equal(parsed.target_address, EVM_TO);
  assert.equal(parsed.chain_id, '1');
  assert.equal(parsed.parameters.value, '16005100000000000');
  assert.deepEqual(request.transfer, {chainId: 1, to: EVM_TO, value: 16005100000000000n, data: null});
});

test("a merchant's chain id replaces the table; a network without one has no URI and says why", () => {
  const usdc = token({network: 'base', contractAddress: '0x833589fCD6eDb6E08f4c7C32D4f71b54bdA02913'});
  const own = paymentRequest(address('base', EVM_TO, '1'), usdc, {...context, chainIds: {base: 31337}});
  assert.equal(parseEip681(own.uri).chain_id, '31337');
  const linea = paymentRequest(address('linea', EVM_TO, '1'), token({network: 'linea', contractAddress: usdc.contractAddress}), context);
  assert.deepEqual(linea, {uri: null, reason: 'network'});
  const tron = paymentRequest(address('tron', 'TXYZopYRdj2D9XRtbG411XZZ3kM5VkAeBf', '1'), token({network: 'tron'}), context);
  assert.deepEqual(tron, {uri: null, reason: 'network'});
});

test('a long name and description (243 Chinese characters, 2,181 ASCII, a lone surrogate, flags, emoji sequences) are plain words (no bidi override, line break or zero-width space) cut between characters as seen to 48 and 96 bytes encoded: the QR code stays within version 12', () => {
  const to = 'mvines9iiHiQTysrwkJjGf2gb9Ex9jXJX8ns3qwf2kN';
  const usdc = token({type: 'spl', network: 'solana', decimals: 6, contractAddress: 'EPjFWdd5AufqSSqeM2qN1xzybapC8G4wEGGkZwyTDt1v'});
  const chinese = '订单'.repeat(121) + '杯';
  for (const [merchantName, description, label, message] of [
    ['咖啡店'.repeat(20), chinese, '咖啡店咖…', '订单'.repeat(4) + '订…'],
    ['Acme', 'x'.repeat(2181), 'Acme', 'x'.repeat(87) + '…'],
    ['Café \ud800Ω', '😀'.repeat(8), 'Café Ω', '😀'.repeat(8)],
    ['Acme', '😀'.repeat(9), 'Acme', '😀'.repeat(7) + '…'],
    // Cut as seen: a flag (two regional indicators) or a ZWJ family (five code points) stays whole.
    ['Acme', '🇩🇪'.repeat(5), 'Acme', '🇩🇪'.repeat(3) + '…'],
    ['Café 👨‍👩‍👧', '👨‍👩‍👧'.repeat(2), 'Café …', '👨‍👩‍👧…'],
    // A bidi override would show the text reversed in the wallet (found by a payer walk); line
    // breaks, isolates and zero-width spaces are no words either. Joiners stay (the family above).
    ['Acme\u202e Sons', 'Mug\u202e & tea', 'Acme Sons', 'Mug & tea'],
    ['Acme\n\tSons', 'Line one\r\nline two\u2067x\u2069\u200b', 'Acme Sons', 'Line one line twox'],
    // What is dropped leaves no double space behind (a zero-width space is no white space).
    ['Acme \u200b Sons', 'Mug \u2066 & \u2069 tea', 'Acme Sons', 'Mug & tea'],
    // At most eight marks on a letter, also where blank fillers parted them before they were dropped (a review).
    ['Acme', `a${'\u0301\u0302\u0303\u0304\u3164'.repeat(40)}`, 'Acme', `a${'\u0301\u0302\u0303\u0304'.repeat(2)}`],
    ['Acme', `a${'\u0301'.repeat(8)}\u2065${'\u0301'.repeat(6)}`, 'Acme', `a${'\u0301'.repeat(8)}`],
  ]) {
    const request = paymentRequest(address('solana', to, '49.99'), usdc, {...context, merchantName, description});
    const parsed = parseSolanaPay(request.uri);
    assert.deepEqual([parsed.label, parsed.message, parsed.amount.toFixed()], [label, message, '49.99']);
    // Version 12 is 65 modules a side; a full 2,181-character description would not fit any QR code.
    assert.ok(encodeQr(request.uri, {ecc: 'M', border: 0}).size <= 65, `a QR code of ${request.uri.length} characters`);
  }
});

test('SPL token (USDC on Solana): Solana Pay transfer request with mint, label and message', () => {
  const to = 'mvines9iiHiQTysrwkJjGf2gb9Ex9jXJX8ns3qwf2kN';
  const mint = 'EPjFWdd5AufqSSqeM2qN1xzybapC8G4wEGGkZwyTDt1v';
  const usdc = token({type: 'spl', network: 'solana', decimals: 6, contractAddress: mint});
  const request = paymentRequest(address('solana', to, payableAmount('49.9900004', 6)), usdc, context);
  const parsed = parseSolanaPay(request.uri);
  assert.equal(parsed.recipient.toBase58(), to);
  assert.equal(parsed.splToken.toBase58(), mint);
  assert.equal(parsed.amount.toFixed(), '49.990001');
  assert.equal(parsed.label, 'Acme & Sons');
  assert.equal(parsed.message, 'Order #42: 2 mugs');
});

// The amount written in the link is the one the payer reads: "24.9950", never three decimals
// where a fourth can be written (the heading, the copied amount), value-equal but read as 24995.
test('Solana Pay: the amount is written as the payer reads it on the card, and parses to the same value', () => {
  const to = 'mvines9iiHiQTysrwkJjGf2gb9Ex9jXJX8ns3qwf2kN';
  for (const [amount, decimals, written] of [
    ['24.995', 6, '24.9950'],
    ['7.125000', 6, '7.1250'],
    ['49.99', 6, '49.99'],
    ['12.5', 9, '12.50'],
    ['3', 0, '3'],
    ['0.125', 3, '0.125'],
  ]) {
    const shown = payableAmount(amount, decimals);
    const uri = paymentRequest(address('solana', to, shown), token({type: 'native', network: 'solana', decimals}), context).uri;
    assert.equal(new URL(uri).searchParams.get('amount'), written, `${amount} at ${decimals} decimals`);
    assert.equal(trimAmount(shown, decimals), written);
    assert.equal(toBaseUnits(parseSolanaPay(uri).amount.toFixed(), decimals), toBaseUnits(shown, decimals));
  }
});

test('native SOL: no spl-token, amount as a decimal of 9 places at most', () => {
  const to = 'mvines9iiHiQTysrwkJjGf2gb9Ex9jXJX8ns3qwf2kN';
  const sol = token({type: 'native', network: 'solana', decimals: 9});
  const parsed = parseSolanaPay(paymentRequest(address('solana', to, payableAmount('0.2500000001', 9)), sol, context).uri);
  assert.equal(parsed.splToken, undefined);
  assert.equal(parsed.amount.toFixed(), '0.250000001');
  assert.equal(parseSolanaPay(paymentRequest(address('solana', to, '0.25'), sol, context).uri).amount.toFixed(), '0.25');
});

test('TON and a jetton: ton://transfer with the amount in base units and the jetton master', () => {
  const to = 'EQDtFpEwcFAEcRe5mLVh2N6C0x-_hJEM7W61_JLnSF74p4q2';
  const ton = new URL(paymentRequest(address('ton', to, '1.5'), token({type: 'native', network: 'ton', decimals: 9}), context).uri);
  assert.equal(ton.protocol, 'ton:');
  assert.equal(ton.host, 'transfer');
  assert.equal(ton.pathname, `/${to}`);
  assert.equal(ton.searchParams.get('amount'), '1500000000');
  assert.equal(ton.searchParams.get('jetton'), null);
  const master = 'EQCxE6mUtQJKFnGfaROTKOt1lZbDiiX1kCixRv7Nw2Id_sDs';
  const jetton = token({type: 'jetton', network: 'ton', decimals: 6, contractAddress: master});
  const usdt = new URL(paymentRequest(address('ton', to, '49.9900004'), jetton, context).uri);
  assert.equal(usdt.searchParams.get('jetton'), master);
  assert.equal(usdt.searchParams.get('amount'), '49990001');
});

test('a token whose contract is missing is never asked for in the native coin (another currency)', () => {
  for (const [network, to, type] of [
    ['base', EVM_TO, 'erc20'],
    ['solana', 'mvines9iiHiQTysrwkJjGf2gb9Ex9jXJX8ns3qwf2kN', 'spl'],
    ['ton', 'EQDtFpEwcFAEcRe5mLVh2N6C0x-_hJEM7W61_JLnSF74p4q2', 'jetton'],
    ['base', EVM_TO, null],
  ]) {
    const request = paymentRequest(address(network, to, '40'), token({network, type, contractAddress: null}), context);
    assert.deepEqual(request, {uri: null, reason: 'token'}, `${network} ${type}`);
  }
});

test('a token that needs a memo, or whose contract or precision is unknown, has no URI', () => {
  const memo = token({network: 'ton', type: 'native', decimals: 9, requiresMemo: true});
  assert.deepEqual(paymentRequest(address('ton', 'EQDtFpEwcFAEcRe5mLVh2N6C0x-_hJEM7W61_JLnSF74p4q2', '1'), memo, context), {
    uri: null,
    reason: 'memo',
  });
  assert.equal(paymentRequest(address('base', EVM_TO, '1'), token({decimals: null, contractAddress: EVM_TO}), context).reason, 'token');
  assert.equal(paymentRequest(address('base', EVM_TO, '1'), token({contractAddress: '0x12<script>'}), context).reason, 'token');
});

test('base units: rounding only ever up, by less than one unit, and back to the same decimal', () => {
  const digits = fc.string({unit: fc.constantFrom(...'0123456789'), maxLength: 10});
  fc.assert(
    fc.property(fc.bigInt({min: 0n, max: 10n ** 40n}), fc.integer({min: 0, max: 36}), digits, (units, decimals, extra) => {
      const exact = fromBaseUnits(units, decimals);
      assert.doesNotMatch(exact, /e/i);
      assert.equal(toBaseUnits(exact, decimals), units);
      // The same amount with `extra` digits beyond the token's precision.
      const [whole, fraction = ''] = exact.split('.');
      const longer = `${whole}.${fraction.padEnd(decimals, '0')}${extra}`.replace(/\.$/, '');
      assert.equal(toBaseUnits(longer, decimals), units + (/[1-9]/.test(extra) ? 1n : 0n));
    }),
  );
});

test("a merchant's chainIds that are not an object of ids change nothing and throw nothing", () => {
  const usdc = token({network: 'base', contractAddress: '0x833589fCD6eDb6E08f4c7C32D4f71b54bdA02913'});
  for (const chainIds of [null, 'base', 5, [], {base: -1}, {base: 2 ** 60}, {base: '8453'}]) {
    const request = paymentRequest(address('base', EVM_TO, '1'), usdc, {...context, chainIds});
    assert.equal(parseEip681(request.uri).chain_id, '8453', JSON.stringify(chainIds));
  }
});
