// COMMAND DOCS [command-name ...]: the documentation of commands, a map from name to
// {summary, since, group, arguments, subcommands}. redis-cli 7 asks for all of it
// before its first command and builds its help and typing hints from it, so every
// command answers with at least summary, since and group (empty when its spec has
// none), and the arguments come from the spec's one-line syntax (syntax-arguments.ts).
// Unknown names are left out of the map.

import { Frame, array, bulk, map } from '../../../protocol/frame';
import type { CommandSpec } from '../../command';
import { AnyCommand, registry } from '../../registry';
import { lookupCommand } from './lookup';
import { argumentFrame, syntaxArguments } from './syntax-arguments';

const field = (name: string, value: Frame): [Frame, Frame] => [bulk(name), value];

// One command's documentation map. Recursive for containers: CONFIG's entry holds a
// `subcommands` map whose values are documentation maps of the same shape, which is
// how redis-cli 7 learns `CONFIG GET parameter` as a hint.
function docs(spec: CommandSpec<unknown>): Frame {
  const fields: [Frame, Frame][] = [
    field('summary', bulk(spec.summary ?? '')),
    field('since', bulk(spec.since ?? '')),
    field('group', bulk(spec.group ?? 'generic')),
  ];
  if (spec.syntax !== undefined && spec.syntax !== '') {
    const args = syntaxArguments(spec.syntax).map((arg) => argumentFrame(arg, spec.keys !== undefined));
    if (args.length > 0) fields.push(field('arguments', array(args)));
  }
  if (spec.subcommands !== undefined && spec.subcommands.length > 0) {
    fields.push(field('subcommands', map(spec.subcommands.map((sub) => [bulk(sub.name), docs(sub)] as [Frame, Frame]))));
  }
  return map(fields);
}

export const commandDocs: CommandSpec<readonly string[]> = {
  name: 'command|docs',
  arity: -2,
  flags: ['loading', 'stale'],
  categories: ['@slow', '@connection'],
  summary: 'Get array of specific Redis command documentation',
  since: '7.0.0',
  group: 'server',
  syntax: '[command-name [command-name ...]]',
  parse: (args) => args.map((arg) => arg.toString('latin1')),
  apply(names) {
    const specs: AnyCommand[] =
      names.length === 0 ? [...registry.values()] : names.flatMap((name) => lookupCommand(name) ?? []);
    return map(specs.map((spec) => [bulk(spec.name), docs(spec)]));
  },
};
