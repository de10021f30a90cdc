// DEBUG <subcommand> [arg ...]: Redis's toolbox for its own tests, gated as Redis 7.0
// gates it. `--enable-debug-command` (the enable-debug-command parameter, immutable):
//   no     DEBUG is refused, with Redis's text (the default, as in Redis);
//   yes    anyone may run it;
//   local  only connections from the loopback interface (127.0.0.1, ::1).
// Redis's test suite turns it on (its servers start with enable-debug-command yes), and
// shared/redis-tests/run.sh does the same for this server once --help lists the flag.
//
// The subcommands Redis's type tests use are here, one file each (see subcommand.ts for
// why DEBUG is a table and not a container): OBJECT, DIGEST, DIGEST-VALUE, SLEEP,
// PROTOCOL, HTSTATS-KEY, LISTPACK, QUICKLIST, QUICKLIST-PACKED-THRESHOLD,
// SET-ACTIVE-EXPIRE, PAUSE-CRON, CHANGE-REPL-ID, ERROR, LOG, HELP, and RELOAD as an
// in-memory round trip (reload.ts) until there is an RDB. The rest (crashes, LOADAOF,
// which comes with persistence, replication and allocator knobs) answer Redis's
// "unknown subcommand or wrong number of arguments" error.
//
// Where Redis refuses DEBUG: after the arity check, before anything else about the
// arguments, so `DEBUG nonsense` on a server without DEBUG gets the refusal, not the
// subcommand error. That is why the arguments are only looked at in `apply`.

import { ConnectionContext, ReplyError, type CommandSpec, rawArguments } from '../../command';
import { debugChangeReplId } from './change-repl-id';
import { debugDigest, debugDigestValue } from './digest';
import { debugListpack, debugQuicklist } from './encodings';
import { debugError, debugLog } from './error';
import { debugHelp } from './help';
import { debugHtstatsKey } from './htstats-key';
import { debugObject } from './object';
import { debugProtocol } from './protocol';
import { debugQuicklistPackedThreshold } from './quicklist-packed-threshold';
import { debugReload } from './reload';
import { debugSleep } from './sleep';
import type { DebugSubcommand } from './subcommand';
import { debugAofFlushSleep, debugPauseCron, debugSetActiveExpire, debugSetDisableDenyScripts, debugSetSkipChecksumValidation } from './switches';

const SUBCOMMANDS: ReadonlyMap<string, DebugSubcommand> = new Map(
  [
    debugHelp,
    debugReload,
    debugObject,
    debugListpack,
    debugQuicklist,
    debugDigest,
    debugDigestValue,
    debugProtocol,
    debugSleep,
    debugSetActiveExpire,
    debugSetDisableDenyScripts,
    debugQuicklistPackedThreshold,
    debugSetSkipChecksumValidation,
    debugAofFlushSleep,
    debugError,
    debugLog,
    debugHtstatsKey,
    debugChangeReplId,
    debugPauseCron,
  ].map((sub) => [sub.name, sub]),
);

const NOT_ALLOWED = new ReplyError(
  'ERR DEBUG command not allowed. If the enable-debug-command option is set to "local", you can run it from a local connection, otherwise you need to set this option in the configuration file, and then restart the server.',
);

/** Redis's islocalClient: the peer is 127.0.0.1 or ::1 (Node may show IPv4 as IPv4-mapped IPv6). */
function isLocal(address: string): boolean {
  const host = address.slice(0, address.lastIndexOf(':'));
  return host === '127.0.0.1' || host === '::1' || host === '[::1]' || host === '::ffff:127.0.0.1';
}

/** Redis's allowProtectedAction for enable-debug-command. */
function allowed({ server, client }: ConnectionContext): boolean {
  const setting = server.config.get('enable-debug-command') ?? 'no';
  return setting === 'yes' || (setting === 'local' && isLocal(client.address));
}

// The dispatcher's text for a subcommand error, made here because DEBUG checks its
// subcommand in apply (after the gate) rather than in parse: Redis prints the argument
// with %.128s, which stops at a NUL byte, and keeps errors on one line.
function unknownSubcommand(name: Buffer): ReplyError {
  const nul = name.indexOf(0);
  const shown = (nul === -1 ? name : name.subarray(0, nul)).toString('latin1').slice(0, 128).replace(/[\r\n]/g, ' ');
  return new ReplyError(`ERR unknown subcommand or wrong number of arguments for '${shown}'. Try DEBUG HELP.`);
}

export const debug: CommandSpec = {
  name: 'debug',
  arity: -2,
  flags: ['admin', 'noscript', 'loading', 'stale'],
  categories: ['@admin', '@slow', '@dangerous'],
  summary: 'A container for debugging commands',
  since: '1.0.0',
  group: 'server',
  syntax: 'subcommand [argument ...]',
  parse: rawArguments,
  apply(args, context) {
    if (!allowed(context)) return NOT_ALLOWED.frame;
    const sub = SUBCOMMANDS.get(args[0].toString('latin1').toLowerCase());
    // argc as Redis counts it: DEBUG, the subcommand, its arguments.
    if (sub === undefined || !sub.accepts(args.length + 1)) return unknownSubcommand(args[0]).frame;
    return sub.run(args.slice(1), context);
  },
};
