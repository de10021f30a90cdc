// DEBUG SLEEP <seconds>: stop the whole server for that long (decimals allowed), as
// Redis does: its nanosleep blocks its one thread, so no client is served meanwhile.
// Node has one thread too, and Atomics.wait on a private SharedArrayBuffer blocks it
// the same way, without burning the CPU in a busy loop. Tests use it to make commands
// from several clients pile up and then run in one go.
//
// The argument is read as C's strtod reads it: the longest numeric prefix, and 0 for
// none at all ("abc" sleeps 0 seconds and still answers OK).

import { OK } from '../../../protocol/frame';
import { type DebugSubcommand, exactly } from './subcommand';

const NUMERIC_PREFIX = /^\s*[+-]?(?:inf(?:inity)?|nan|(?:\d+\.?\d*|\.\d+)(?:e[+-]?\d+)?)/i;

/** strtod's reading of `text`: the value of its longest numeric prefix, or 0. */
export function strtod(text: string): number {
  const match = NUMERIC_PREFIX.exec(text);
  if (match === null) return 0;
  const word = match[0].trim().toLowerCase().replace(/^\+/, '');
  if (/^-?inf/.test(word)) return word.startsWith('-') ? -Infinity : Infinity;
  return Number(word);
}

/** Blocks the thread for `ms` milliseconds (the whole server: nothing else runs meanwhile). */
function blockFor(ms: number): void {
  if (!(ms > 0)) return;
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

export const debugSleep: DebugSubcommand = {
  name: 'sleep',
  accepts: exactly(3),
  run(args) {
    // Redis converts to whole microseconds (a long long) before sleeping.
    const micros = Math.trunc(strtod(args[0].toString('latin1')) * 1e6);
    blockFor(Math.min(micros, 2 ** 31 - 1) / 1000);
    return OK;
  },
};
