// The Db: the state shared by every connection: the keyspace (typed values and their
// expiry), and, in modules of their own, the pub/sub channels (pubsub.ts) and the clients
// blocked on keys (blocking.ts). The aggregate value types live in types/, one module
// each; the Db knows them only through the Aggregate interface.
//
// mini-redis guards its Db with a std::sync::Mutex because Tokio runs tasks on many
// threads. Here there is no lock at all, and none is needed: JavaScript runs on one
// thread, and every method below runs to completion before any other connection's
// code can run. A command is atomic simply because it is synchronous.
//
// RxJS patterns shown:
// - Time comes from an injected SchedulerLike (`scheduler.now()`, `scheduler.schedule`),
//   never from Date.now(). In production that is `asyncScheduler`; inside
//   `TestScheduler.run` the very same code runs on virtual time, so expiry is tested
//   with marbles, deterministically, without waiting.
// - One choke point for change: every modification of a key ends in the Db (`set`,
//   `delete`, `changed`...), which signals it once (`touched`). What hangs off that
//   signal (today the clients blocked on the key, see blocking.ts) is indexed by key,
//   so a write costs one lookup when nobody listens.

import { Observable, SchedulerLike, asyncScheduler } from 'rxjs';
import { ChunkedBulk } from '../protocol/chunked-bulk';
import { sameBytes } from '../protocol/latin1';
import { KeyReadiness } from './blocking';
import { ActiveExpiry } from './active-expiry';
import { ScanCursors } from './scan-cursors';
import { Watches } from './watches';
import { type Message, PubSub } from './pubsub';
import { type Aggregate, type AggregateType, type EncodingLimits, defaultLimits } from './types/aggregate';

export type { Message } from './pubsub';

/**
 * The value types of Redis, by the names TYPE answers. Every command that expects one
 * type gets WRONGTYPE on a key of another (see `Entry.type` and commands/typed-value.ts).
 */
export type ValueType = 'string' | AggregateType;

/**
 * How a value is held. Memory decides: a small string is kept as a latin1 JS string
 * (one byte per char, ~16 bytes of overhead) rather than a Buffer (~100 bytes of object
 * per value), which is what lets 600k small keys fit in Redis's footprint give or take.
 * Large values stay Buffers, written to sockets without a copy.
 */
export type Stored = string | Buffer;

/** What a key holds: a string (in one of its stored forms) or an aggregate (list, hash, set, sorted set). */
export type Value = Stored | Aggregate;

const isString = (value: Value | ChunkedBulk): value is Stored | ChunkedBulk =>
  typeof value === 'string' || value instanceof Buffer || value instanceof ChunkedBulk;

/** Whether a value is an aggregate (a list, hash, set or sorted set) rather than a string form. */
export const isAggregate = (value: Value): value is Aggregate => !isString(value);

/** Values up to this many bytes are stored as latin1 strings. */
const SMALL_VALUE = 4096;
/** Values up to this many bytes may share one string with the previous value set. */
const SHARED_VALUE = 64;


/**
 * A key as commands see it: its type, its value (as bytes) and its expiry. A short-lived
 * view over the Db's compact storage: assigning `value` replaces the value and keeps
 * the key's time to live (what APPEND, INCR, SETRANGE need).
 */
export class Entry {
  constructor(
    private readonly db: Db,
    readonly key: string,
    /** The value as stored when the entry was looked up. */
    private current: Value,
  ) {}

  get type(): ValueType {
    return this.db.typeOf(this.current);
  }

  /** The value as bytes (as it was when looked up, or as last assigned through this view). */
  get value(): Buffer {
    const current = this.current;
    if (typeof current === 'string') return Buffer.from(current, 'latin1');
    if (isAggregate(current)) throw new TypeError(`Entry.value of a ${current.type}: check entry.type first`);
    return current;
  }

  // Assigning through the entry keeps the time to live ('keep'): APPEND, INCR and
  // SETRANGE modify a value, they do not replace the key, and Redis keeps its expiry.
  set value(value: Buffer) {
    this.db.set(this.key, value, 'keep');
    this.current = this.db.getStored(this.key) ?? value;
  }

  /** The stored form: a latin1 string or a Buffer (for the hot paths, without conversion), or an aggregate. */
  get stored(): Value {
    return this.current;
  }

  get expiresAt(): number | undefined {
    return this.db.expiresAt(this.key);
  }
}

