// One command run from a script (redis.call / redis.pcall), with the checks Redis makes
// there instead of the client's (script.c scriptCall): an unknown command or a wrong
// arity get the script texts, a `noscript` command (MULTI, BLPOP's friends are fine,
// SUBSCRIBE is not) is refused, and a read-only run refuses writes. The command itself
// runs exactly as from a client: parse, apply, then the Db's end-of-command sweep.
//
// It sits beside the dispatcher rather than in it so that scripting can call it without
// importing index.ts (which imports the scripting commands): no import cycle.

import { Observable } from 'rxjs';
import type { BulkFrame, Frame } from '../protocol/frame';
import { Answered } from './blocking';
import type { ConnectionContext } from './command';
import { run } from './run-command';
import { type AnyCommand, lookup } from './registry';
import { DISABLE_DENY_SCRIPTS } from './server/debug/switches';

/** The rules of the script that calls. */
export interface ScriptCallRules {
  readonly readOnly: boolean;
  /** Called before a write command runs (the script is then "dirty"). */
  wrote(): void;
}

/** What redis.call got back: the reply, or the error a script check raised (without a code). */
export type ScriptCallResult = { readonly reply: Frame } | { readonly refused: string };

export function callFromScript(args: readonly Buffer[], context: ConnectionContext, rules: ScriptCallRules): ScriptCallResult {
  const spec = find(args);
  if (spec === undefined) return { refused: 'Unknown Redis command called from script' };
  const argc = args.length;
  if ((spec.arity > 0 && argc !== spec.arity) || argc < -spec.arity) {
    return { refused: 'Wrong number of args calling Redis command from script' };
  }
  const flags = spec.flags ?? [];
  if (flags.includes('noscript') && context.server.config.get(DISABLE_DENY_SCRIPTS) !== '1') {
    return { refused: 'This Redis command is not allowed from script' };
  }
  const writes = flags.includes('write');
  if (rules.readOnly && (writes || flags.includes('may_replicate'))) {
    return { refused: 'Write commands are not allowed from read-only scripts.' };
  }
  if (writes) rules.wrote();
  // A subcommand's arguments start after its name (CONFIG GET x: at x), as in the dispatcher.
  const argsStart = spec.name.includes('|') ? 2 : 1;
  let replies = run(spec, args.map((value): BulkFrame => ({ type: 'bulk', value })), argsStart, context);
  // A blocking command never blocks here: the script's context says "executing", so
  // block() answered at once (Redis's CLIENT_DENY_BLOCKING for its script client).
  if (replies instanceof Answered) replies = replies.reply;
  else if (replies instanceof Observable) return { reply: { type: 'error', value: 'ERR blocking command could not answer inside a script' } };
  // A command answering several frames (none that a script may call) counts by its first.
  return { reply: Array.isArray(replies) ? (replies as readonly Frame[])[0] : (replies as Frame) };
}

/** The command, or its subcommand for a container (CLIENT, CONFIG...); undefined when unknown. */
function find(args: readonly Buffer[]): AnyCommand | undefined {
  if (args.length === 0) return undefined;
  const spec = lookup(args[0].toString('latin1'));
  if (spec?.subcommands === undefined) return spec;
  if (args.length < 2) return spec; // the container alone: its arity check refuses it
  const name = `${spec.name}|${args[1].toString('latin1').toLowerCase()}`;
  return spec.subcommands.find((sub) => sub.name === name);
}
