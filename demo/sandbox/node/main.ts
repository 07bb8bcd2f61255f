/** `npm run sandbox`: the Pepay-compatible devnet server on 127.0.0.1 (port from PORT, default 8787). */
import {startSandbox} from './server.ts';

const port = Number(process.env['PORT'] ?? 8787);
const sandbox = await startSandbox({port}).catch((error: unknown) => {
  // A port already taken (a second sandbox, say) is said in one line, as `npm start` says it.
  if ((error as {code?: unknown}).code !== 'EADDRINUSE') throw error;
  console.error(
    `Port ${port} (the sandbox) is already in use, perhaps by another sandbox. Stop it, or choose another: PORT=<port> npm run sandbox`,
  );
  process.exit(1);
});
console.log(`Pepay sandbox listening on ${sandbox.url}`);
console.log(`  create a session: curl -X POST ${sandbox.url}/sandbox/invoices -d '{"amount_usd": 49.99}'`);

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => void sandbox.close().then(() => process.exit(0)));
}