/**
 * Can the Db keep this buffer as it is, without copying? A large value that fills most
 * of the memory it lives in (a 100 kB value in the buffer its chunks were joined into)
 * wastes at most as much as it weighs, so copying it again would only cost time. A
 * small view into a network chunk is copied: kept, it would pin the whole chunk.
 */
const ownable = (value: Buffer): boolean => value.length * 2 >= value.buffer.byteLength;

/** A value in pieces, with any piece the Db cannot own (see `ownable`) copied. */
function owned(value: ChunkedBulk): ChunkedBulk {
  if (value.parts.every(ownable)) return value;
  return new ChunkedBulk(
    value.parts.map((part) => (ownable(part) ? part : Buffer.from(part))),
    value.length,
  );
}

/** How SET treats the key's time to live. */
export type Expiry =
  /** Remove any expiry (plain SET). */
  | undefined
  /** Expire after this absolute time, in the scheduler's milliseconds. */
  | {
      /** The absolute expiry time: `db.now() + ttl`. */
      readonly at: number;
    }
  /** Keep the key's current expiry (SET ... KEEPTTL). */
  | 'keep';

/** How a {@link Db} is built. */
export interface DbOptions {
  /** Where time comes from. Default: `asyncScheduler` (real time). */
  readonly scheduler?: SchedulerLike;
  /** Redis's encoding thresholds (CONFIG SET changes them). Default: Redis 7.0's. */
  readonly limits?: EncodingLimits;
  /**
   * When published messages are delivered. Given, PUBLISH queues its message and calls
   * this (once per batch) with the function that delivers what is queued; the server
   * passes its end-of-turn hook (server/turn-flush.ts). Default: every PUBLISH delivers
   * at once, before it returns.
   */
  readonly deliverLater?: (deliver: () => void) => void;
}

/** SCAN's answer: the next cursor (0 when done) and the keys of this step. */
export interface ScanStep {
  readonly cursor: number;
  readonly keys: string[];
}


/**
 * The keyspace and the pub/sub channels, shared by every connection of a server. Its
 * methods are synchronous and run to completion, which is what makes each command
 * atomic without a lock. Time (for expiry) comes from its scheduler, never from the
 * wall clock, so expiry can be tested on TestScheduler's virtual time.
 *
 * @example
 * ```ts
 * const db = new Db();
 * db.set('greeting', Buffer.from('hello'), { at: db.now() + 1000 }); // expires in 1 s
 * db.get('greeting')?.toString(); // 'hello'
 * db.subscribe('news').pipe(concatAll()).subscribe(({ message }) => console.log(message.toString()));
 * db.publish('news', Buffer.from('extra!')); // 1: one subscriber, and it has it already
 * ```
 */
export class Db {
  /** key -> value. Keys are latin1 strings: binary-safe, one char per byte. */
  // A large value that arrived in pieces is kept in them (a ChunkedBulk) until someone
  // reads it: a key overwritten again and again by SET never pays for a join.
  private readonly values = new Map<string, Value | ChunkedBulk>();
  /** key -> expiry time, only for keys that have one (as Redis's `expires` dict). */
  private readonly expires = new Map<string, number>();
  /** Where time comes from: `now()` for expiry, and the timers of blocking commands. */
  readonly scheduler: SchedulerLike;
  /** The encoding thresholds every aggregate reads when it grows (one shared object: CONFIG SET changes it). */
  readonly limits: EncodingLimits;
  private readonly pubsub: PubSub;
  /** The clients blocked on keys (BLPOP...), woken by `serveBlocked` after a command. */
  readonly blocked = new KeyReadiness();

  /**
   * WATCH's index (watches.ts): the connections watching each key, made dirty by the
   * change signal (`touched`), by expiry, and by FLUSHALL/FLUSHDB.
   */
  readonly watches: Watches = new Watches(
    (key) => this.values.has(key),
    (key) => {
      const at = this.expires.get(key);
      return at !== undefined && this.values.has(key) && this.now() > at;
    },
  );

  /** The background purge of expired keys (active-expiry.ts). */
  readonly activeExpiry: ActiveExpiry;

  /** SCAN's walks in progress (scan-cursors.ts: a snapshot per walk, taken at cursor 0). */
  private readonly scans = new ScanCursors<string>();
  /** Keys created by `add` during the current command (see `endCommand`). */
  private readonly created: string[] = [];
  /**
   * The last small value stored. Strings are immutable, so keys set to the same small
   * value in a row can share one string, as Redis shares its small integer objects: a
   * counter reset to "0", a flag set to "1", a cache filled with one placeholder.
   */
  private lastSmallValue = '';
  /** RANDOMKEY walks the keys from a persistent iterator, skipping a random few each time. */
  private randomWalk: Iterator<string> | undefined;

