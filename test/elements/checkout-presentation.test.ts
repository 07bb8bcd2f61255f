import {expect, fixture, html} from '@open-wc/testing';
import {waitUntil} from '../support/until.js';
import '../../src/define.js';
import {PepayCheckout, PepayQr} from '../../src/index.js';
import {createSession, sandboxUrl, type Session} from '../support/sandbox.js';
import {stepIs, toPayment} from '../support/walk.js';
import {deep, deepAll, deepText} from '../support/deep.js';

async function mount(s: Session, width = 460): Promise<PepayCheckout> {
  const el = await fixture<PepayCheckout>(
    html`<pepay-checkout
      style="width: ${width}px"
      session-token=${s.session_token}
      signature=${s.signature}
      api-base=${sandboxUrl}
    ></pepay-checkout>`,
  );
  return el;
}

describe('<pepay-checkout> presentation', () => {
  it('is accessible on the e-mail step (axe)', async () => {
    const el = await mount(await createSession());
    await stepIs(el, 'email');
    await el.updateComplete;
    await expect(el).to.be.accessible();
    el.remove();
  });

  it('is accessible on the token list and on the payment view (axe)', async () => {
    const el = await mount(await createSession({customer_email: 'a@example.com'}));
    await stepIs(el, 'select-token');
    await expect(el).to.be.accessible();
    await toPayment(el);
    await expect(el).to.be.accessible();
    el.remove();
  });

  it('filters a long token list, hiding empty networks and saying when nothing matches', async () => {
    const el = await mount(await createSession({environment: 'mainnet', customer_email: 'a@example.com'}));
    await stepIs(el, 'select-token');
    const root = el.shadowRoot!;
    const search = deep<HTMLInputElement>(root, 'input[type=search]')!;
    const visible = () =>
      deepAll(root, '[data-network]')
        .map((g) => g.dataset['network'])
        .join();
    const noMatch = () => deep(root, '[data-no-match]');
    expect(visible().split(',')).to.have.length.above(2);
    expect(noMatch()).to.equal(null);
    search.value = 'solana';
    search.dispatchEvent(new InputEvent('input'));
    await waitUntil(() => visible() === 'solana', `shows ${visible()}`);
    search.value = 'dogecoin';
    search.dispatchEvent(new InputEvent('input'));
    await waitUntil(() => visible() === '', `shows ${visible()}`);
    expect(noMatch()!.textContent).to.equal('No token matches.');
    // Said once the payer stops typing, by the list's status region (there all along), not only shown.
    const said = () => deep(root, '[data-token-status]')!.textContent!.trim();
    await waitUntil(() => said() === 'No token matches.', `says "${said()}"`);
    el.remove();
  });

  it('counts the invoice down, second by second', async () => {
    const el = await mount(await createSession({customer_email: 'a@example.com', expires_in: 600_000}));
    await stepIs(el, 'select-token');
    const read = () => deepText(deep(el.shadowRoot!, '[data-countdown]')!);
    const first = read();
    expect(first).to.match(/Expires in (9:5\d|10:00)/);
    await waitUntil(() => read() !== first, 'countdown did not move', {timeout: 10_000});
    el.remove();
  });

  for (const width of [320, 600]) {
    it(`fits ${width} px without horizontal overflow`, async () => {
      const el = await mount(await createSession({customer_email: 'a@example.com'}), width);
      await toPayment(el);
      const card = el.shadowRoot!.querySelector<HTMLElement>('[part=card]')!;
      expect(el.getBoundingClientRect().width).to.equal(width);
      expect(card.scrollWidth).to.be.at.most(card.clientWidth + 1);
      el.remove();
    });
  }

  it("fits 320 px when the merchant's description is one long URL", async () => {
    const description = 'Order https://shop.example.com/account/orders/A1B2C3D4E5F6G7H8I9J0K1L2M3N4O5P6';
    const el = await mount(await createSession({customer_email: 'a@example.com', description}), 320);
    await stepIs(el, 'select-token');
    await el.updateComplete;
    const card = el.shadowRoot!.querySelector<HTMLElement>('[part=card]')!;
    expect(deepText(el.shadowRoot!)).to.include(description.slice(-12));
    expect(el.getBoundingClientRect().width).to.equal(320);
    expect(card.scrollWidth).to.be.at.most(card.clientWidth + 1);
    el.remove();
  });

  it('keeps the loading skeleton close to the size of the payment view', async () => {
    const s = await createSession({customer_email: 'a@example.com'});
    await fetch(`${sandboxUrl}/sandbox/invoices/${s.invoice_id}/faults`, {method: 'POST', body: JSON.stringify({latencyMs: 400})});
    const el = await mount(s);
    const loadingHeight = el.getBoundingClientRect().height;
    await stepIs(el, 'select-token');
    await fetch(`${sandboxUrl}/sandbox/invoices/${s.invoice_id}/faults`, {method: 'POST', body: JSON.stringify({latencyMs: 0})});
    await toPayment(el);
    expect(Math.abs(el.getBoundingClientRect().height - loadingHeight)).to.be.below(loadingHeight * 0.35);
    el.remove();
  });

  it('documents every --pepay-* custom property it uses, and uses every one it documents', async () => {
    const styles = [PepayCheckout.styles, PepayQr.styles].flat(Infinity as 1) as {cssText: string}[];
    const used = new Set(styles.flatMap((s) => s.cssText.match(/--pepay-[a-z-]+/g) ?? []));
    const readme = await (await fetch(new URL('../../README.md', import.meta.url))).text();
    const documented = new Set(readme.match(/--pepay-[a-z-]+/g) ?? []);
    expect([...used].sort()).to.deep.equal([...documented].sort());
    expect(used.size).to.be.greaterThan(10);
  });
});
