// COMMAND LIST [FILTERBY MODULE name | ACLCAT category | PATTERN pattern]: the names of
// all commands, subcommands included (`config|get`), optionally filtered. The pattern
// is a glob matched without case, as in Redis; there are no modules, so MODULE finds
// nothing.

import { array, bulk } from '../../../protocol/frame';
import { globMatch } from '../../../db/glob';
import { CommandSpec, ReplyError, SYNTAX_ERROR } from '../../command';
import type { AnyCommand } from '../../registry';
import { everyCommand } from './lookup';

type Filter = (spec: AnyCommand) => boolean;
// parse() returns the filter itself, a predicate: the validation happens once, in
// parse, and apply() is then a plain filter over every command and subcommand.

function parse(args: readonly Buffer[]): Filter | ReplyError {
  if (args.length === 0) return () => true;
  if (args.length !== 3 || args[0].toString('latin1').toLowerCase() !== 'filterby') return SYNTAX_ERROR;
  const value = args[2].toString('latin1');
  switch (args[1].toString('latin1').toLowerCase()) {
    case 'module':
      return () => false;
    case 'aclcat':
      return (spec) => (spec.categories ?? []).some((category) => category.toLowerCase() === `@${value.toLowerCase()}`);
    case 'pattern':
      return (spec) => globMatch(value, spec.name, true);
    default:
      return SYNTAX_ERROR;
  }
}

export const commandList: CommandSpec<Filter> = {
  name: 'command|list',
  arity: -2,
  flags: ['loading', 'stale'],
  categories: ['@slow', '@connection'],
  summary: 'Get an array of Redis command names',
  since: '7.0.0',
  group: 'server',
  syntax: '[FILTERBY <MODULE module-name | ACLCAT category | PATTERN pattern>]',
  parse,
  apply: (filter) => array(everyCommand().filter(filter).map((spec) => bulk(spec.name))),
};
