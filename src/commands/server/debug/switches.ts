// The DEBUG subcommands that flip a switch of Redis's internals which this server does
// not have, and answer OK as Redis does, so that test suites that set and reset them
// around a test run the test itself:
//
// - SET-ACTIVE-EXPIRE <0|1>: Redis stops (0) or restarts (1) its background expiry
//   cycle, so that expired keys stay in memory until touched. Here the Db's one timer
//   at the next expiry keeps running: an expired key is gone either way when a command
//   looks, which is what clients can observe, but tests that count keys still in
//   memory (DBSIZE, INFO keyspace) after an expiry may see fewer here.
// - PAUSE-CRON <0|1>: stops Redis's periodic serverCron. There is no cron here (expiry
//   is one scheduled action, client timeouts one sweep).
// - SET-SKIP-CHECKSUM-VALIDATION, AOF-FLUSH-SLEEP: persistence knobs; there is no
//   persistence yet.
//
// Redis reads their argument with atoi and never refuses it; nor does this.

import { OK } from '../../../protocol/frame';
import { type DebugSubcommand, exactly } from './subcommand';

const answersOk = (name: string): DebugSubcommand => ({ name, accepts: exactly(3), run: () => OK });

export const debugSetActiveExpire = answersOk('set-active-expire');
export const debugPauseCron = answersOk('pause-cron');
export const debugSetSkipChecksumValidation = answersOk('set-skip-checksum-validation');
export const debugAofFlushSleep = answersOk('aof-flush-sleep');
