/**
 * Frames of the payor stream (`/ws/payment?format=event_v1`), told apart by `object`
 * (payor-api.md §4): `event` envelopes, `ws_control` hints and `ws_error` (terminal: the server
 * closes the socket). The control and error shapes are undocumented: only `type` (control) and an
 * optional `code` / `message` (error) are read.
 */
import * as z from 'zod/mini';
import {parseEvent, type PepayEvent} from './events.js';

const controlFrame = z.object({object: z.literal('ws_control'), type: z.string()});
const errorFrame = z.object({object: z.literal('ws_error'), code: z.nullish(z.string()), message: z.nullish(z.string())});

export type StreamFrame =
  /** `envelope`: the event as it came (JSON), for other tabs to parse themselves. */
  | {kind: 'event'; event: PepayEvent; envelope: unknown}
  /** `heartbeat`, `resync_required`, or a type we do not know. */
  | {kind: 'control'; type: string}
  | {kind: 'error'; code: string | null};

/** Parses one decoded JSON frame; null when it is none of the three shapes. */
export function parseFrame(value: unknown): StreamFrame | null {
  const control = controlFrame.safeParse(value);
  if (control.success) return {kind: 'control', type: control.data.type};
  const error = errorFrame.safeParse(value);
  if (error.success) return {kind: 'error', code: error.data.code ?? null};
  const event = parseEvent(value);
  return event ? {kind: 'event', event, envelope: value} : null;
}
