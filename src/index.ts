// The public API of mini-redis-rx.

export { startServer } from './server/run';
export type { RunningServer, StartOptions } from './server/run';
export { server, DEFAULT_PORT, DEFAULT_HOST, DEFAULT_MAX_CONNECTIONS } from './server/server';
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
export type { FrameBatch } from './protocol/frames';
export { ProtocolError } from './protocol/errors';
export { log } from './log';
export { Client, connect, ConnectionError, RedisError, MessageStream } from './client';
export type { ChannelMessage, ConnectOptions, SetOptions, Argument } from './client';
