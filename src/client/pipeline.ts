// Pipeline: cold command Observables over one connection, with replies matched to
// commands in order. This is what makes the client a pipelining client for free (what
// mini-redis needs a separate BufferedClient and a task for).
//
// RxJS patterns shown:
//
// - COLD Observables. `pipeline.command(['GET', 'k'], parse)` sends nothing: it is a
//   recipe. Each subscription sends the command once and receives its own reply:
//   one value, then complete. Cold is the right default for a request/response API,
//   because it composes: `retry()` re-sends, `defer`/`concatMap` decide *when* a
//   command goes out, an Observable built and never subscribed costs nothing on the
//   wire, and `share()` is there for whoever wants one reply for many observers.
//
// - Matching replies in order. Redis answers a connection's requests in the order it
//   received them. So the subscriber function just (1) appends the subscriber to a FIFO
//   of pending commands and (2) writes the request; replies$ (frames() over the socket)
//   hands each reply frame to the oldest pending command. Any number of callers can
//   have commands in flight at once on the single connection: they are pipelined.
//
// - Teardown as cancellation. Unsubscribing before the reply arrives cannot take the
//   request back (it may already be on the wire), and the reply will still come. So the
//   teardown only detaches the subscriber from its FIFO slot: the slot stays, the reply
//   is consumed when it arrives and dropped, and every later reply still finds its
//   own command.

import { Observable, type Subscriber } from 'rxjs';
import type { Frame } from '../protocol/frame';
import { ProtocolError } from '../protocol/errors';
import type { FrameBatch } from '../protocol/frames';
import type { Connection } from './connection';
import { ConnectionError, RedisError } from './errors';
import { Fifo } from './fifo';
import type { Argument } from './request-writer';

/** Turns a reply frame into the command's value; throws on a reply of the wrong type. */
export type ReplyParser<T> = (frame: Frame) => T;

/** A command waiting for its reply. `subscriber` is cleared when it unsubscribes. */
interface Pending {
  subscriber: Subscriber<unknown> | undefined;
  readonly parse: ReplyParser<unknown>;
}

export class Pipeline {
  private readonly pending = new Fifo<Pending>();
  /** Once set, the connection is unusable and every command fails with this. */
  private failure: ConnectionError | undefined;
  private closing = false;

  constructor(private readonly connection: Connection) {
    connection.replies$.subscribe({
      next: (batch) => this.deliver(batch),
      error: (err: ConnectionError) => this.fail(err),
      complete: () =>
        this.fail(
          new ConnectionError(
            this.closing
              ? `connection to ${connection.address} closed by the client`
              : `connection to ${connection.address} closed by the server`,
          ),
        ),
    });
  }

  /** How many commands are waiting for their replies (cancelled ones included). */
  get inFlight(): number {
    return this.pending.length;
  }

  /**
   * A cold Observable of one command: each subscription sends `args` and emits the
   * reply, parsed, then completes. An error reply errors with a RedisError.
   */
  command<T>(args: readonly Argument[], parse: ReplyParser<T>): Observable<T> {
    return new Observable<T>((subscriber) => {
      if (this.closing && this.failure === undefined) {
        subscriber.error(new ConnectionError(`the client is closed (connection to ${this.connection.address})`));
        return;
      }
      return this.send(args, parse, subscriber);
    });
  }

  /**
   * Closes the connection cleanly: QUIT is pipelined behind every command already
   * sent, so the server answers all of them, then +OK, then closes. Commands made
   * after this fail at once. Resolves when the socket is closed.
   */
  // Closing is itself a command in the pipeline: QUIT goes behind every request
  // already written, so the server answers all of them first (it runs requests in
  // order) and its +OK means "nothing more is coming": only then is our side closed.
  close(): Promise<void> {
    if (!this.closing) {
      this.closing = true;
      if (this.failure === undefined) {
        // QUIT through the same machinery as any command: its reply is our cue to close
        // our side too.
        const quit$ = new Observable<unknown>((subscriber) => this.send(['QUIT'], (frame) => frame, subscriber));
        quit$.subscribe({
          complete: () => this.connection.end(),
          error: () => this.connection.destroy(),
        });
      }
    }
    return this.connection.whenClosed();
  }

  /** Queues `subscriber` for the next free reply and writes the request. */
  private send(args: readonly Argument[], parse: ReplyParser<unknown>, subscriber: Subscriber<unknown>): () => void {
    if (this.failure !== undefined) {
      subscriber.error(this.failure);
      return () => undefined;
    }
    const pending: Pending = { subscriber, parse };
    this.pending.push(pending);
    this.connection.write(args);
    // The teardown: runs on unsubscribe, and also after complete/error (then harmlessly).
    return () => {
      pending.subscriber = undefined;
    };
  }

  /** Hands each reply of a batch to the oldest pending command, in one loop. */
  private deliver(batch: FrameBatch): void {
    for (const frame of batch) {
      if (frame instanceof ProtocolError) {
        return this.abort(`invalid reply from ${this.connection.address}: ${frame.message}`);
      }
      const pending = this.pending.shift();
      if (pending === undefined) {
        return this.abort(`reply from ${this.connection.address} with no command waiting for it`);
      }
      const subscriber = pending.subscriber;
      if (subscriber === undefined) continue; // unsubscribed: the reply is consumed, dropped
      pending.subscriber = undefined;
      // An error reply fails this command only: the connection is fine and the next
      // reply belongs to the next command. That is why it is a RedisError on this
      // Observable, and not a failure of the pipeline.
      if (frame.type === 'error') {
        subscriber.error(new RedisError(frame.value));
        continue;
      }
      let value: unknown;
      try {
        value = pending.parse(frame);
      } catch (err) {
        subscriber.error(err);
        continue;
      }
      // One value, then complete: the contract of a command Observable, which is what
      // lets firstValueFrom, forkJoin and concat treat it like any single-value source.
      subscriber.next(value);
      subscriber.complete();
    }
  }

  /** The reply stream cannot be trusted any more: close, and fail everything. */
  // A reply that cannot be parsed, or one with no command waiting, means the stream is
  // out of step: every later reply could go to the wrong command. There is no safe way
  // to resynchronise a RESP stream, so the connection is dropped and everyone told.
  private abort(message: string): void {
    this.fail(new ConnectionError(message));
    this.connection.destroy();
  }

  /** Every pending command errors with `err`, and so will every later one. */
  private fail(err: ConnectionError): void {
    this.failure ??= err;
    for (const pending of this.pending.drain()) pending.subscriber?.error(this.failure);
  }
}
