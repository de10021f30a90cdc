// The DEBUG subcommands that flip a switch of Redis's internals.
//
// - SET-ACTIVE-EXPIRE <0|1>: stops (0) or restarts (any other number) the background
//   expiry, so that expired keys stay in memory until touched (db/active-expiry.ts);
//   lazy expiry goes on, as in Redis.
//
// - SET-DISABLE-DENY-SCRIPTS <0|1>: lets scripts call commands flagged `noscript`
//   (Redis's test suite uses it to call DEBUG PROTOCOL and CLIENT from a script); see
//   commands/script-call.ts.
//
// The others flip a switch this server does not have, and answer OK as Redis does, so
// that test suites that set and reset them around a test run the test itself:
//
// - PAUSE-CRON <0|1>: stops Redis's periodic serverCron. There is no cron here (expiry
//   is one scheduled action, client timeouts one sweep).
// - SET-SKIP-CHECKSUM-VALIDATION, AOF-FLUSH-SLEEP: persistence knobs; there is no
//   persistence yet.
//
// Redis reads their argument with atoi and never refuses it; nor does this.

import { OK } from '../../../protocol/frame';
import { type DebugSubcommand, exactly } from './subcommand';

const answersOk = (name: string): DebugSubcommand => ({ name, accepts: exactly(3), run: () => OK });

/** C's atoi: optional spaces and sign, then digits up to the first non-digit; 0 if none. */
const atoi = (arg: Buffer): number => {
  const match = /^[ \t\n\v\f\r]*([+-]?[0-9]+)/.exec(arg.toString('latin1'));
  return match === null ? 0 : Number.parseInt(match[1], 10);
};

export const debugSetActiveExpire: DebugSubcommand = {
  name: 'set-active-expire',
  accepts: exactly(3),
  run: ([flag], { db }) => {
    db.activeExpiry.setEnabled(atoi(flag) !== 0);
    return OK;
  },
};
export const debugPauseCron = answersOk('pause-cron');
export const debugSetSkipChecksumValidation = answersOk('set-skip-checksum-validation');
export const debugAofFlushSleep = answersOk('aof-flush-sleep');

/** Where SET-DISABLE-DENY-SCRIPTS keeps its switch (not a CONFIG parameter: CONFIG GET does not list it). */
export const DISABLE_DENY_SCRIPTS = 'debug:disable-deny-scripts';

export const debugSetDisableDenyScripts: DebugSubcommand = {
  name: 'set-disable-deny-scripts',
  accepts: exactly(3),
  run: ([flag], { server }) => {
    server.config.set(DISABLE_DENY_SCRIPTS, atoi(flag) !== 0 ? '1' : '0');
    return OK;
  },
};
