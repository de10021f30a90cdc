// The Db: the state shared by every connection, the keyspace and the pub/sub channels.
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
// - Each channel is a Subject: PUBLISH is `subject.next`, SUBSCRIBE is an Observable
//   over it whose teardown forgets the channel when its last subscriber leaves.

import { Observable, SchedulerLike, Subject, Subscription, asyncScheduler } from 'rxjs';
import { ExpiryHeap } from './expiry-heap';
import { globMatch } from './glob';

/** A message as delivered to a channel's (or a pattern's) subscribers. */
export interface Message {
  readonly channel: string;
  readonly message: Buffer;
  /** Set when delivered through a pattern subscription (PSUBSCRIBE): the pattern. */
  readonly pattern?: string;
}

/**
 * The value types of Redis. Only strings exist yet; the others slot in here, and every
 * command that expects one type gets WRONGTYPE on a key of another (see `typed`).
 */
export type ValueType = 'string';
export type Value = { readonly type: 'string'; readonly value: Buffer };

/** One key: its value, its expiry time (scheduler ms) if any, and its scan position. */
export class Entry {
  constructor(
    readonly key: string,
    public value: Buffer,
    public expiresAt: number | undefined,
    /** Insertion sequence number: SCAN's cursor (see `scan`). */
    readonly seq: number,
  ) {}

  get type(): ValueType {
    return 'string';
  }
}

/**
 * Can the Db keep this buffer as it is, without copying? A large value that fills most
 * of the memory it lives in (a 100 kB value in the buffer its chunks were joined into)
 * wastes at most as much as it weighs, so copying it again would only cost time. A
 * small view into a network chunk is copied: kept, it would pin the whole chunk.
 */
const ownable = (value: Buffer): boolean => value.length >= 16 * 1024 && value.length * 2 >= value.buffer.byteLength;

/** How SET treats the key's time to live. */
export type Expiry =
  /** Remove any expiry (plain SET). */
  | undefined
  /** Expire after this absolute time, in the scheduler's milliseconds. */
  | { readonly at: number }
  /** Keep the key's current expiry (SET ... KEEPTTL). */
  | 'keep';

interface Channel {
  readonly subject: Subject<Message>;
  subscribers: number;
}

// setTimeout cannot wait longer than 2^31-1 ms; a later purge simply wakes up early,
// finds nothing due and sleeps again.
const MAX_DELAY = 2 ** 31 - 1;

export interface DbOptions {
  /** Where time comes from. Default: `asyncScheduler` (real time). */
  readonly scheduler?: SchedulerLike;
}

/** SCAN's answer: the next cursor (0 when done) and the keys of this step. */
export interface ScanStep {
  readonly cursor: number;
  readonly keys: string[];
}

export class Db {
  private readonly entries = new Map<string, Entry>();
  /**
   * Every entry in insertion order, for SCAN. Deleted entries are skipped and swept out
   * now and then; since sequence numbers only grow, a cursor (the last sequence number
   * returned) stays valid across sweeps, which gives Redis's guarantee: a key present
   * for the whole scan is returned.
   */
  private order: Entry[] = [];
  private nextSeq = 1;
  private readonly channels = new Map<string, Channel>();
  private readonly patternChannels = new Map<string, Channel>();
  private readonly scheduler: SchedulerLike;

  private readonly expirations = new ExpiryHeap();
  /** How many entries currently have an expiry: the live part of the heap. */
  private expiring = 0;
  /** The one scheduled purge, and when it is due. */
  private purgeTask: Subscription | undefined;
  private purgeAt = Infinity;
  private closed = false;

  constructor(options: DbOptions = {}) {
    this.scheduler = options.scheduler ?? asyncScheduler;
  }

  /** The current time, in milliseconds, as the Db sees it. */
  now(): number {
    return this.scheduler.now();
  }

  // ---- keyspace --------------------------------------------------------------

  /** The value of `key`, or undefined if it is missing or has expired. */
  get(key: string): Buffer | undefined {
    return this.live(key)?.value;
  }

  has(key: string): boolean {
    return this.live(key) !== undefined;
  }

  /** The absolute expiry time of `key`, or undefined if it has none (or is missing). */
  expiresAt(key: string): number | undefined {
    return this.live(key)?.expiresAt;
  }

  /**
   * Sets `key` to `value`. The value is copied: the caller's buffer is usually a view
   * into a network chunk, and keeping it would pin the whole chunk in memory.
   */
  set(key: string, value: Buffer, expiry?: Expiry): void {
    const stored = ownable(value) ? value : Buffer.from(value);
    const existing = this.live(key);
    const expiresAt = expiry === 'keep' ? existing?.expiresAt : expiry?.at;
    if (existing) {
      if (existing.expiresAt !== undefined) this.expiring--;
      existing.value = stored;
      existing.expiresAt = expiresAt;
    } else {
      this.insert(key, stored, expiresAt);
    }
    if (expiresAt !== undefined) {
      this.expiring++;
      if (expiry !== 'keep') this.trackExpiry(key, expiresAt);
    }
  }

