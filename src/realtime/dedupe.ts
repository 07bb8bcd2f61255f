/**
 * Remembers which events were applied, by their `id` (`evt_<ms>-<seq>`; delivery is at least once,
 * payor-api.md §4), so an event heard twice — replayed after a reconnect, or from the stream and
 * from another tab — is applied once. One instance is shared by the stream and tab sync.
 */
export class EventDeduper {
  private readonly seen = new Set<string>();

  /** @param limit how many ids are kept; the oldest is forgotten first. */
  constructor(private readonly limit = 500) {}

  /** True the first time an id is offered (apply the event), false every time after. */
  first(id: string): boolean {
    if (this.seen.has(id)) return false;
    this.seen.add(id);
    if (this.seen.size > this.limit) this.seen.delete(this.seen.values().next().value!);
    return true;
  }
}
