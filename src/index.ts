// The public API of mini-redis-rx.

//
// Three audiences, three layers, each usable without the others:
//
// - An app's tests want a Redis: `startServer()` (a Promise-based handle over the
//   server Observable) and, for those who compose streams, `server()` itself.
// - A client of a Redis server: `connect()` and the `Client`, whose commands are cold
//   Observables, and `MessageStream` for pub/sub.
// - Readers and tinkerers who want the machinery: `session()` (one connection as a
//   function from request batches to reply bytes), `frames()` (the scan-based framing
//   operator) and the decoders, the `Db`, and the Frame vocabulary. They are exported
//   because the lessons (examples/lessons/) and anyone's own experiments drive them
//   directly, with marbles, without a socket.
//
// Everything exported here is documented for TypeDoc (`npm run docs`); what is not
// exported (the command registry, the server's connection book, the client's
// Connection) is internal and may change.

export { startServer } from './server/run';
export { ShutdownTimeoutError } from './server/shutdown';
export type { RunningServer, StartOptions } from './server/run';
export { server, serverDb, DEFAULT_PORT, DEFAULT_HOST, DEFAULT_MAX_CONNECTIONS } from './server/server';
export type { ServerOptions } from './server/server';
export { session } from './server/session';
export { Db } from './db/db';
export type { DbOptions, Expiry, Message } from './db/db';
export type { Frame } from './protocol/frame';
export { simple, error, integer, bulk, array, command, NULL, NULL_ARRAY, OK } from './protocol/frame';
export { decode } from './protocol/decode';
export type { DecodeStep, Decoder } from './protocol/decode';
export { decodeRequest } from './protocol/request';
export { encode, ReplyWriter } from './protocol/encode';
export { frames } from './protocol/frames';
export { ChunkedBulk } from './protocol/chunked-bulk';
export type { FrameBatch } from './protocol/frames';
export { ProtocolError } from './protocol/errors';
export { log } from './log';
export { Client, connect, ConnectionError, RedisError, MessageStream } from './client';
export type { ChannelMessage, ConnectOptions, SetOptions, Argument } from './client';