  private insert(key: string, value: Buffer, expiresAt: number | undefined): Entry {
    const entry = new Entry(key, value, expiresAt, this.nextSeq++);
    this.entries.set(key, entry);
    this.order.push(entry);
    return entry;
  }

  /** The live entry of `key` (expired keys are removed on the way), for typed access. */
  entry(key: string): Entry | undefined {
    return this.live(key);
  }

  /**
   * Sets or clears the expiry of an existing key (EXPIRE, PERSIST...). `at` in the past
   * deletes the key, as Redis does. Returns false if the key does not exist.
   */
  setExpiry(key: string, at: number | undefined): boolean {
    const entry = this.live(key);
    if (entry === undefined) return false;
    if (at !== undefined && at <= this.scheduler.now()) {
      this.remove(key, entry);
      return true;
    }
    if (entry.expiresAt !== undefined) this.expiring--;
    entry.expiresAt = at;
    if (at !== undefined) {
      this.expiring++;
      this.trackExpiry(key, at);
    }
    return true;
  }

  /** Moves `from` to `to` (overwriting it), with its value and expiry. */
  rename(from: string, to: string): boolean {
    const entry = this.live(from);
    if (entry === undefined) return false;
    if (from === to) return true;
    const { value, expiresAt } = entry;
    this.remove(from, entry);
    this.delete(to);
    this.insert(to, value, expiresAt);
    if (expiresAt !== undefined) {
      this.expiring++;
      this.trackExpiry(to, expiresAt);
    }
    return true;
  }

  /** Every live key (expired ones are skipped), in insertion order. */
  *keys(): IterableIterator<string> {
    const now = this.scheduler.now();
    for (const [key, entry] of this.entries) {
      if (entry.expiresAt === undefined || now <= entry.expiresAt) yield key;
    }
  }

