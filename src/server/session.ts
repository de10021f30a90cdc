// session(): one connection's protocol logic, as a function from streams to streams:
// batches of request frames in, lists of reply bytes out. No socket here, so it runs
// the same under a TCP connection and under TestScheduler's virtual time.
//
// Two streams are merged into the output:
//   replies$   each batch of requests, run synchronously in a plain loop, its replies
//              encoded into one write; batches go through `concatSync` (concatMap's
//              order, see concat-sync.ts), one at a time,
//              so that a blocking command (BLPOP on an empty list) that answers with
//              an Observable holds the connection's later commands until it emits,
//              while every other connection runs;
//   messages$  pub/sub: every channel this connection subscribes to is an Observable
//              (of message batches) from the Db, and they are merged with `mergeMap`
//              (the stand-in for Tokio's StreamMap), each one ended by `takeUntil` when
//              that channel is unsubscribed.
// Both write through one ReplyWriter, in program order, so a message can never
// overtake a reply written before it.
//
// A protocol error is answered and ends the connection, as in Redis; the one exception
// is a query buffer over client-query-buffer-limit, which Redis closes without a word
// (and logs).

import {
  Observable,
  ReplaySubject,
  Subject,
  concat,
  concatMap,
  defer,
  filter,
  finalize,
  map,
  merge,
  mergeMap,
  of,
  takeUntil,
  takeWhile,
  tap,
} from 'rxjs';
import type { Db, Message } from '../db/db';
import type { ConnectionContext, Replies } from '../commands/command';
import { ClientInfo, ServerState } from '../commands/server-state';
import { execute } from '../commands';
import { TransactionState } from '../commands/transactions/state';
import type { ConnectionAuth } from '../commands/connection/authentication';
import { ProtocolError } from '../protocol/errors';
import type { Frame } from '../protocol/frame';
import type { FrameBatch } from '../protocol/frames';
import { QueryBufferLimitError } from '../protocol/request';
import { ProtocolVersion, ReplyWriter } from '../protocol/encode';
import { log } from '../log';
import { alreadyCounted } from '../commands/counted-errors';
import { concatSync } from './concat-sync';

/** What one connection listens to: a channel, or a pattern. */
interface Subscription {
  /** `channel:` or `pattern:` plus the name, so a channel and a pattern never collide. */
  readonly key: string;
  readonly messages$: Observable<readonly Message[]>;
}

/**
 * All of a connection's subscriptions, channels and patterns alike, and the merged
 * stream of their messages: each one is an Observable from the Db, added with mergeMap
 * and ended by takeUntil when it is removed. One mergeMap for both kinds keeps a
 * message's trip from the Db's Subject to the socket short.
 */
class Subscriptions {
  private readonly added$ = new Subject<Subscription>();
  private readonly removed$ = new Subject<string>();
  readonly messages$: Observable<readonly Message[]> = this.added$.pipe(
    mergeMap(({ key, messages$ }) => messages$.pipe(takeUntil(this.removed$.pipe(filter((left) => left === key))))),
  );

  /** The names of one kind (channels, or patterns), as a set. */
  kind(prefix: string, source: (name: string) => Observable<readonly Message[]>): SubscriptionSet {
    return new SubscriptionSet(prefix, source, this.added$, this.removed$);
  }

  /** Completes the message stream (call once every set has been emptied). */
  end(): void {
    this.added$.complete();
  }
}

/** The channels (or the patterns) a connection is subscribed to. */
class SubscriptionSet {
  private readonly names = new Set<string>();

  constructor(
    private readonly prefix: string,
    private readonly source: (name: string) => Observable<readonly Message[]>,
    private readonly added$: Subject<Subscription>,
    private readonly removed$: Subject<string>,
  ) {}

  get size(): number {
    return this.names.size;
  }

  add(name: string): void {
    if (this.names.has(name)) return;
    this.names.add(name);
    this.added$.next({ key: this.prefix + name, messages$: this.source(name) }); // mergeMap subscribes now
  }

  remove(name: string): void {
    if (this.names.delete(name)) this.removed$.next(this.prefix + name); // takeUntil ends it
  }

  list(): string[] {
    return [...this.names];
  }

  clear(): void {
    for (const name of this.list()) this.remove(name);
  }
}

