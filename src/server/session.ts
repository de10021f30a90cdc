// session(): one connection's protocol logic, as a function from streams to streams:
// batches of request frames in, lists of reply bytes out. No socket here, so it runs
// the same under a TCP connection and under TestScheduler's virtual time.
//
// Two streams are merged into the output:
//   replies$   each batch of requests, run synchronously in a plain loop, its replies
//              encoded into one write;
//   messages$  pub/sub: every channel this connection subscribes to is an Observable
//              from the Db, and they are merged with `mergeMap` (the stand-in for
//              Tokio's StreamMap), each one ended by `takeUntil` when that channel is
//              unsubscribed.
// Both write through one ReplyWriter, in program order, so a message can never
// overtake a reply written before it.

import { Observable, Subject, defer, filter, finalize, map, merge, mergeMap, takeUntil, takeWhile } from 'rxjs';
import type { Db, Message } from '../db/db';
import type { ConnectionContext } from '../commands/command';
import { execute } from '../commands';
import { ProtocolError } from '../protocol/errors';
import type { FrameBatch } from '../protocol/frames';
import { ReplyWriter } from '../protocol/encode';

/** A connection's state, as commands see it (ConnectionContext). */
class ConnectionState implements ConnectionContext {
  private readonly subscribed = new Set<string>();
  private readonly subscribe$ = new Subject<string>();
  private readonly unsubscribe$ = new Subject<string>();
  closing = false;

  /** The messages of every subscribed channel, merged. */
  readonly messages$: Observable<Message>;

  constructor(readonly db: Db) {
    this.messages$ = this.subscribe$.pipe(
      mergeMap((channel) =>
        db.subscribe(channel).pipe(takeUntil(this.unsubscribe$.pipe(filter((left) => left === channel)))),
      ),
    );
  }

  get subscriptionCount(): number {
    return this.subscribed.size;
  }

  subscribe(channel: string): number {
    if (!this.subscribed.has(channel)) {
      this.subscribed.add(channel);
      this.subscribe$.next(channel); // mergeMap subscribes to the channel right now
    }
    return this.subscribed.size;
  }

  unsubscribe(channel: string): number {
    if (this.subscribed.delete(channel)) this.unsubscribe$.next(channel); // takeUntil ends it
    return this.subscribed.size;
  }

  channels(): readonly string[] {
    return [...this.subscribed];
  }

  closeAfterReply(): void {
    this.closing = true;
  }

  /** Leaves every channel and completes the message stream. */
  end(): void {
    for (const channel of this.channels()) this.unsubscribe(channel);
    this.subscribe$.complete();
  }
}

/**
 * Runs one batch in a plain synchronous loop, writing the replies. Returns false when
 * the connection must close after this batch (QUIT, or a protocol error); requests
 * after that point are not run, as in Redis.
 */
function runBatch(batch: FrameBatch, state: ConnectionState, writer: ReplyWriter): boolean {
  for (const request of batch) {
    if (request instanceof ProtocolError) {
      writer.write({ type: 'error', value: request.reply });
      return false;
    }
    const replies = execute(request, state);
    if (Array.isArray(replies)) for (const reply of replies) writer.write(reply);
    else writer.write(replies as Exclude<typeof replies, readonly unknown[]>);
    if (state.closing) return false;
  }
  return true;
}

// A published message reaches every subscriber in the same synchronous loop, so
// remembering the last encoding makes a fan-out to N subscribers encode once, not N times.
let lastMessage: Message | undefined;
let lastEncoded: Buffer | undefined;
function encodeMessage(message: Message): Buffer {
  if (message !== lastMessage || lastEncoded === undefined) {
    const channel = Buffer.from(message.channel, 'latin1');
    const body = message.message;
    lastEncoded = Buffer.concat([
      Buffer.from(`*3\r\n$7\r\nmessage\r\n$${channel.length}\r\n`, 'latin1'),
      channel,
      Buffer.from(`\r\n$${body.length}\r\n`, 'latin1'),
      body,
      Buffer.from('\r\n', 'latin1'),
    ]);
    lastMessage = message;
  }
  return lastEncoded;
}

/** One connection: request batches in, reply bytes out (one list of buffers per write). */
export function session(db: Db, batches$: Observable<FrameBatch>): Observable<readonly Buffer[]> {
  return defer(() => {
    const state = new ConnectionState(db);
    const writer = new ReplyWriter();

    const replies$ = batches$.pipe(
      map((batch) => runBatch(batch, state, writer)),
      takeWhile((keepGoing) => keepGoing, true), // inclusive: the last batch's replies still go out
      map(() => writer.take()),
      // However the input ends (client gone, QUIT, shutdown), leave every channel:
      // this completes messages$, and with it the merged output.
      finalize(() => state.end()),
    );

    const messages$ = state.messages$.pipe(
      map((message) => {
        writer.raw(encodeMessage(message));
        return writer.take();
      }),
    );

    return merge(replies$, messages$).pipe(filter((buffers) => buffers.length > 0));
  });
}
