// The command registry and dispatcher: name -> CommandSpec, and `execute`, which checks
// a request the way Redis's processCommand does, in the same order (unknown command,
// then arity, then authentication, then the subscribed-mode restriction) so each
// failure gets Redis's text.

import type { Observable } from 'rxjs';
import type { BulkFrame, Frame } from '../protocol/frame';
import { sameBytes } from '../protocol/latin1';
import { ConnectionContext, ReplyError, Replies, SubcommandSyntaxError } from './command';
import { AnyCommand, lookup, register, registry } from './registry';
import { connectionCommands } from './connection';
import { host, post } from './connection/security-warning';
import { hashCommands } from './hashes';
import { keyspaceCommands } from './keyspace';
import { listCommands } from './lists';
import { pubsubCommands } from './pubsub';
import { scriptingCommands } from './scripting';
import { afterward } from './afterward';
import { cString, run, valuesOf } from './run-command';
import { serverCommands } from './server';
import { setCommands } from './sets';
import { sortedSetCommands } from './sorted-sets';
import { stringCommands } from './strings';
import { transactionCommands } from './transactions';
import { discard } from './transactions/discard';
import { exec } from './transactions/exec';
import { multi } from './transactions/multi';
import { watch } from './transactions/watch';
import { quit } from './connection/quit';
import { reset } from './connection/reset';
import { oneLine } from '../protocol/one-line';

register([
  ...connectionCommands,
  ...stringCommands,
  ...keyspaceCommands,
  ...listCommands,
  ...hashCommands,
  ...setCommands,
  ...sortedSetCommands,
  ...pubsubCommands,
  ...transactionCommands,
  ...scriptingCommands,
  ...serverCommands,
]);

/** Every command, by lower-case name. */
export const commands: ReadonlyMap<string, AnyCommand> = registry;

/**
 * Runs one request (an array of bulk strings) and returns its replies, or the Observable
 * of them when a blocking command has to wait.
 */
export function execute(request: Frame, context: ConnectionContext): Replies | Observable<Replies> {
  const command = check(request, context);
  const transaction = context.transaction;
  if (command instanceof Rejected) {
    // A command refused before it runs spoils a transaction in progress: EXEC will
    // answer EXECABORT (Redis's rejectCommand -> flagTransaction). A refused EXEC
    // itself ends the transaction, saying why (execCommandAbort), in MULTI or not.
    transaction?.flag();
    if (command.spec === exec) return execAbort(command.frame, context);
    return command.frame;
  }
  const { spec, items, argsStart } = command;
  context.client.lastCommand = spec.name;
  if (transaction?.active === true && !IMMEDIATE.has(spec)) {
    // In MULTI: queued, to run at EXEC. Its arguments are parsed then, not now, since
    // in Redis a syntax error is the command's own (runtime) error, one element of EXEC's reply.
    transaction.enqueue(() => run(spec, items, argsStart, context), spec.prepare);
    // Start what it needs (the Lua engine) now, so EXEC is less likely to wait for it.
    spec.prepare?.()?.subscribe({ error: () => undefined });
    return QUEUED;
  }
  // RESET ends a transaction and drops the watches (Redis's clearClientConnectionState).
  if (spec === reset) transaction?.discard();
  const needed = spec.prepare?.();
  if (needed !== undefined) return afterward(needed, () => run(spec, items, argsStart, context));
  return run(spec, items, argsStart, context);
}


/** What runs at once even inside MULTI (processCommand's list): the rest is queued. */
const IMMEDIATE: ReadonlySet<AnyCommand> = new Set<AnyCommand>([exec, discard, multi, watch, quit, reset]);

const QUEUED: Frame = { type: 'simple', value: 'QUEUED' };

/** A request refused by the checks: the error, and the command when it was found. */
class Rejected {
  constructor(
    readonly frame: Frame,
    readonly spec?: AnyCommand,
  ) {}
}

/**
 * EXEC refused (wrong arity, subscribed mode...): the transaction is discarded and the
 * error becomes `EXECABORT Transaction discarded because of: <error>`. Redis formats it
 * from the error's text without its `-`: an `ERR ` that addReplyError would have added
 * is not there, a shared error object's CRLF becomes two spaces.
 */
