// Logging, through loglevel. The level comes from the LOG_LEVEL environment variable
// (as mini-redis takes RUST_LOG) or from the CLIs' --log-level flag. A library user who
// sets neither hears only warnings: an embedded test server stays quiet.

import loglevel from 'loglevel';

export type LogLevel = 'trace' | 'debug' | 'info' | 'warn' | 'error' | 'silent';

const LEVELS: readonly LogLevel[] = ['trace', 'debug', 'info', 'warn', 'error', 'silent'];

export const isLogLevel = (value: string): value is LogLevel => (LEVELS as readonly string[]).includes(value);

/** The project's logger. */
export const log = loglevel.getLogger('mini-redis-rx');

const fromEnv = process.env.LOG_LEVEL?.toLowerCase();
log.setLevel(fromEnv !== undefined && isLogLevel(fromEnv) ? fromEnv : 'warn', false);

/** Sets the level, unless LOG_LEVEL was given (the environment wins, as with RUST_LOG). */
export function setDefaultLogLevel(level: LogLevel): void {
  if (fromEnv === undefined || !isLogLevel(fromEnv)) log.setLevel(level, false);
}
