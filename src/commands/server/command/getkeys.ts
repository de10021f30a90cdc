// COMMAND GETKEYS command [arg ...] and COMMAND GETKEYSANDFLAGS: which arguments of a
// full command are keys. Cluster proxies and clients use it for commands whose keys they
// cannot find on their own (the `movablekeys` ones: SORT ... STORE, ZUNIONSTORE's
// numkeys). The checks and their order are Redis's: unknown command, a command without
// keys, a wrong argument count, then no keys found.
//
// The keys come from the same key specifications COMMAND INFO reports (key-search.ts),
// so GETKEYS and INFO cannot disagree: a cluster client that routes with one and checks
// with the other sees one truth. Where the specs cannot tell, Redis's own procedure for
// the command takes over (getkeys-procedures.ts), exactly when Redis's would.

import { Frame, array, bulk, set, simple } from '../../../protocol/frame';
import { CommandSpec, ReplyError, rawArguments } from '../../command';
import { AnyCommand, registry } from '../../registry';
import { keySpecsOf } from './command-info';
import { getKeysProcedures } from './getkeys-procedures';
import { type KeyReference, searchKeySpecs } from './key-search';

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

/** The key arguments of `args`, or Redis's error (getKeysSubcommandImpl, getKeysFromCommandWithSpecs). */
function keysOf(args: readonly Buffer[]): KeyReference[] | ReplyError {
  const spec = commandOf(args);
  if (spec === undefined) return INVALID_COMMAND;
  const specs = keySpecsOf(spec);
  const procedure = getKeysProcedures.get(spec.name);
  const realSpecs = specs.filter((keySpec) => !keySpec.flags.includes('not_key'));
  if (procedure === undefined && realSpecs.length === 0) return NO_KEYS;
  if ((spec.arity > 0 && args.length !== spec.arity) || args.length < -spec.arity) return BAD_ARITY;
  // Specs first, when there are real ones and their flags are reliable; the command's
  // procedure when they fail; nothing found is an error unless keys are optional.
  let keys: KeyReference[] | undefined;
  if (realSpecs.length > 0 && !specs.some((keySpec) => keySpec.flags.includes('variable_flags'))) keys = searchKeySpecs(specs, args);
  if (keys === undefined) keys = procedure?.(args) ?? [];
  if (keys.length === 0 && !spec.flags?.includes('no_mandatory_keys')) return BAD_ARGUMENTS;
  return keys;
}

function getkeys(withFlags: boolean) {
  return (args: readonly Buffer[]): Frame => {
    const found = keysOf(args);
    if (found instanceof ReplyError) return found.frame;
    return array(
      found.map(({ position, flags }) => {
        const key = bulk(Buffer.from(args[position]));
        return withFlags ? array([key, set(flags.map(simple))]) : key;
      }),
    );
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
