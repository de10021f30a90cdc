// The client library's public face: connect() and what its Client returns.

// Only what a user of the client touches is exported: connect() and the Client, the two
// error classes (to tell them apart in catchError), MessageStream (what subscribe()
// returns) and the option and message types. Pipeline, PubSub and Connection are how
// it works, not what it offers, and stay private to this folder.

export { Client, connect } from './client';
export type { SetOptions } from './client';
export type { ConnectOptions } from './connection';
export { ConnectionError, RedisError } from './errors';
export { MessageStream } from './message-stream';
export type { ChannelMessage } from './pubsub';
export type { Argument } from './request-writer';
