// The two ways a command can fail, as two Error classes, so a caller can tell them
// apart with `instanceof` inside `catchError`:
//
// - RedisError: the server understood the request and refused it (`-ERR ...`). The
//   connection is fine; only this one command failed.
// - ConnectionError: the connection could not be opened, or was lost, or the client
//   was closed. Every command still waiting fails with it, and so does every later one.
//
// Both reach the caller the RxJS way: as the `error` notification of the command's
// Observable, never as a thrown exception, because they are expected events of a
// network client, not bugs.

/** An error reply from the server. `message` is the server's text, e.g. `ERR syntax error`. */
export class RedisError extends Error {
  /** Always `RedisError`, so logs and `err.name` checks can tell it apart. */
  override readonly name = 'RedisError';
  /** The first word of the message, Redis's error code: `ERR`, `WRONGTYPE`, ... */
  // The code lets a caller branch without parsing text: `err.code === 'WRONGTYPE'`.
  readonly code: string;

  constructor(message: string) {
    super(message);
    const space = message.indexOf(' ');
    this.code = space === -1 ? message : message.slice(0, space);
  }
}

/** The connection could not be opened, was lost, or the client was closed. */
export class ConnectionError extends Error {
  /** Always `ConnectionError`. */
  override readonly name = 'ConnectionError';

  /**
   * @param message says what happened and names the server's `host:port`.
   * @param code the system error code, when there is one (`ECONNREFUSED`, `ECONNRESET`).
   */
  constructor(
    message: string,
    readonly code?: string,
  ) {
    super(message);
  }
}
