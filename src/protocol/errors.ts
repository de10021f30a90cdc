// Protocol errors are values, not exceptions: malformed input is expected on a network
// server, so the decoder returns a ProtocolError and the connection answers it with
// Redis's reply (`-ERR Protocol error: ...`) and then closes, as Redis does.

/** A violation of the wire protocol. `message` is Redis's text, without the `ERR ` code. */
export class ProtocolError {
  /** Tells a ProtocolError from a decoded step without `instanceof`. */
  readonly kind = 'error' as const;
  /** @param message Redis's text, e.g. `Protocol error: invalid multibulk length`. */
  constructor(readonly message: string) {}

  /** The error reply Redis sends before closing the connection. */
  get reply(): string {
    return `ERR ${this.message}`;
  }
}

export const isProtocolError = (value: unknown): value is ProtocolError =>
  value instanceof ProtocolError;

// Redis 7's limits, from server.h and config.c: they are checked before any
// allocation, so a declared length can never make the server reserve memory.

// Why check before allocating: a request header like `$2000000000` costs a client
// twelve bytes to send; if the server believed it and reserved the memory, twelve bytes
// would be enough to exhaust it. Redis refuses such headers first, and so do we.
/** `proto-max-bulk-len`: the largest bulk string a client may send (512 MB). */
export const MAX_BULK_LENGTH = 512 * 1024 * 1024;
/** `PROTO_INLINE_MAX_SIZE`: the longest inline command or length line (64 KB). */
export const MAX_INLINE_SIZE = 64 * 1024;
/** Redis accepts a multibulk count up to INT_MAX. */
export const MAX_MULTIBULK_LENGTH = 2 ** 31 - 1;
