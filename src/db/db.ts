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

/** A message as delivered to a channel's subscribers. */
export interface Message {
  readonly channel: string;
  readonly message: Buffer;
}

/** One key's value and, if it has one, the time (scheduler ms) after which it expires. */
class Entry {
  constructor(
    public value: Buffer,
    public expiresAt: number | undefined,
  ) {}
}

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

export class Db {
  private readonly entries = new Map<string, Entry>();
  private readonly channels = new Map<string, Channel>();
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
    const stored = Buffer.from(value);
    const existing = this.live(key);
    const expiresAt = expiry === 'keep' ? existing?.expiresAt : expiry?.at;
    if (existing) {
      if (existing.expiresAt !== undefined) this.expiring--;
      existing.value = stored;
      existing.expiresAt = expiresAt;
    } else {
      this.entries.set(key, new Entry(stored, expiresAt));
    }
    if (expiresAt !== undefined) {
      this.expiring++;
      if (expiry !== 'keep') this.trackExpiry(key, expiresAt);
    }
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
    return new Observable<Message>((subscriber) => {
      let entry = this.channels.get(channel);
      if (entry === undefined) {
        entry = { subject: new Subject<Message>(), subscribers: 0 };
        this.channels.set(channel, entry);
      }
      const current = entry;
      current.subscribers++;
      const inner = current.subject.subscribe(subscriber);
      return () => {
        inner.unsubscribe();
        current.subscribers--;
        if (current.subscribers === 0 && this.channels.get(channel) === current) this.channels.delete(channel);
      };
    });
  }

  /** Sends `message` to every subscriber of `channel`; returns how many received it. */
  publish(channel: string, message: Buffer): number {
    const entry = this.channels.get(channel);
    if (entry === undefined) return 0;
    const receivers = entry.subscribers;
    entry.subject.next({ channel, message });
    return receivers;
  }

  /** The number of subscribers of `channel`. */
  subscribers(channel: string): number {
    return this.channels.get(channel)?.subscribers ?? 0;
  }

  /** Stops the purge timer and ends every channel (used on shutdown). */
  close(): void {
    this.closed = true;
    this.purgeTask?.unsubscribe();
    this.purgeTask = undefined;
    for (const { subject } of this.channels.values()) subject.complete();
    this.channels.clear();
  }
}
