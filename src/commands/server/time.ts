// TIME: the server's clock as [unix seconds, microseconds], two bulk strings.
//
// It reads the Db's clock (its scheduler's now()), the same clock that expires keys,
// so a client computing EXPIREAT from TIME agrees with the server; under a
// TestScheduler it is virtual time. That clock counts milliseconds, so the
// microseconds are whole milliseconds times 1000.

import { array, bulk } from '../../protocol/frame';
import { CommandSpec, rawArguments } from '../command';

export const time: CommandSpec = {
  name: 'time',
  arity: 1,
  flags: ['loading', 'stale', 'fast'],
  categories: ['@fast'],
  summary: 'Return the current server time',
  since: '2.6.0',
  group: 'server',
  parse: rawArguments,
  apply(_args, { db }) {
    // The scheduler itself, not db.now(): a script holds the Db's expiry clock still, but
    // TIME inside a script still moves, as Redis's gettimeofday does.
    const ms = Math.floor(db.scheduler.now());
    return array([bulk(String(Math.floor(ms / 1000))), bulk(String((ms % 1000) * 1000))]);
  },
};
