// The client library: `connect()` and the Client, the counterpart of mini-redis's
// client.rs. Where mini-redis exposes `async fn`s, this client exposes COLD
// Observables: each command is sent when (and each time) it is subscribed to, emits
// one value, and completes; an error reply is the Observable's error (RedisError).
//
//   const client = await connect({ port: 6379 });
//   await firstValueFrom(client.set('hello', 'world'));
//   const value = await firstValueFrom(client.getString('hello'));   // 'world'
//   client.get('a').subscribe(...); client.get('b').subscribe(...);  // pipelined
//   await client.close();
//
// Why is connect() a Promise and not an Observable? Opening a connection is a one-off
// step whose result (the client) is then used many times: exactly what a Promise
// models, and what `await` makes readable. Commands are the stream-shaped part: they
// compose (`forkJoin`, `concatMap`, `retry`, `timeout`), they can be cancelled, and a
// command Observable that is never subscribed sends nothing. A caller who wants the
// connection inside a pipeline still can: `from(connect())`.
//
// RxJS patterns, file by file: cold command Observables and in-order reply matching
// (pipeline.ts), per-turn write batching (request-writer.ts), refCount-shared channel
// subscriptions (pubsub.ts), a dynamic merge of channels (message-stream.ts).

import { Observable, map } from 'rxjs';
import type { Frame } from '../protocol/frame';
import { Connection, type ConnectOptions } from './connection';
import { MessageStream } from './message-stream';
import { Pipeline, type ReplyParser } from './pipeline';
import { PubSub } from './pubsub';
import type { Argument } from './request-writer';

/** SET's expiry options, as {@link Client.set} takes them. Give one or neither. */
export interface SetOptions {
  /** Expire after this many seconds (SET ... EX). */
  readonly ex?: number;
  /** Expire after this many milliseconds (SET ... PX). */
  readonly px?: number;
}

// Why parse replies at all, rather than hand out Frames: a typed Observable
// (`Observable<Buffer | null>` for GET) is what makes the client pleasant in a pipe:
// `map(v => v?.toString())` type-checks. A reply of an unexpected type is a bug (in the
// server or in this table), so it errors the command's Observable instead of leaking
// an odd value downstream.
// Reply parsers: each command knows the reply types Redis may answer it with.

function unexpected(command: string, frame: Frame): never {
  throw new TypeError(`unexpected reply to ${command}: ${frame.type} frame`);
}

const bytesReply =
  (command: string): ReplyParser<Buffer> =>
  (frame) => {
    if (frame.type === 'bulk') return frame.value;
    if (frame.type === 'simple') return Buffer.from(frame.value, 'latin1');
    return unexpected(command, frame);
  };

const nullableBytesReply: ReplyParser<Buffer | null> = (frame) => {
  if (frame.type === 'bulk') return frame.value;
  if (frame.type === 'null') return null;
  return unexpected('GET', frame);
};

const okReply: ReplyParser<'OK'> = (frame) => {
  if (frame.type === 'simple' && frame.value === 'OK') return 'OK';
  return unexpected('SET', frame);
};

const integerReply =
  (command: string): ReplyParser<number> =>
  (frame) => {
    // Counts fit a double; a bigint (a 64-bit value kept exact) is converted.
    if (frame.type === 'integer') return Number(frame.value);
    return unexpected(command, frame);
  };

const pingReply = bytesReply('PING');
const publishReply = integerReply('PUBLISH');
const anyReply: ReplyParser<Frame> = (frame) => frame;

/**
 * A connection to a Redis server whose commands are cold Observables: each one is sent
 * when (and each time) it is subscribed to, emits the reply and completes. Commands in
 * flight at the same time are pipelined on the one connection. Get one from
 * {@link connect}.
 *
 * @example
 * ```ts
 * const client = await connect({ port: 6379 });
 * await firstValueFrom(client.set('hello', 'world', { px: 5000 }));
 * const value = await firstValueFrom(client.getString('hello')); // 'world'
 * const [a, b] = await firstValueFrom(forkJoin([client.get('a'), client.get('b')])); // pipelined
 * await client.close();
 * ```
 */
export class Client {
  private readonly pipeline: Pipeline;
  private readonly pubsub: PubSub;

  /**
   * Use `connect()`; the constructor takes an already open connection.
   * @internal
   */
  constructor(connection: Connection, options: ConnectOptions = {}) {
    this.pipeline = new Pipeline(connection);
    this.pubsub = new PubSub(options);
  }

  /** PING [message]: emits `PONG`, or the message echoed back, as bytes. */
  ping(message?: Argument): Observable<Buffer> {
    return this.pipeline.command(message === undefined ? ['PING'] : ['PING', message], pingReply);
  }

  /** GET key: emits the value as bytes, or null if the key does not exist. */
  get(key: Argument): Observable<Buffer | null> {
    return this.pipeline.command(['GET', key], nullableBytesReply);
  }

  /** GET key, the value decoded as text (UTF-8 unless told otherwise). */
  getString(key: Argument, encoding: BufferEncoding = 'utf8'): Observable<string | null> {
    return this.get(key).pipe(map((value) => (value === null ? null : value.toString(encoding))));
  }

  /**
   * SET key value [EX seconds | PX milliseconds]: emits 'OK'. Invalid expiry times are
   * refused by the server, and arrive as a RedisError.
   */
  set(key: Argument, value: Argument, options: SetOptions = {}): Observable<'OK'> {
    const args: Argument[] = ['SET', key, value];
    if (options.ex !== undefined) args.push('EX', String(options.ex));
    if (options.px !== undefined) args.push('PX', String(options.px));
    return this.pipeline.command(args, okReply);
  }

  /** PUBLISH channel message: emits the number of subscribers that received it. */
  publish(channel: Argument, message: Argument): Observable<number> {
    return this.pipeline.command(['PUBLISH', channel, message], publishReply);
  }

  /**
   * Any command, e.g. `call('SET', 'k', 'v', 'NX')`: emits the reply as a Frame (an
   * error reply is still a RedisError). Not for SUBSCRIBE, which needs subscribe().
   */
  call(...args: [Argument, ...Argument[]]): Observable<Frame> {
    return this.pipeline.command(args, anyReply);
  }

  /**
   * The messages published to `channels`, over the client's dedicated subscriber
   * connection (opened with the first subscription). The returned stream can gain and
   * lose channels while observed; see MessageStream.
   */
  // Returns at once, synchronously: a MessageStream is cold, like a command. The
  // dedicated subscriber connection is opened by its first observer, not here.
  subscribe(...channels: string[]): MessageStream {
    return new MessageStream(this.pubsub, channels);
  }

  /**
   * Closes the client. Commands already sent still get their replies (QUIT is
   * pipelined behind them); later ones fail with a ConnectionError. Message streams
   * complete. Resolves once every connection is closed.
   */
  // A Promise, not an Observable: closing is a one-off step whose completion a caller
  // awaits (typically in a test's afterAll), and it must run even if nobody subscribes.
  async close(): Promise<void> {
    await Promise.all([this.pipeline.close(), this.pubsub.close()]);
  }
}

/**
 * Connects to a Redis server (default 127.0.0.1:6379). Rejects with a ConnectionError
 * naming host:port when the server cannot be reached.
 */
export async function connect(options: ConnectOptions = {}): Promise<Client> {
  const connection = await Connection.open(options);
  return new Client(connection, options);
}