  constructor(options: DbOptions = {}) {
    this.scheduler = options.scheduler ?? asyncScheduler;
    this.limits = options.limits ?? defaultLimits();
    this.pubsub = new PubSub(options.deliverLater);
    this.activeExpiry = new ActiveExpiry(this.scheduler, this.expires, (key) => this.expiredAway(key));
  }

  /** While a script runs: the time it started at (see freezeClock). */
  private frozenAt: number | undefined;

  /** The current time, in milliseconds, as the Db sees it. */
  now(): number {
    return this.frozenAt ?? this.scheduler.now();
  }

  /**
   * Stops the clock for expiry until `thawClock`: a script sees the keyspace as of its
   * start, so a key cannot expire between two of its redis.call (Redis's script time
   * snapshot).
   */
  freezeClock(): void {
    this.frozenAt = this.scheduler.now();
  }

  thawClock(): void {
    this.frozenAt = undefined;
  }

  // ---- keyspace --------------------------------------------------------------

  /** The value of `key` as bytes if it holds a string; undefined if it is missing, has expired or holds another type. */
  get(key: string): Buffer | undefined {
    const stored = this.getStored(key);
    if (typeof stored === 'string') return Buffer.from(stored, 'latin1');
    return stored instanceof Buffer ? stored : undefined;
  }

  /** The type of a stored value: a string form, or the aggregate's own type. */
  typeOf(stored: Value): ValueType {
    return isAggregate(stored) ? stored.type : 'string';
  }

  /** The live value of `key` (a string form or an aggregate), or undefined: what typed commands start from. */
  value(key: string): Value | undefined {
    return this.getStored(key);
  }

  /** The value of `key` as stored (latin1 string, Buffer or aggregate): the allocation-free path. */
  getStored(key: string): Value | undefined {
    const stored = this.values.get(key);
    if (stored === undefined) return undefined;
    if (this.expires.size > 0 && this.expired(key)) return undefined;
    if (stored instanceof ChunkedBulk) {
      // First read of a value kept in pieces: join it once, for good.
      const joined = stored.value;
      this.values.set(key, joined);
      return joined;
    }
    return stored;
  }

  /**
   * The value of `key` as it is in the key map, expired or not, and without removing it:
   * what DEBUG OBJECT looks at (Redis reads its dict directly there).
   */
  peek(key: string): Value | undefined {
    const stored = this.values.get(key);
    return stored instanceof ChunkedBulk ? stored.value : stored;
  }

  /** Whether `key` exists (an expired key does not: it is removed on the way). */
  has(key: string): boolean {
    if (!this.values.has(key)) return false;
    return !(this.expires.size > 0 && this.expired(key));
  }

  /** The absolute expiry time of `key`, or undefined if it has none (or is missing). */
  expiresAt(key: string): number | undefined {
    return this.has(key) ? this.expires.get(key) : undefined;
  }

  /**
   * Sets `key` to `value` (bytes, or a latin1 string). Small values are kept as strings,
   * large ones as Buffers; the caller's buffer is copied unless the Db can own it
   * (usually it is a view into a network chunk).
   */
  // Every write of a value goes through here, and with it the expiry rules of SET:
  // a plain SET removes the time to live, KEEPTTL keeps it, an absolute time replaces
  // it (and is tracked by the purge heap). Commands state the intent; the Db owns the
  // bookkeeping, so no command can forget to update the expiry index.
  set(key: string, value: Stored | ChunkedBulk, expiry?: Expiry): void {
    let stored: Stored | ChunkedBulk;
    if (typeof value === 'string') stored = value;
    else if (value instanceof ChunkedBulk) stored = owned(value);
    else if (value.length <= SHARED_VALUE && sameBytes(value, this.lastSmallValue)) stored = this.lastSmallValue;
    else if (value.length <= SMALL_VALUE) stored = value.toString('latin1');
    else stored = ownable(value) ? value : Buffer.from(value);
    if (typeof stored === 'string' && stored.length <= SHARED_VALUE) this.lastSmallValue = stored;
    if (expiry === 'keep') {
      if (this.expires.size > 0) this.expired(key); // an expired key has no time to keep
    } else if (expiry === undefined) {
      if (this.expires.size > 0) this.expires.delete(key);
    } else {
      this.expires.set(key, expiry.at);
      this.activeExpiry.track(key, expiry.at);
    }
    this.values.set(key, stored);
    this.touched(key);
  }