/** A connection's state, as commands see it (ConnectionContext). */
class ConnectionState implements ConnectionContext {
  private readonly subscriptions = new Subscriptions();
  private readonly channelSubscriptions: SubscriptionSet;
  private readonly patternSubscriptions: SubscriptionSet;
  closing = false;
  /** Fires once the connection's input has ended: blocked commands stop waiting (a replay, for waits begun later). */
  readonly ended$ = new ReplaySubject<void>(1);

  /** The messages of every subscribed channel and pattern, merged (in batches). */
  readonly messages$: Observable<readonly Message[]>;
  /** MULTI's queue and the WATCHed keys (commands/transactions/state.ts). */
  readonly transaction: TransactionState;

  constructor(
    readonly db: Db,
    readonly server: ServerState,
    readonly client: ClientInfo,
    private readonly writer: ReplyWriter,
    /** The login state, when the server may require a password. */
    readonly auth: ConnectionAuth | undefined,
    /** The decoder's re-check of requests let through before a pending AUTH ran. */
    readonly uncheckedBeforeAuth: ((request: Frame) => ProtocolError | undefined) | undefined,
  ) {
    this.channelSubscriptions = this.subscriptions.kind('channel:', (channel) => db.subscribe(channel));
    this.patternSubscriptions = this.subscriptions.kind('pattern:', (pattern) => db.psubscribe(pattern));
    this.messages$ = this.subscriptions.messages$;
    this.transaction = new TransactionState(db, client);
  }

  get subscriptionCount(): number {
    return this.channelSubscriptions.size + this.patternSubscriptions.size;
  }

  private counted(): number {
    this.client.subscriptions = this.channelSubscriptions.size;
    this.client.patternSubscriptions = this.patternSubscriptions.size;
    return this.subscriptionCount;
  }

  subscribe(channel: string): number {
    this.channelSubscriptions.add(channel);
    return this.counted();
  }

  unsubscribe(channel: string): number {
    this.channelSubscriptions.remove(channel);
    return this.counted();
  }

  channels(): readonly string[] {
    return this.channelSubscriptions.list();
  }

  psubscribe(pattern: string): number {
    this.patternSubscriptions.add(pattern);
    return this.counted();
  }

  punsubscribe(pattern: string): number {
    this.patternSubscriptions.remove(pattern);
    return this.counted();
  }

  patterns(): readonly string[] {
    return this.patternSubscriptions.list();
  }

  get protocol(): ProtocolVersion {
    return this.writer.protocol;
  }

  setProtocol(version: ProtocolVersion): void {
    this.writer.protocol = version;
    this.client.protocol = version;
  }

  closeAfterReply(): void {
    this.closing = true;
  }

  /** Leaves every channel and pattern and completes the message stream. */
  end(): void {
    // A gone client's watches leave the Db's index (Redis: freeClient unwatches).
    this.transaction.discard();
    this.channelSubscriptions.clear();
    this.patternSubscriptions.clear();
    this.subscriptions.end();
  }
}

/** A batch's run, once the whole batch is done: true to go on, false to close after it. */
const GO_ON = true;
const CLOSE = false;
const GO_ON$ = of(GO_ON);
const CLOSE$ = of(CLOSE);

/**
 * Runs a batch from request `from` on, in a plain synchronous loop, writing the replies.
 * Emits true when the connection goes on, false when it must close after this batch
 * (QUIT, or a protocol error): requests after that point are not run, as in Redis.
 *
 * Usually all of it runs at once, and the answer is a plain boolean (nothing allocated). A blocking command that has to wait splits the batch: the replies
 * so far go out (a first `true`), the wait is subscribed, and when it emits, its reply is
 * written and the rest of the batch runs from the next request, the same way. The
 * session's `concatSync` (concatMap's order) holds the connection's later batches until all of it is done:
 * a blocked client's pipelined commands wait behind it, as in Redis.
 */
