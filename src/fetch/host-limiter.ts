/** Releases a slot taken with `acquire`; calling it twice is harmless. */
export type Release = () => void;

/**
 * Politeness per host: at most `concurrency` requests in flight, and request starts spaced by
 * at least the host's interval. Waiters are served in arrival order.
 */
export interface HostLimiter {
  acquire(host: string): Promise<Release>;
  /** Raises (never lowers) one host's interval, e.g. to its robots.txt Crawl-delay. */
  raiseInterval(host: string, intervalMs: number): void;
  /** Rejects every waiter with `reason`, clears timers; later acquires reject too. */
  close(reason: Error): void;
}

export interface HostLimiterOptions {
  concurrency: number;
  intervalMs: number;
  /** The clock, in ms; injectable for tests. */
  now?: () => number;
}

interface Waiter {
  resolve: (release: Release) => void;
  reject: (reason: Error) => void;
}

interface HostState {
  inFlight: number;
  lastStart: number;
  intervalMs: number;
  waiters: Waiter[];
  timer?: NodeJS.Timeout;
}

export function createHostLimiter(options: HostLimiterOptions): HostLimiter {
  const now = options.now ?? (() => performance.now());
  const concurrency = Math.max(1, Math.floor(options.concurrency));
  const hosts = new Map<string, HostState>();
  let closedReason: Error | undefined;

  const stateOf = (host: string): HostState => {
    let state = hosts.get(host);
    if (!state) {
      state = { inFlight: 0, lastStart: -Infinity, intervalMs: Math.max(0, options.intervalMs), waiters: [] };
      hosts.set(host, state);
    }
    return state;
  };

  /** Starts as many waiters as the host's limits allow now, and sets a timer for the next one. */
  const pump = (state: HostState): void => {
    while (state.waiters.length > 0 && state.inFlight < concurrency && !state.timer) {
      const wait = state.lastStart + state.intervalMs - now();
      if (wait > 0) {
        state.timer = setTimeout(() => {
          state.timer = undefined;
          pump(state);
        }, wait);
        return;
      }
      const waiter = state.waiters.shift()!;
      state.inFlight += 1;
      state.lastStart = now();
      waiter.resolve(releaseFor(state));
    }
  };

  const releaseFor = (state: HostState): Release => {
    let released = false;
    return () => {
      if (released || closedReason) return;
      released = true;
      state.inFlight -= 1;
      pump(state);
    };
  };

  return {
    acquire(host) {
      if (closedReason) return Promise.reject(closedReason);
      const state = stateOf(host);
      return new Promise<Release>((resolve, reject) => {
        state.waiters.push({ resolve, reject });
        pump(state);
      });
    },
    raiseInterval(host, intervalMs) {
      const state = stateOf(host);
      state.intervalMs = Math.max(state.intervalMs, intervalMs);
    },
    close(reason) {
      if (closedReason) return;
      closedReason = reason;
      for (const state of hosts.values()) {
        if (state.timer) clearTimeout(state.timer);
        state.timer = undefined;
        for (const waiter of state.waiters.splice(0)) waiter.reject(reason);
      }
    },
  };
}
