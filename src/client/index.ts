// The client library's public face: connect() and what its Client returns.

export { Client, connect } from './client';
export type { SetOptions } from './client';
export type { ConnectOptions } from './connection';
export { ConnectionError, RedisError } from './errors';
export { MessageStream } from './message-stream';
export type { ChannelMessage } from './pubsub';
export type { Argument } from './request-writer';
