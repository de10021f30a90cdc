// MessageStream: what `client.subscribe('a', 'b')` returns. It is an Observable of the
// messages of a set of channels, and that set can change while it is being observed:
//
//   const news = client.subscribe('news');
//   news.subscribe(({ channel, message }) => console.log(channel, message.toString()));
//   await news.ready();                 // the server confirmed: publish away
//   await news.addChannels('sports');   // messages of 'sports' now arrive too
//   await news.removeChannels('news');  // ... and those of 'news' no longer do
//
// RxJS pattern: a dynamic merge, the client's mirror of the server's session (Tokio's
// StreamMap in mini-redis). Each observer gets
//
//   concat(the channels now, every channel added later)
//     .pipe(mergeMap(channel => pubsub.channel(channel)
//                                  .pipe(takeUntil(that channel is removed))))
//
// `mergeMap` runs one inner subscription per channel, `takeUntil` ends one of them
// without disturbing the others. The inners are the client-wide shared channels of
// pubsub.ts, so two observers (of this stream or of two streams) on the same channel
// share one server subscription; when the last of them unsubscribes, UNSUBSCRIBE goes
// out. Unsubscribing from the stream is just that: the teardown of every inner.
//
// A stream is cold like the commands: nothing is subscribed on the server until it has
// an observer. It completes when the client is closed, and errors if the subscriber
// connection cannot be opened or is lost.

import { Observable, Subject, type Subscriber, type TeardownLogic, concat, filter, from, mergeMap, takeUntil } from 'rxjs';
import { ConnectionError } from './errors';
import type { ChannelMessage, PubSub } from './pubsub';

/**
 * Marks a promise as handled (a no-op catch on a branch) and returns it unchanged: whoever
 * awaits it still sees its rejection, but ignoring it does not crash the process.
 */
function handled<T>(promise: Promise<T>): Promise<T> {
  promise.catch(() => undefined);
  return promise;
}

/**
 * What {@link Client.subscribe} returns: an Observable of the messages of a set of
 * channels (subscribe, pipe and unsubscribe as with any Observable), whose channels can
 * be added and removed while it is observed. Nothing is subscribed on the server until it
 * has an observer; UNSUBSCRIBE is sent when the last observer of a channel leaves.
 *
 * @example
 * ```ts
 * const news = client.subscribe('news');
 * const subscription = news.subscribe(({ channel, message }) => console.log(channel, message.toString()));
 * await news.ready(); // the server has confirmed: messages published from now on arrive
 * await news.addChannels('sports');
 * subscription.unsubscribe(); // sends UNSUBSCRIBE news sports
 * ```
 */
export class MessageStream extends Observable<ChannelMessage> {
  private readonly channelSet: Set<string>;
  private readonly added$ = new Subject<string>();
  private readonly removed$ = new Subject<string>();
  private observers = 0;

  /** Use `client.subscribe(...channels)`. @internal */
  constructor(
    private readonly pubsub: PubSub,
    channels: readonly string[],
  ) {
    // RxJS calls the subscribe function with `this` bound to the Observable, i.e. to
    // this MessageStream (`this` cannot be used in super()'s arguments directly).
    super(function (this: Observable<ChannelMessage>, subscriber: Subscriber<ChannelMessage>) {
      return (this as MessageStream).attach(subscriber);
    });
    this.channelSet = new Set(channels);
  }

  /** The channels of this stream, in the order they were added. */
  get channels(): string[] {
    return [...this.channelSet];
  }

  /**
   * Resolves once the server has confirmed every channel of the stream: from then on,
   * every message published to them is delivered. With no observer there is nothing
   * subscribed and nothing to wait for: it resolves at once, so call it after
   * subscribing. Rejects if the subscriber connection fails or the client closes.
   */
  // Why a Promise here, in an Observable API: "the server has confirmed" is a single
  // event a caller waits for once (typically before publishing in a test), and
  // `await stream.ready()` says exactly that.
  ready(): Promise<void> {
    if (this.observers === 0) return Promise.resolve();
    const channels = this.channels;
    return this.pubsub.waitUntil(() => channels.every((channel) => this.pubsub.isConfirmed(channel)));
  }

  /**
   * Adds channels to the live stream; resolves once the server has confirmed them (see
   * ready()). It may be called without awaiting: a failure also reaches the stream's
   * observers, so an ignored rejection is not reported as unhandled.
   */
  addChannels(...channels: string[]): Promise<void> {
    for (const channel of channels) {
      if (this.channelSet.has(channel)) continue;
      this.channelSet.add(channel);
      this.added$.next(channel); // every observer's mergeMap subscribes to it, now
    }
    if (this.observers === 0) return Promise.resolve();
    return handled(this.pubsub.waitUntil(() => channels.every((channel) => this.pubsub.isConfirmed(channel))));
  }

  /**
   * Removes channels from the stream. Resolves once the server has acknowledged the
   * UNSUBSCRIBE of those that no other observer still listens to (the others stay
   * subscribed on the server: that is the reference counting). Like addChannels, it
   * may be called without awaiting.
   */
  removeChannels(...channels: string[]): Promise<void> {
    for (const channel of channels) {
      if (!this.channelSet.delete(channel)) continue;
      this.removed$.next(channel); // takeUntil ends that channel's inner in every observer
    }
    if (this.pubsub.closed) return Promise.resolve();
    return handled(this.pubsub.waitUntil(() => channels.every((channel) => this.pubsub.isSettled(channel))));
  }

  // Each observer gets its own merge, over the client-wide shared channels: observers
  // never see each other's subscriptions, yet the server sees one per channel (the
  // sharing happens one level down, in PubSub.channel, lesson 12).
  private attach(subscriber: Subscriber<ChannelMessage>): TeardownLogic {
    if (this.pubsub.closed) {
      subscriber.error(new ConnectionError('the client is closed'));
      return;
    }
    this.observers++;
    const subscription = concat(from(this.channels), this.added$)
      .pipe(
        mergeMap((channel) =>
          this.pubsub.channel(channel).pipe(takeUntil(this.removed$.pipe(filter((removed) => removed === channel)))),
        ),
        // Closing the client completes the stream; its teardown releases the channels.
        takeUntil(this.pubsub.closing$),
      )
      .subscribe(subscriber);
    return () => {
      this.observers--;
      subscription.unsubscribe();
    };
  }
}
