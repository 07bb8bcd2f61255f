import {loadFixture} from './fixtures.js';
import {servers} from './servers.js';
import type {ScriptedResponse} from './script-server.ts';

let counter = 0;

/** A fresh namespace on the scripted server, so tests never see each other's queues or logs. */
export function scriptedApi() {
  const base = `${servers.scriptUrl}/t${Date.now().toString(36)}${counter++}`;
  const prefix = new URL(base).pathname;
  return {
    base,
    async queue(path: string, ...responses: ScriptedResponse[]): Promise<void> {
      await fetch(`${servers.scriptUrl}/__script`, {method: 'POST', body: JSON.stringify({path: prefix + path, responses})});
    },
    async log(): Promise<{method: string; path: string; headers: Record<string, string>; body: string; at: number}[]> {
      const response = await fetch(`${servers.scriptUrl}/__log?prefix=${encodeURIComponent(prefix)}`);
      return response.json() as Promise<{method: string; path: string; headers: Record<string, string>; body: string; at: number}[]>;
    },
  };
}

/**
 * Queues the answers to the first screen's four requests on `api`: the documented session, with
 * `session` over it (five times: re-reads on a focus or visibility change find the same), the
 * documented token list or `tokens`, no questions, and the stored e-mail.
 */
export async function queueFirstScreen(
  api: ReturnType<typeof scriptedApi>,
  session: Record<string, unknown> = {},
  tokens?: unknown[],
): Promise<void> {
  const body = {...((await loadFixture('session-details.200.json')) as Record<string, unknown>), ...session};
  await api.queue('/api/v1/payments/session-details', ...Array.from({length: 5}, () => ({body})));
  await api.queue('/api/v1/payments/available-tokens', {body: tokens ?? (await loadFixture('available-tokens.200.json'))});
  await api.queue('/api/v1/payments/invoice-questions', {body: {has_questions: false}});
  await api.queue('/api/v1/payments/customer-email', {body: await loadFixture('customer-email.get.200.json')});
}