  // ---- aggregates --------------------------------------------------------------

  /**
   * Stores a new aggregate at `key`, which must be missing (a command creating its
   * list, hash, set or sorted set on first write). No time to live, as a new key.
   */
  // Adding before filling is what lets a command use one code path for "existing" and
  // "new": it creates, adds, then modifies and calls `changed` like on any other key. A
  // new aggregate left empty (LPUSHX never creates, but ZADD XX on a missing key would
  // have) is swept by `changed` or by `endCommand`.
  add(key: string, value: Aggregate): void {
    if (this.expires.size > 0) this.expires.delete(key);
    this.values.set(key, value);
    this.created.push(key);
  }

  /**
   * Replaces whatever `key` holds with `value` (SINTERSTORE, ZUNIONSTORE, SORT ... STORE),
   * dropping its time to live; an empty or missing `value` deletes the key, as Redis does
   * for an empty result.
   */
  replace(key: string, value: Aggregate | undefined): void {
    if (value === undefined || value.size === 0) {
      this.delete(key);
      return;
    }
    if (this.expires.size > 0) this.expires.delete(key);
    this.values.set(key, value);
    this.touched(key);
  }

  /**
   * The aggregate at `key` was modified in place (a push, a pop, HSET, ZADD...): deletes
   * the key if that left it empty, as Redis does, and signals the change. Every command
   * that modifies an aggregate calls this once per key it changed.
   */
  changed(key: string): void {
    const value = this.values.get(key);
    if (value !== undefined && !isString(value) && value.size === 0) this.remove(key);
    this.touched(key);
  }

  /**
   * The end of a command (the dispatcher calls it): keys created by `add` and left
   * empty are removed, so no command can leave an empty aggregate behind. Cheap: it only
   * looks at the keys created by this command.
   */
  endCommand(): void {
    if (this.created.length === 0) return;
    for (const key of this.created) {
      const value = this.values.get(key);
      if (value !== undefined && !isString(value) && value.size === 0) this.remove(key);
    }
    this.created.length = 0;
  }

  /** Wakes the clients blocked on keys that became ready (see blocking.ts): after each command. */
  serveBlocked(): void {
    this.blocked.serve();
  }

  // The one signal of change. Today it makes the key ready for the clients blocked on
  // it; WATCH versions, client tracking and keyspace notifications hang off here too,
  // each indexed by key, so that a write costs O(1) when nobody listens.
  private touched(key: string): void {
    this.blocked.signal(key);
    if (this.watches.size > 0) this.watches.touch(key);
  }

  // An expired key deleted (lazily or by the purge): a change for WATCH, as Redis's
  // deleteExpiredKeyAndPropagate signals it (a key watched when already expired excepted).
  private expiredAway(key: string): void {
    this.remove(key);
    if (this.watches.size > 0) this.watches.touch(key);
  }

  /** The live entry of `key` (expired keys are removed on the way), for typed access. */
  // The typed access path: commands that need the type (WRONGTYPE checks) or the
  // expiry go through an Entry; the hot paths (GET) read getStored() directly.
  entry(key: string): Entry | undefined {
    const stored = this.getStored(key);
    return stored === undefined ? undefined : new Entry(this, key, stored);
  }

  /**
   * Sets or clears the expiry of an existing key (EXPIRE, PERSIST...). `at` in the past
   * deletes the key, as Redis does. Returns false if the key does not exist.
   */
  setExpiry(key: string, at: number | undefined): boolean {
    if (!this.has(key)) return false;
    // EXPIRE and PERSIST modify the key for WATCH (Redis signals them).
    if (this.watches.size > 0) this.watches.touch(key);
    if (at === undefined) {
      this.expires.delete(key);
    } else if (at <= this.now()) {
      this.remove(key);
    } else {
      this.expires.set(key, at);
      this.activeExpiry.track(key, at);
    }
    return true;
  }

