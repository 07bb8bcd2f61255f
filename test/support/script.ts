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
