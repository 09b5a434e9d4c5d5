import type { ReactiveController, ReactiveControllerHost } from 'lit';

/** Anything with `subscribe` (a Dexie `liveQuery`, an RxJS observable…): keeps the kit free of Dexie. */
export interface Subscribable<T> {
  subscribe(observer: { next: (value: T) => void; error?: (error: unknown) => void }): { unsubscribe(): void };
}

/**
 * Binds a live query to a component: subscribes while the host is connected, re-renders it on every
 * change, wherever the change was made (another tab, the popup, the service worker).
 *
 * ```ts
 * customers = new LiveQueryController(this, () => liveQuery(() => repo.recent(50)), []);
 * ```
 */
export class LiveQueryController<T> implements ReactiveController {
  value: T;
  error: unknown;
  /** False until the first result arrives: lets the host tell "loading" from "empty". */
  loaded = false;
  private subscription?: { unsubscribe(): void };

  constructor(
    private readonly host: ReactiveControllerHost,
    private query: () => Subscribable<T>,
    initial: T,
  ) {
    this.value = initial;
    host.addController(this);
  }

  /** Swaps the query (e.g. a new search term) and re-subscribes if connected. */
  setQuery(query: () => Subscribable<T>): void {
    this.query = query;
    if (this.subscription) {
      this.hostDisconnected();
      this.hostConnected();
    }
  }

  hostConnected(): void {
    this.subscription = this.query().subscribe({
      next: (value) => {
        this.value = value;
        this.loaded = true;
        this.error = undefined;
        this.host.requestUpdate();
      },
      error: (error) => {
        this.error = error;
        this.host.requestUpdate();
      },
    });
  }

  hostDisconnected(): void {
    this.subscription?.unsubscribe();
    this.subscription = undefined;
  }
}