  /**
   * One SCAN step: up to about `count` entries visited after `cursor`, with their live
   * keys. Cursor 0 starts; a returned cursor of 0 means the scan is complete.
   */
  scan(cursor: number, count: number): ScanStep {
    const order = this.order;
    // Binary search for the first entry after the cursor (sequence numbers are sorted).
    let lo = 0;
    let hi = order.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (order[mid].seq <= cursor) lo = mid + 1;
      else hi = mid;
    }
    const keys: string[] = [];
    const now = this.scheduler.now();
    let i = lo;
    for (; i < order.length && keys.length < count; i++) {
      const entry = order[i];
      if (this.entries.get(entry.key) !== entry) continue; // deleted or replaced
      if (entry.expiresAt !== undefined && now > entry.expiresAt) continue;
      keys.push(entry.key);
    }
    const next = i < order.length ? order[i - 1].seq : 0;
    return { cursor: next, keys };
  }

  /** A random live key, or undefined if there is none. */
  randomKey(): string | undefined {
    const size = this.entries.size;
    // Sample the insertion-order array: a few tries find a live key in practice.
    for (let attempt = 0; attempt < 100 && size > 0; attempt++) {
      const entry = this.order[Math.floor(Math.random() * this.order.length)];
      if (this.entries.get(entry.key) === entry && this.live(entry.key) !== undefined) return entry.key;
    }
    for (const key of this.keys()) return key;
    return undefined;
  }

  /** Removes every key (FLUSHDB / FLUSHALL). */
  flush(): void {
    this.entries.clear();
    this.order = [];
    this.expiring = 0;
    this.expirations.reset([]);
    this.purgeTask?.unsubscribe();
    this.purgeTask = undefined;
    this.purgeAt = Infinity;
  }

  /** The number of keys with an expiry (for INFO's keyspace section). */
  get expiringKeys(): number {
    return this.expiring;
  }

  /** Removes `key`; true if it existed. */
  delete(key: string): boolean {
    const entry = this.live(key);
    if (!entry) return false;
    this.remove(key, entry);
    return true;
  }

  /** The number of keys (expired keys not yet purged included, as Redis's DBSIZE). */
  get size(): number {
    return this.entries.size;
  }

  // Lazy expiry, as Redis does on every access: an expired key is removed when touched.
  private live(key: string): Entry | undefined {
    const entry = this.entries.get(key);
    if (entry === undefined) return undefined;
    if (entry.expiresAt !== undefined && this.scheduler.now() > entry.expiresAt) {
      this.remove(key, entry);
      return undefined;
    }
    return entry;
  }

  private remove(key: string, entry: Entry): void {
    if (entry.expiresAt !== undefined) this.expiring--;
    this.entries.delete(key);
    // Sweep deleted entries out of the scan order once they are half of it.
    if (this.order.length > 2 * this.entries.size + 1024) {
      this.order = this.order.filter((e) => this.entries.get(e.key) === e);
    }
  }

  // ---- active expiry: one scheduled purge at the next expiry ------------------

  private trackExpiry(key: string, at: number): void {
    this.expirations.push({ at, key });
    // Stale pairs (keys overwritten or deleted) outnumber live ones: rebuild.
    if (this.expirations.size > 2 * this.expiring + 1024) {
      const live = [];
      for (const [k, entry] of this.entries) {
        if (entry.expiresAt !== undefined) live.push({ at: entry.expiresAt, key: k });
      }
      this.expirations.reset(live);
    }
    if (at < this.purgeAt) this.schedulePurge(at);
  }

  private schedulePurge(at: number): void {
    if (this.closed) return;
    this.purgeTask?.unsubscribe();
    this.purgeAt = at;
    // A key expires once the clock is *past* its time (as in Redis), hence the +1.
    const delay = Math.min(Math.max(at - this.scheduler.now() + 1, 0), MAX_DELAY);
    this.purgeTask = this.scheduler.schedule(() => this.purge(), delay);
  }

  /** Removes every key whose time has passed, then sleeps until the next one. */
  private purge(): void {
    this.purgeTask = undefined;
    this.purgeAt = Infinity;
    const now = this.scheduler.now();
    for (let next = this.expirations.peek(); next !== undefined; next = this.expirations.peek()) {
      const entry = this.entries.get(next.key);
      const current = entry !== undefined && entry.expiresAt === next.at;
      if (current && next.at >= now) {
        this.schedulePurge(next.at);
        return;
      }
      this.expirations.pop();
      if (current && entry !== undefined) this.remove(next.key, entry);
    }
  }

  // ---- pub/sub ---------------------------------------------------------------

  /**
   * The messages published to `channel`, from the moment of subscription. Hot: each
   * subscriber sees what is published while it is subscribed. Unsubscribing is how a
   * subscriber leaves; the last one out removes the channel.
   */
  subscribe(channel: string): Observable<Message> {
    return this.join(this.channels, channel);
  }

  /** The messages of every channel matching the glob `pattern` (PSUBSCRIBE). */
  psubscribe(pattern: string): Observable<Message> {
    return this.join(this.patternChannels, pattern);
  }

  private join(registry: Map<string, Channel>, name: string): Observable<Message> {
    return new Observable<Message>((subscriber) => {
      let entry = registry.get(name);
      if (entry === undefined) {
        entry = { subject: new Subject<Message>(), subscribers: 0 };
        registry.set(name, entry);
      }
      const current = entry;
      current.subscribers++;
      const inner = current.subject.subscribe(subscriber);
      return () => {
        inner.unsubscribe();
        current.subscribers--;
        if (current.subscribers === 0 && registry.get(name) === current) registry.delete(name);
      };
    });
  }

  /**
   * Sends `message` to the subscribers of `channel` and of every matching pattern;
   * returns how many received it (a client subscribed both ways counts twice, as in Redis).
   */
  publish(channel: string, message: Buffer): number {
    let receivers = 0;
    const entry = this.channels.get(channel);
    if (entry !== undefined) {
      receivers += entry.subscribers;
      entry.subject.next({ channel, message });
    }
    if (this.patternChannels.size > 0) {
      for (const [pattern, patternEntry] of [...this.patternChannels]) {
        if (!globMatch(pattern, channel)) continue;
        receivers += patternEntry.subscribers;
        patternEntry.subject.next({ channel, message, pattern });
      }
    }
    return receivers;
  }

  /** The number of subscribers of `channel` (PUBSUB NUMSUB). */
  subscribers(channel: string): number {
    return this.channels.get(channel)?.subscribers ?? 0;
  }

  /** The channels with at least one subscriber (PUBSUB CHANNELS). */
  activeChannels(): string[] {
    return [...this.channels.keys()];
  }

  /** The number of distinct patterns subscribed to (PUBSUB NUMPAT). */
  get patternCount(): number {
    return this.patternChannels.size;
  }

  /** Stops the purge timer and ends every channel (used on shutdown). */
  close(): void {
    this.closed = true;
    this.purgeTask?.unsubscribe();
    this.purgeTask = undefined;
    for (const registry of [this.channels, this.patternChannels]) {
      for (const { subject } of registry.values()) subject.complete();
      registry.clear();
    }
  }
}