function runBatch(batch: FrameBatch, from: number, state: ConnectionState, writer: ReplyWriter): boolean | Observable<boolean> {
  state.client.lastActivity = Date.now(); // CLIENT LIST's idle, and the idle timeout's clock
  // Only a client that has to log in can hold requests the decoder let through early
  // (see requestDecoder); for everyone else this is one field read per batch.
  const recheck = state.auth?.required === true ? state.uncheckedBeforeAuth : undefined;
  for (let i = from; i < batch.length; i++) {
    const request = batch[i];
    if (request instanceof ProtocolError) {
      if (request instanceof QueryBufferLimitError) {
        const { client } = state;
        log.warn(`Closing client that reached max query buffer length: id=${client.id} addr=${client.address} qbuf=${request.pending}`);
      } else writer.write({ type: 'error', value: request.reply });
      return CLOSE;
    }
    if (recheck !== undefined && state.auth!.required) {
      const violation = recheck(request);
      if (violation !== undefined) {
        writer.write({ type: 'error', value: violation.reply });
        return CLOSE;
      }
    }
    const replies = executeSafely(request, state);
    // Clients blocked on keys this command made ready are served now that it is done,
    // before this connection's next command (Redis: handleClientsBlockedOnKeys).
    if (state.db.blocked.pending) state.db.serveBlocked();
    if (replies instanceof Observable) return concat(GO_ON$, waitThenRun(replies, batch, i + 1, state, writer));
    writeReplies(replies, state, writer);
    if (state.closing) return CLOSE;
  }
  return GO_ON;
}

/**
 * execute(), with a bug in a command turned into an error reply: the client gets an
 * answer for every request, in order, and the connection and every other go on.
 */
