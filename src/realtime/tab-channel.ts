/** The BroadcastChannel the checkouts of one session share (./tab-sync.ts, and the place store's word from a stopped checkout). */
import {sessionKey} from './session-key.js';

/** Bumped when a message's shape changes: tabs running another version ignore each other. */
export const TAB_PROTOCOL = 2;

/** The session's channel, named after a hash of its token: channel names are no place for a credential. */
export function tabChannelName(session: string): string {
  return `pepay-checkout:${sessionKey(session)}`;
}
