import {waitUntil as openWcWaitUntil} from '@open-wc/testing';

type Options = Parameters<typeof openWcWaitUntil>[2];

/**
 * open-wc's `waitUntil`, waiting up to 10 s instead of its 1 s: CI runs three engines at once on
 * two cores, where a network round trip or a timer can take seconds. A condition met returns at
 * once; only a failing test waits the whole time.
 */
export const waitUntil = (predicate: Parameters<typeof openWcWaitUntil>[0], message?: string, options: Options = {}) =>
  openWcWaitUntil(predicate, message, {timeout: 10_000, ...options});
