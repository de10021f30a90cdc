// The Redis version this server speaks for, in HELLO's reply and INFO's redis_version.
// Clients read it to decide which commands and options they may use, so it must name
// the Redis whose behaviour we copy byte for byte: 7.0.15, the oracle of the
// differential tests. (CLIENT SETINFO, from 7.2, is accepted too, because clients send
// it on every connect and ignore the answer.)

export const REDIS_VERSION = '7.0.15';
