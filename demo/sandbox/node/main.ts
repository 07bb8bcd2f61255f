/** `npm run sandbox`: the Pepay-compatible devnet server on 127.0.0.1 (port from PORT, default 8787). */
import {startSandbox} from './server.ts';

const port = Number(process.env['PORT'] ?? 8787);
const sandbox = await startSandbox({port});
console.log(`Pepay sandbox listening on ${sandbox.url}`);
console.log(`  create a session: curl -X POST ${sandbox.url}/sandbox/invoices -d '{"amount_usd": 49.99}'`);

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => void sandbox.close().then(() => process.exit(0)));
}