  /** Moves `from` to `to` (overwriting it), with its value and expiry. */
  rename(from: string, to: string): boolean {
    const value = this.getStored(from);
    if (value === undefined) return false;
    if (from === to) return true;
    const at = this.expires.get(from);
    this.remove(from);
    this.touched(from);
    if (isString(value)) this.set(to, value, at === undefined ? undefined : { at });
    else {
      // An aggregate moves as it is (the same object): nothing is copied.
      this.values.set(to, value);
      if (at === undefined) this.expires.delete(to);
      else {
        this.expires.set(to, at);
        this.activeExpiry.track(to, at);
      }
      this.touched(to);
    }
    return true;
  }

  /** Every live key (expired ones are skipped), in insertion order. */
  *keys(): IterableIterator<string> {
    const now = this.now();
    for (const key of this.values.keys()) {
      const at = this.expires.get(key);
      if (at === undefined || now <= at) yield key;
    }
  }

  /**
   * One SCAN step: about `count` keys visited after `cursor`, with the live ones among
   * them. Cursor 0 starts; a returned cursor of 0 means the scan is complete.
   */
  scan(cursor: number, count: number): ScanStep {
    const step = this.scans.step(cursor, count, () => [...this.values.keys()], (key) => this.has(key));
    return { cursor: step.cursor, keys: step.items };
  }

  /** A random live key, or undefined if there is none. */
  // A Map has no random access, and copying its keys into an array on every call would
  // be O(n) per RANDOMKEY. A persistent iterator that skips a random few keys each time
  // is O(1) on average and, over many calls, visits the whole keyspace.
  randomKey(): string | undefined {
    if (this.values.size === 0) return undefined;
    let skip = Math.floor(Math.random() * 16);
    // At most two passes over the keys: enough to find a live one if there is any.
    for (let visited = 0; visited < 2 * this.values.size + 16; visited++) {
      let next = this.randomWalk?.next();
      if (next === undefined || next.done) {
        this.randomWalk = this.values.keys();
        next = this.randomWalk.next();
        if (next.done) return undefined;
      }
      if (skip-- > 0) continue;
      if (this.has(next.value)) return next.value;
    }
    return undefined;
  }

  /** Removes every key (FLUSHDB / FLUSHALL). */
  flush(): void {
    if (this.watches.size > 0) this.watches.touchAll();
    this.values.clear();
    this.expires.clear();
    this.activeExpiry.reset();
    this.scans.clear();
    this.created.length = 0;
    this.randomWalk = undefined;
  }

  /** The number of keys with an expiry (for INFO's keyspace section). */
  get expiringKeys(): number {
    return this.expires.size;
  }

  /** Removes `key`; true if it existed. */
  delete(key: string): boolean {
    if (!this.has(key)) return false;
    this.remove(key);
    this.touched(key);
    return true;
  }

  /** The number of keys (expired keys not yet purged included, as Redis's DBSIZE). */
  get size(): number {
    return this.values.size;
  }

  // Lazy expiry, as Redis does on every access: an expired key is removed when touched.
  private expired(key: string): boolean {
    const at = this.expires.get(key);
    if (at === undefined || this.now() <= at) return false;
    this.expiredAway(key);
    return true;
  }

  private remove(key: string): void {
    this.values.delete(key);
    this.expires.delete(key);
  }

  // ---- pub/sub (src/db/pubsub.ts) ----------------------------------------------

  /** The messages published to `channel` from now on, in batches (see PubSub.subscribe). */
  subscribe(channel: string): Observable<readonly Message[]> {
    return this.pubsub.subscribe(channel);
  }

  /** The messages of every channel matching the glob `pattern` (PSUBSCRIBE), in batches. */
  psubscribe(pattern: string): Observable<readonly Message[]> {
    return this.pubsub.psubscribe(pattern);
  }

  /** Publishes `message` to `channel`; the number of receivers (see PubSub.publish). */
  publish(channel: string, message: Buffer): number {
    return this.pubsub.publish(channel, message);
  }

  /** Delivers every queued message now (see PubSub.deliver). */
  readonly deliver = (): void => this.pubsub.deliver();

  /** The number of subscribers of `channel` (PUBSUB NUMSUB). */
  subscribers(channel: string): number {
    return this.pubsub.subscribers(channel);
  }

  /** The channels with at least one subscriber (PUBSUB CHANNELS). */
  activeChannels(): string[] {
    return this.pubsub.activeChannels();
  }

  /** The number of distinct patterns subscribed to (PUBSUB NUMPAT). */
  get patternCount(): number {
    return this.pubsub.patternCount;
  }

  /** Stops the purge and ends every channel (used on shutdown). */
  close(): void {
    this.activeExpiry.close();
    this.pubsub.close();
  }
}