function executeSafely(request: Frame, state: ConnectionState): Replies | Observable<Replies> {
  try {
    return execute(request, state);
  } catch (error) {
    log.error(`a command threw: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    return { type: 'error', value: 'ERR internal error (see the server log)' };
  }
}

/** A blocked command's reply, once it comes, then the rest of the batch. */
// takeUntil(ended$): a client that goes away (or a server shutting down) while blocked
// stops waiting, and the wait's teardown takes it out of every key's queue.
function waitThenRun(
  reply$: Observable<Replies>,
  batch: FrameBatch,
  next: number,
  state: ConnectionState,
  writer: ReplyWriter,
): Observable<boolean> {
  return reply$.pipe(
    takeUntil(state.ended$),
    concatMap((replies) => {
      // A command that waited for a resource rather than a key (EVAL while the Lua
      // engine loads) may have written: the clients it made ready are served first.
      if (state.db.blocked.pending) state.db.serveBlocked();
      writeReplies(replies, state, writer);
      if (state.closing) return CLOSE$;
      const rest = runBatch(batch, next, state, writer);
      return typeof rest === 'boolean' ? (rest ? GO_ON$ : CLOSE$) : rest;
    }),
  );
}

function writeReplies(replies: Replies, state: ConnectionState, writer: ReplyWriter): void {
  // A subscribed connection receives messages in their place among its replies: as
  // in Redis, a reply follows the messages published before it (by others earlier in
  // this turn, or by this very command, to itself). So what is queued is delivered
  // now, before the reply is written. (Joining or leaving a channel delivers the
  // queue too, in the Db: that covers SUBSCRIBE and UNSUBSCRIBE themselves.)
  if (state.subscriptionCount > 0) state.db.deliver();
  if (Array.isArray(replies)) {
    for (const reply of replies) {
      if (reply.type === 'error') countError(reply, state);
      writer.write(reply);
    }
  } else {
    const reply = replies as Exclude<typeof replies, readonly unknown[]>;
    if (reply.type === 'error') countError(reply, state);
    writer.write(reply);
  }
}

/** INFO errorstats: an error reply is counted as it is written, unless it was already (see counted-errors.ts). */
function countError(reply: Extract<Frame, { type: 'error' }>, state: ConnectionState): void {
  if (!alreadyCounted(reply)) state.server.countError(reply.value);
}

// A batch reaches every subscriber of its channel in the same synchronous loop, so
// remembering the last encoding makes a fan-out to N subscribers encode once, not N
// times. It is kept as the one-element list the writer takes, so that each of the N
// deliveries allocates nothing at all.
let lastBatch: readonly Message[] | undefined;
const lastEncoded: Record<ProtocolVersion, readonly Buffer[] | undefined> = { 2: undefined, 3: undefined };
function encodeBatch(batch: readonly Message[], protocol: ProtocolVersion): readonly Buffer[] {
  if (batch !== lastBatch) {
    lastBatch = batch;
    lastEncoded[2] = lastEncoded[3] = undefined;
  }
  let encoded = lastEncoded[protocol];
  if (encoded === undefined) {
    const buffers: Buffer[] = [];
    for (const message of batch) {
      // ["message", channel, body] or ["pmessage", pattern, channel, body]: an array in
      // RESP2, a push frame (out of band) in RESP3.
      const parts = message.pattern === undefined ? ['message'] : ['pmessage', message.pattern];
      const head = `${protocol === 3 ? '>' : '*'}${parts.length + 2}\r\n`;
      const strings = [...parts, message.channel].map((part) => `$${part.length}\r\n${part}\r\n`).join('');
      buffers.push(Buffer.from(`${head}${strings}$${message.message.length}\r\n`, 'latin1'), message.message, CRLF);
    }
    encoded = [Buffer.concat(buffers)];
    lastEncoded[protocol] = encoded;
  }
  return encoded;
}
const CRLF = Buffer.from('\r\n', 'latin1');

export interface SessionOptions {
  /** Server-wide state (clients, stats, config). Default: a fresh one. */
  readonly server?: ServerState;
  /** This connection's entry in the server's client list. Default: a new one. */
  readonly client?: ClientInfo;
  /** Its login state (AUTH). Default: none, as on a server without a password. */
  readonly auth?: ConnectionAuth;
  /** From the connection's RequestDecoder: see runBatch. */
  readonly uncheckedBeforeAuth?: (request: Frame) => ProtocolError | undefined;
}

/** One connection: request batches in, reply bytes out (one list of buffers per write). */
export function session(db: Db, batches$: Observable<FrameBatch>, options: SessionOptions = {}): Observable<readonly Buffer[]> {
  // defer(): the connection's state (its writer, its subscriptions, its client entry)
  // is created per subscription, not when session() is called. session() returns a
  // recipe, and each subscriber to it is a connection of its own.
  return defer(() => {
    const server = options.server ?? new ServerState();
    const client = options.client ?? server.connect('', '', () => undefined);
    const writer = new ReplyWriter();
    const state = new ConnectionState(db, server, client, writer, options.auth, options.uncheckedBeforeAuth);

    // Request/reply, as a pipeline of plain operators: run the batch (synchronously,
    // replies go into the writer), stop after a batch that ends the connection, hand
    // the batch's encoded replies downstream as one list, clean up at the end.
    const replies$ = batches$.pipe(
      // The input's end is announced before concatSync waits for a blocked command: a
      // client gone while blocked stops waiting (see waitThenRun).
      tap({ complete: () => state.ended$.next(), error: () => state.ended$.next() }),
      // concatMap's order, not mergeMap's: one batch at a time. A batch that blocks
      // holds the ones after it until its wait is over. concatSync (concat-sync.ts) is
      // concatMap for a project that nearly always answers at once: no inner
      // Observable per batch on the hot path.
      concatSync((batch) => runBatch(batch, 0, state, writer)),
      takeWhile((keepGoing) => keepGoing, true), // inclusive: the last batch's replies still go out
      map(() => writer.take()),
      // A batch that produced no bytes (a lone empty line) is not written at all.
      filter((buffers) => buffers.length > 0),
      // However the input ends (client gone, QUIT, shutdown), leave every channel:
      // this completes messages$, and with it the merged output.
      finalize(() => {
        state.end();
        server.disconnect(client);
      }),
    );

    const messages$ = state.messages$.pipe(
      map((batch): readonly Buffer[] => {
        const encoded = encodeBatch(batch, writer.protocol);
        // Usually nothing else is pending: hand over the shared encoding as it is. Only
        // messages delivered while this connection runs its own requests (it is
        // subscribed: see runBatch) arrive mid-batch, and must then queue behind the
        // replies already written.
        if (writer.length === 0) return encoded;
        writer.raw(encoded[0]);
        return writer.take();
      }),
    );

    // merge(): replies and pub/sub messages share one output, in the order they were
    // produced (everything here is synchronous, so "produced" is program order). It
    // completes when both have: the input ended AND every channel was left, which
    // finalize() above guarantees.
    return merge(replies$, messages$);
  });
}
