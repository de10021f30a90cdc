// WATCH's bookkeeping: which connections watch which keys, and which of them saw a
// watched key change since (optimistic locking: EXEC then answers null instead of
// running the transaction).
//
// Data-structure pattern: an index by key, beside the keyspace. Redis keeps a
// `watched_keys` dict (key -> the clients watching it) and, per client, the list of its
// watched keys; a write looks the key up once, so it costs O(1) when nobody watches it
// (and nothing at all when nobody watches anything). This module is the same two-way
// index: `byKey` for the Db's change signal, `Watcher.keys` for UNWATCH/EXEC/DISCARD.
// A version number per key would also work, but it would have to be kept for every key
// ever written; the index costs memory only while a WATCH is in place.
//
// Expiry follows Redis 7.0 (multi.c): a key already expired (but not yet deleted) when
// it is watched is flagged `expired`; its lazy deletion is then no change. A key that
// expires after WATCH makes EXEC fail even if nobody touched it (`anyExpired`).

/** One key watched by one connection. */
interface WatchedKey {
  readonly key: string;
  readonly watcher: Watcher;
  /** Already expired (still stored, past its time) when it was watched. */
  expired: boolean;
}

/** One connection's watches: its keys, and whether one of them changed (CLIENT_DIRTY_CAS). */
export class Watcher {
  /** A watched key was modified since it was watched: EXEC will answer null. */
  dirty = false;
  /** Its watched keys, in the order watched. */
  readonly keys: WatchedKey[] = [];
}

/** The Db's side of WATCH: every watched key, with the connections watching it. */
export class Watches {
  private readonly byKey = new Map<string, WatchedKey[]>();

  constructor(
    /** Whether the key is stored at all (live or expired but not yet deleted): Redis's dictFind. */
    private readonly stored: (key: string) => boolean,
    /** Whether the key is stored and past its expiry: Redis's keyIsExpired. */
    private readonly isExpired: (key: string) => boolean,
  ) {}

  /** Whether anything is watched (the Db's fast path on every write). */
  get size(): number {
    return this.byKey.size;
  }

  /** WATCH key: watches it once, however often asked. */
  watch(watcher: Watcher, key: string): void {
    if (watcher.keys.some((watched) => watched.key === key)) return;
    const watched: WatchedKey = { key, watcher, expired: this.isExpired(key) };
    watcher.keys.push(watched);
    const list = this.byKey.get(key);
    if (list === undefined) this.byKey.set(key, [watched]);
    else list.push(watched);
  }

  /** Drops every watch of `watcher` (UNWATCH, EXEC, DISCARD, RESET, disconnect). */
  unwatchAll(watcher: Watcher): void {
    for (const watched of watcher.keys) {
      const list = this.byKey.get(watched.key);
      if (list === undefined) continue;
      const at = list.indexOf(watched);
      if (at !== -1) list.splice(at, 1);
      if (list.length === 0) this.byKey.delete(watched.key);
    }
    watcher.keys.length = 0;
  }

  /** A key changed (Redis's touchWatchedKey): every connection watching it becomes dirty. */
  touch(key: string): void {
    const list = this.byKey.get(key);
    if (list === undefined) return;
    for (const watched of [...list]) {
      if (watched.expired) {
        // Watched when already expired. Its deletion is no logical change (the key was
        // already gone): clear the flag, so that a later write does count. Every write to
        // such a key deletes it first in Redis (lookupKeyWrite expires it), so a touch
        // that finds it stored again is that deletion followed by the write: a change.
        watched.expired = false;
        if (!this.stored(key)) continue;
      }
      watched.watcher.dirty = true;
      // Dirty now whatever happens next: its watches are of no more use (as Redis).
      this.unwatchAll(watched.watcher);
    }
  }

  /** FLUSHALL / FLUSHDB, before the keys go (touchAllWatchedKeysInDb): every stored watched key changes. */
  touchAll(): void {
    for (const [key, list] of [...this.byKey]) {
      if (!this.stored(key)) continue;
      for (const watched of list) {
        if (watched.expired) watched.expired = false; // an expired key deleted: no logical change
        else watched.watcher.dirty = true;
      }
    }
  }

  /** At EXEC: whether a key watched while live has expired since (isWatchedKeyExpired). */
  anyExpired(watcher: Watcher): boolean {
    return watcher.keys.some((watched) => !watched.expired && this.isExpired(watched.key));
  }
}
