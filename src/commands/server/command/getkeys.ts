// COMMAND GETKEYS command [arg ...] and COMMAND GETKEYSANDFLAGS: which arguments of a
// full command are keys, from the command's key positions. Cluster proxies and clients
// use it for commands whose keys they cannot find on their own. The checks and their
// order are Redis's: unknown command, a command without keys, a wrong argument count.

import { Frame, array, bulk, set, simple } from '../../../protocol/frame';
import { CommandSpec, ReplyError, rawArguments } from '../../command';
import { AnyCommand, registry } from '../../registry';
import { keyFlags } from './command-info';

const INVALID_COMMAND = new ReplyError('ERR Invalid command specified');
const NO_KEYS = new ReplyError('ERR The command has no key arguments');
const BAD_ARITY = new ReplyError('ERR Invalid number of arguments specified for command');
const BAD_ARGUMENTS = new ReplyError('ERR Invalid arguments specified for command');

/** The command a full request names, subcommand included. */
function commandOf(args: readonly Buffer[]): AnyCommand | undefined {
  const spec = registry.get(args[0].toString('latin1').toLowerCase());
  if (spec?.subcommands === undefined || args.length < 2) return spec;
  const name = `${spec.name}|${args[1].toString('latin1').toLowerCase()}`;
  return spec.subcommands.find((sub) => sub.name === name);
}

/** The key arguments of `args`, with the spec that found them, or Redis's error. */
// The key positions come from the same `keys` field COMMAND INFO reports, so GETKEYS
// and INFO cannot disagree: a cluster client that routes with one and checks with the
// other sees one truth. A negative `last` counts from the end (-1: the last argument).
function keysOf(args: readonly Buffer[]): { spec: AnyCommand; keys: Buffer[] } | ReplyError {
  const spec = commandOf(args);
  if (spec === undefined) return INVALID_COMMAND;
  if (spec.keys === undefined) return NO_KEYS;
  if ((spec.arity > 0 && args.length !== spec.arity) || args.length < -spec.arity) return BAD_ARITY;
  const { first, last, step } = spec.keys;
  const end = last < 0 ? args.length + last : last;
  const keys: Buffer[] = [];
  for (let i = first; i <= end && i < args.length; i += step) keys.push(args[i]);
  return keys.length === 0 ? BAD_ARGUMENTS : { spec, keys };
}

function getkeys(withFlags: boolean) {
  return (args: readonly Buffer[]): Frame => {
    const found = keysOf(args);
    if (found instanceof ReplyError) return found.frame;
    const flags = set(keyFlags(found.spec).map(simple));
    return array(found.keys.map((key) => (withFlags ? array([bulk(Buffer.from(key)), flags]) : bulk(Buffer.from(key)))));
  };
}

export const commandGetkeys: CommandSpec = {
  name: 'command|getkeys',
  arity: -4,
  flags: ['loading', 'stale'],
  categories: ['@slow', '@connection'],
  summary: 'Extract keys given a full Redis command',
  since: '2.8.13',
  group: 'server',
  syntax: 'command [arg [arg ...]]',
  parse: rawArguments,
  apply: getkeys(false),
};

export const commandGetkeysandflags: CommandSpec = {
  name: 'command|getkeysandflags',
  arity: -4,
  flags: ['loading', 'stale'],
  categories: ['@slow', '@connection'],
  summary: 'Extract keys and access flags given a full Redis command',
  since: '7.0.0',
  group: 'server',
  syntax: 'command [arg [arg ...]]',
  parse: rawArguments,
  apply: getkeys(true),
};
