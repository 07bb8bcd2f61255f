import type {ReactiveController, ReactiveControllerHost} from 'lit';
import type {Connection} from '../../checkout/types.js';

/** How long the stream must stay live for an outage to be over (the stream's "healthy"). */
const HEALTHY_MS = 10_000;

/**
 * One "Reconnecting…" announcement per outage: a server that drops every socket after a second
 * or two is one outage, not one per socket. The outage starts when the connection is lost and
 * ends once it has stayed live for 10 s (or the checkout stops following the invoice).
 */
export class OutageController implements ReactiveController {
  /** Whether the live region should be saying "Reconnecting…". */
  active = false;
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor(private readonly host: ReactiveControllerHost) {
    host.addController(this);
  }

  /** Every committed connection state, in order. */
  follow(connection: Connection): void {
    if (connection === 'reconnecting') {
      this.active = true;
      this.clear();
    } else if (connection === 'idle') {
      this.active = false;
      this.clear();
    } else if (connection === 'live' && this.active && this.timer === undefined) {
      this.timer = setTimeout(() => {
        this.timer = undefined;
        this.active = false;
        this.host.requestUpdate();
      }, HEALTHY_MS);
    }
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
