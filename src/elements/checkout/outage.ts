import type {ReactiveController, ReactiveControllerHost} from 'lit';
import type {Connection} from '../../checkout/types.js';

/** How long updates must keep coming (the stream live, or polls answering) for an outage to be over. */
const HEALTHY_MS = 10_000;

/**
 * One "Reconnecting…" announcement per outage: a server that drops every socket after a second
 * or two is one outage, not one per socket. The outage starts when the connection is lost and
 * ends once updates have kept coming for 10 s, live or by polling (or the checkout stops
 * following the invoice). Going offline is said once too, as it happens.
 */
export class OutageController implements ReactiveController {
  /** Whether the live region should be saying "Reconnecting…". */
  active = false;
  private timer: ReturnType<typeof setTimeout> | undefined;
  /** The connection last followed. */
  private last: Connection = 'idle';

  constructor(private readonly host: ReactiveControllerHost) {
    host.addController(this);
  }

  /**
   * Every committed connection state, in order. Returns whether an outage began with it, or the
   * browser went offline: the live region then says so in place of the step.
   */
  follow(connection: Connection): boolean {
    const began = (connection === 'reconnecting' && !this.active) || (connection === 'offline' && this.last !== 'offline');
    this.last = connection;
    if (connection === 'reconnecting') {
      this.active = true;
      this.clear();
    } else if (connection === 'idle') {
      this.active = false;
      this.clear();
    } else if ((connection === 'live' || connection === 'polling') && this.active && this.timer === undefined) {
      this.timer = setTimeout(() => {
        this.timer = undefined;
        this.active = false;
        this.host.requestUpdate();
      }, HEALTHY_MS);
    }
    return began;
  }

  hostDisconnected(): void {
    this.active = false;
    this.clear();
  }

  private clear(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
  }
}
