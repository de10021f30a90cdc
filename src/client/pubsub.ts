// PubSub: the client's subscriber side. Like mini-redis's Subscriber it talks over a
// connection in subscriber mode, where the server refuses GET and SET and sends
// messages whenever they are published. Unlike mini-redis (whose `subscribe` consumes
// the Client), that connection is a SEPARATE, dedicated one, opened by the client on
// demand: the client's command connection stays free for commands, and the reply
// matching of pipeline.ts never meets an unsolicited message.
//
// RxJS pattern: reference counting with `share()`, at two levels.
//
//   channel('news')  = connection$ -> listen('news') -> share()
//   connection$      = open a connection             -> share({ connector: ReplaySubject, ... })
//
// - Each channel is ONE Observable for the whole client, however many observers it
//   has. Its source sends SUBSCRIBE when the first observer arrives and its teardown
//   sends UNSUBSCRIBE; `share()` counts the observers and runs that teardown only when
//   the last one leaves. "One channel subscription shared by many observers,
//   reference-counted", with no counter of our own.
// - The dedicated connection is shared the same way by the channels: opened by the
//   first channel, replayed (ReplaySubject(1)) to the channels that come later, and
//   closed when the last channel is gone.
//
// A connection in subscriber mode does not answer one-reply-per-request (SUBSCRIBE a b
// answers twice, messages arrive on their own), so frames are routed by their kind
// instead of matched in order: ["message", channel, body] goes to that channel's
// observers; ["subscribe" | "unsubscribe", channel, count] acknowledges a request.

import {
  EmptyError,
  Observable,
  ReplaySubject,
  Subject,
  type Subscriber,
  filter,
  finalize,
  firstValueFrom,
  share,
  startWith,
  switchMap,
  timer,
} from 'rxjs';
import type { Frame } from '../protocol/frame';
import { ProtocolError } from '../protocol/errors';
import type { FrameBatch } from '../protocol/frames';
import { Connection, type ConnectOptions } from './connection';
import { ConnectionError, RedisError } from './errors';

/** A message received on a channel. */
export interface ChannelMessage {
  /** The channel it was published to (UTF-8 decoded). */
  readonly channel: string;
  /** The message, as the bytes that were published. */
  readonly message: Buffer;
}

/** Text of a bulk or simple string frame, or undefined. */
function textOf(frame: Frame | undefined): string | undefined {
  if (frame === undefined) return undefined;
  if (frame.type === 'bulk') return frame.value.toString();
  if (frame.type === 'simple') return frame.value;
  return undefined;
}

/**
 * One connection in subscriber mode. It keeps one route per channel (the share()
 * in PubSub guarantees one listener per channel) and counts, per channel, the
 * SUBSCRIBE / UNSUBSCRIBE requests not yet acknowledged: a channel is confirmed
 * when its route exists and nothing is outstanding.
 */
class SubscriberConnection {
  private readonly routes = new Map<string, Subscriber<ChannelMessage>>();
  private readonly outstanding = new Map<string, number>();
  private closing = false;

  /**
   * @param connection the socket, in subscriber mode from our first SUBSCRIBE on.
   * @param changed called when acknowledgements arrive (readiness may have changed).
   * @param done called once when the connection is over: with an error if it broke.
   */
  constructor(
    private readonly connection: Connection,
    private readonly changed: () => void,
    done: (failure: Error | undefined) => void,
  ) {
    connection.replies$.subscribe({
      next: (batch) => this.route(batch),
      error: (err: Error) => done(this.fail(err)),
      complete: () =>
        done(this.closing ? this.finish() : this.fail(new ConnectionError(`connection to ${connection.address} closed by the server`))),
    });
  }

  /** The messages of one channel: SUBSCRIBE on subscribe, UNSUBSCRIBE on teardown. */
  listen(channel: string): Observable<ChannelMessage> {
    return new Observable<ChannelMessage>((subscriber) => {
      this.routes.set(channel, subscriber);
      this.request('SUBSCRIBE', channel);
      return () => {
        if (this.routes.get(channel) === subscriber) this.routes.delete(channel);
        if (!this.connection.closed) this.request('UNSUBSCRIBE', channel);
      };
    });
  }

