// POST and Host: are not Redis commands: they are the first lines of an HTTP request.
// A browser tricked into posting to 127.0.0.1:6379 would otherwise have its request
// lines run as commands (cross-protocol scripting). Redis registers both names as a
// command that logs a warning and drops the connection without a reply; so do we.

import { log } from '../../log';
import { CommandSpec, ConnectionContext, rawArguments } from '../command';

let lastWarning = -Infinity;

function abort(_args: readonly Buffer[], context: ConnectionContext): [] {
  const now = Date.now();
  if (now - lastWarning > 60_000) {
    // At most once a minute, as Redis does, so an attack cannot flood the log.
    log.warn(
      'Possible SECURITY ATTACK detected. It looks like somebody is sending POST or Host: commands to Redis. ' +
        'This is likely due to an attacker attempting to use Cross Protocol Scripting to compromise your Redis instance. ' +
        'Connection aborted.',
    );
    lastWarning = now;
  }
  context.closeAfterReply();
  return [];
}

export const post: CommandSpec = { name: 'post', arity: -1, parse: rawArguments, apply: abort };
export const host: CommandSpec = { name: 'host:', arity: -1, parse: rawArguments, apply: abort };