function execAbort(error: Frame, context: ConnectionContext): Frame {
  context.transaction?.discard();
  const text = error.type === 'error' ? error.value : '';
  const reason = error === NOAUTH ? `${text}  ` : text.startsWith('ERR ') ? text.slice(4) : text;
  return { type: 'error', value: `EXECABORT Transaction discarded because of: ${reason}` };
}

/** A request that passed the checks: its command and arguments. */
class Checked {
  constructor(
    readonly spec: AnyCommand,
    readonly items: readonly BulkFrame[],
    readonly argsStart: number,
  ) {}
}

/**
 * Redis's checks before a command runs (or is queued), in processCommand's order:
 * unknown command or subcommand, arity, authentication, subscribed mode. Answers the
 * command, or the error reply that refuses it.
 */
function check(request: Frame, context: ConnectionContext): Checked | Rejected {
  // The arguments stay frames until the command is known: a large argument may be a
  // ChunkedBulk, which only a command with `parseBulks` gets without a join.
  const items = bulkStrings(request);
  if (items === undefined) return new Rejected({ type: 'error', value: 'ERR Protocol error: expected an array of bulk strings' });
  let spec = lookup(nameOf(items[0].value));
  if (spec === undefined) return new Rejected(unknownCommand(valuesOf(items)));
  let argsStart = 1;
  // A container (CLIENT, CONFIG...) routes to its subcommand, as Redis's lookupCommand.
  if (spec.subcommands !== undefined && items.length > 1) {
    const subName = `${spec.name}|${items[1].value.toString('latin1').toLowerCase()}`;
    const sub: AnyCommand | undefined = spec.subcommands.find((s) => s.name === subName);
    if (sub === undefined) {
      return new Rejected({
        type: 'error',
        value: oneLine(`ERR unknown subcommand '${cString(items[1].value).slice(0, 128)}'. Try ${spec.name.toUpperCase()} HELP.`),
      });
    }
    spec = sub;
    argsStart = 2;
  }
  const argc = items.length;
  if ((spec.arity > 0 && argc !== spec.arity) || argc < -spec.arity) {
    return new Rejected({ type: 'error', value: `ERR wrong number of arguments for '${spec.name}' command` }, spec);
  }
  // Before logging in (a password is set), only `no_auth` commands run. The POST / Host:
  // guard too: it drops the connection, which Redis does before asking for a password.
  if (context.auth?.required === true && !spec.flags?.includes('no_auth') && spec !== post && spec !== host) {
    return new Rejected(NOAUTH, spec);
  }
  // Subscribed mode restricts RESP2 connections only: RESP3 can mix replies and pushes.
  if (context.subscriptionCount > 0 && context.protocol === 2 && !spec.pubsubContext) {
    return new Rejected(
      {
        type: 'error',
        value: `ERR Can't execute '${spec.name}': only (P|S)SUBSCRIBE / (P|S)UNSUBSCRIBE / PING / QUIT / RESET are allowed in this context`,
      },
      spec,
    );
  }
  return new Checked(spec, items, argsStart);
}

const NOAUTH: Frame = { type: 'error', value: 'NOAUTH Authentication required.' };

/** A request's arguments as bulk frames, or undefined if it is not an array of them. */
function bulkStrings(request: Frame): readonly BulkFrame[] | undefined {
  if (request.type !== 'array' || request.value.length === 0) return undefined;
  for (const item of request.value) if (item.type !== 'bulk') return undefined;
  return request.value as readonly BulkFrame[];
}

// Clients send the same command over and over (a pipeline of GETs, a loop of SETs): when
// the name's bytes spell the last name again, that string is reused rather than made.
let lastName = '';
function nameOf(bytes: Buffer): string {
  if (!sameBytes(bytes, lastName)) lastName = bytes.toString('latin1');
  return lastName;
}

/** `ERR unknown command 'x', with args beginning with: 'a' 'b' `, as Redis 7 words it. */
function unknownCommand(args: readonly Buffer[]): Frame {
  let shown = '';
  for (let i = 1; i < args.length && shown.length < 128; i++) {
    shown += `'${cString(args[i]).slice(0, 128 - shown.length)}' `;
  }
  const command = cString(args[0]).slice(0, 128);
  return { type: 'error', value: oneLine(`ERR unknown command '${command}', with args beginning with: ${shown}`) };
}