  /** Subscribed, and the server has confirmed it. */
  isConfirmed(channel: string): boolean {
    return this.routes.has(channel) && !this.outstanding.has(channel);
  }

  /** No SUBSCRIBE / UNSUBSCRIBE of this channel is waiting for the server. */
  isSettled(channel: string): boolean {
    return !this.outstanding.has(channel);
  }

  /** Closes cleanly: the channels' observers complete. */
  end(): void {
    this.closing = true;
    this.connection.end();
  }

  whenClosed(): Promise<void> {
    return this.connection.whenClosed();
  }

  // Requests are counted per channel until acknowledged: a channel unsubscribed and
  // resubscribed in quick succession has two requests in flight, and it is confirmed
  // only when both are answered (otherwise ready() could resolve on the stale ack).
  private request(command: 'SUBSCRIBE' | 'UNSUBSCRIBE', channel: string): void {
    this.outstanding.set(channel, (this.outstanding.get(channel) ?? 0) + 1);
    this.connection.write([command, channel]);
  }

  // In subscriber mode replies are not matched by position (pipeline.ts) but by kind:
  // a message names its channel, so it goes to that channel's observers; an
  // acknowledgement settles one outstanding request of its channel. The two can
  // interleave freely on the wire, and routing by content is what makes that safe.
  private route(batch: FrameBatch): void {
    let acknowledged = false;
    for (const frame of batch) {
      if (frame instanceof ProtocolError) {
        this.connection.destroy();
        return void this.fail(new ConnectionError(`invalid reply from ${this.connection.address}: ${frame.message}`));
      }
      if (frame.type === 'error') {
        // We only send SUBSCRIBE and UNSUBSCRIBE; a refusal means the server cannot do
        // pub/sub at all, and every channel must hear about it.
        this.connection.destroy();
        return void this.fail(new RedisError(frame.value));
      }
      // The client speaks RESP2 (it never sends HELLO 3): pub/sub events are arrays.
      if (frame.type !== 'array') continue;
      const [kind, channelFrame, payload] = frame.value;
      const channel = textOf(channelFrame);
      const type = textOf(kind);
      if (type === 'message' && channel !== undefined && payload?.type === 'bulk') {
        this.routes.get(channel)?.next({ channel, message: payload.value });
      } else if ((type === 'subscribe' || type === 'unsubscribe') && channel !== undefined) {
        const left = (this.outstanding.get(channel) ?? 1) - 1;
        if (left > 0) this.outstanding.set(channel, left);
        else this.outstanding.delete(channel);
        acknowledged = true;
      }
    }
    if (acknowledged) this.changed();
  }

  /** Every channel's observers error with `err`; returns it. */
  // The routes are copied and cleared before anyone is told: telling an observer runs
  // its teardown synchronously, and that teardown looks up (and would delete) its
  // route; walking a copy of an already empty map keeps this loop out of its way.
  private fail(err: Error): Error {
    const routes = [...this.routes.values()];
    this.routes.clear();
    for (const route of routes) route.error(err);
    return err;
  }

  /** Every channel's observers complete (a deliberate close). */
  private finish(): undefined {
    const routes = [...this.routes.values()];
    this.routes.clear();
    for (const route of routes) route.complete();
    return undefined;
  }
}

export class PubSub {
  /** The dedicated connection, opened on demand and shared by every channel. */
  private readonly connection$: Observable<SubscriberConnection>;
  /** The connection the channels use now, if any: confirmations are read from it. */
  private current: SubscriberConnection | undefined;
  /** Every connection not yet closed, the current one and any still closing. */
  private readonly live = new Set<SubscriberConnection>();
  /** Each channel's one shared Observable, while it has observers. */
  private readonly channels = new Map<string, Observable<ChannelMessage>>();
  /** Ticks whenever readiness may have changed; carries the error when a connection fails. */
  private readonly changes$ = new Subject<Error | undefined>();
  /** Connections opened and not yet closed: close() waits for them. */
  private readonly open = new Set<Promise<void>>();
  private isClosed = false;

  /** Emits once, when the client closes: every message stream completes on it. */
  readonly closing$ = new ReplaySubject<void>(1);

