// CONFIG <subcommand>: the server's configuration at run time (GET, SET, RESETSTAT,
// REWRITE). A container: the dispatcher routes `CONFIG GET x` to `config|get`. The
// parameters themselves are one table, parameters.ts.
//
// Why containers are specs with `subcommands` rather than one command that switches on
// its first argument: each subcommand then has its own arity, flags and docs, exactly
// as Redis 7 models them, and COMMAND INFO / COMMAND DOCS describe them for free.

import { CommandSpec, rawArguments } from '../../command';
import { configGet } from './get';
import { configHelp } from './help';
import { configResetstat } from './resetstat';
import { configRewrite } from './rewrite';
import { configSet } from './set';

export const config: CommandSpec = {
  name: 'config',
  arity: -2,
  categories: ['@slow'],
  summary: 'A container for server configuration commands',
  since: '2.0.0',
  group: 'server',
  subcommands: [configGet, configSet, configResetstat, configRewrite, configHelp],
  parse: rawArguments,
  // Only reached without a subcommand, which the arity check already refuses.
  apply: () => ({ type: 'error', value: "ERR wrong number of arguments for 'config' command" }),
};