  constructor(private readonly options: ConnectOptions) {
    this.connection$ = new Observable<SubscriberConnection>((subscriber) => {
      let connection: SubscriberConnection | undefined;
      let unsubscribed = false;
      const opening = Connection.open(this.options).then(
        (opened) => {
          const created = new SubscriberConnection(opened, () => this.changes$.next(undefined), (failure) => {
            if (this.current === created) this.current = undefined;
            this.live.delete(created);
            this.changes$.next(failure);
            if (failure !== undefined) subscriber.error(failure);
            else subscriber.complete();
          });
          connection = created;
          this.live.add(created);
          if (unsubscribed) {
            connection.end(); // opened too late: nobody wants it any more
            return connection.whenClosed();
          }
          this.current = connection;
          subscriber.next(connection);
          return connection.whenClosed();
        },
        (err: Error) => {
          this.changes$.next(err);
          subscriber.error(err);
        },
      );
      const tracked: Promise<void> = opening.then(() => void this.open.delete(tracked));
      this.open.add(tracked);
      // The teardown runs when the last channel leaves (share's refCount reaches 0).
      return () => {
        unsubscribed = true;
        if (connection !== undefined) {
          if (this.current === connection) this.current = undefined;
          connection.end();
        }
      };
    }).pipe(
      // share() with a ReplaySubject: a channel arriving after the connection is open
      // still receives it. Reset on error and on completion, so that the next channel
      // opens a fresh connection. On refCount 0, reset one timer tick later rather than
      // at once: the teardown of the last channel has then sent its UNSUBSCRIBE before
      // the connection ends, and a channel that replaces it in the same turn
      // (`removeChannels('a'); addChannels('b')`) reuses the connection.
      share({ connector: () => new ReplaySubject<SubscriberConnection>(1), resetOnRefCountZero: () => timer(0) }),
    );
  }

  get closed(): boolean {
    return this.isClosed;
  }

  /**
   * The messages of `channel`, as ONE Observable shared by all its observers in this
   * client: SUBSCRIBE goes out with the first observer, UNSUBSCRIBE when the last
   * one unsubscribes.
   */
  channel(name: string): Observable<ChannelMessage> {
    const existing = this.channels.get(name);
    if (existing !== undefined) return existing;
    const shared: Observable<ChannelMessage> = this.connection$.pipe(
      switchMap((connection) => connection.listen(name)),
      // Runs with the source's teardown, i.e. when the last observer has left.
      finalize(() => {
        if (this.channels.get(name) === shared) this.channels.delete(name);
        this.changes$.next(undefined);
      }),
      share(),
    );
    this.channels.set(name, shared);
    return shared;
  }

  /** The server has confirmed the subscription to `channel`. */
  isConfirmed(channel: string): boolean {
    return this.current?.isConfirmed(channel) ?? false;
  }

  /**
   * Nothing about `channel` is waiting for the server's acknowledgement, on any
   * connection: one closing because its last channel left still owes the
   * acknowledgement of that channel's UNSUBSCRIBE.
   */
  isSettled(channel: string): boolean {
    for (const connection of this.live) if (!connection.isSettled(channel)) return false;
    return true;
  }

  /**
   * Resolves as soon as `condition()` holds, checked now and on every change.
   * Rejects if a subscriber connection fails meanwhile, or the client closes.
   */
  // Readiness is a condition over state that changes when acknowledgements arrive:
  // `changes$` ticks on each change, and the first tick (startWith) at which the
  // condition holds resolves the Promise. A failure on the way rejects it: an
  // Observable pipeline turned into one awaited answer, with no polling and no timer.
  waitUntil(condition: () => boolean): Promise<void> {
    if (this.isClosed) return Promise.reject(new ConnectionError('the client is closed'));
    return firstValueFrom(
      this.changes$.pipe(
        startWith(undefined),
        filter((failure) => {
          if (failure !== undefined) throw failure;
          return condition();
        }),
      ),
    ).then(
      () => undefined,
      (err: unknown) => {
        throw err instanceof EmptyError ? new ConnectionError('the client was closed') : err;
      },
    );
  }

  /** Completes every message stream, closes the dedicated connection, waits for it. */
  async close(): Promise<void> {
    if (!this.isClosed) {
      this.isClosed = true;
      this.closing$.next();
      this.closing$.complete();
      this.changes$.complete();
    }
    await Promise.all([...this.open]);
  }
}
