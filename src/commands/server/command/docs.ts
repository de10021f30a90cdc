// COMMAND DOCS [command-name ...]: the documentation of commands, a map from name to
// {summary, since, group, arguments, subcommands}. redis-cli 7 asks for all of it
// before its first command and builds its help and typing hints from it, so every
// command answers with at least summary, since and group (empty when its spec has
// none). The arguments are the spec's own tree when it carries Redis's (`arguments`:
// names, types, the version that added each), or else read from its one-line syntax
// (syntax-arguments.ts). The fields come in Redis's order (addReplyCommandDocs).
// Unknown names are left out of the map.

import { Frame, array, bulk, integer, map, set, simple } from '../../../protocol/frame';
import type { CommandSpec, DocArgument } from '../../command';
import { AnyCommand, registry } from '../../registry';
import { keySpecsOf } from './command-info';
import { lookupCommand } from './lookup';
import type { CommandDocs } from './command-docs';
import { redisDocs } from './redis-docs';
import { argumentFrame, syntaxArguments } from './syntax-arguments';

const field = (name: string, value: Frame): [Frame, Frame] => [bulk(name), value];

/** One of Redis's arguments as COMMAND DOCS encodes it (addReplyCommandArgList), fields in its order. */
function docArgumentFrame(arg: DocArgument): Frame {
  const fields: [Frame, Frame][] = [field('name', bulk(arg.name)), field('type', bulk(arg.type))];
  if (arg.keySpecIndex !== undefined) fields.push(field('key_spec_index', integer(arg.keySpecIndex)));
  if (arg.token !== undefined) fields.push(field('token', bulk(arg.token)));
  if (arg.summary !== undefined) fields.push(field('summary', bulk(arg.summary)));
  if (arg.since !== undefined) fields.push(field('since', bulk(arg.since)));
  if (arg.deprecatedSince !== undefined) fields.push(field('deprecated_since', bulk(arg.deprecatedSince)));
  if (arg.flags !== undefined && arg.flags.length > 0) fields.push(field('flags', set(arg.flags.map(simple))));
  if (arg.type === 'oneof' || arg.type === 'block') fields.push(field('arguments', array((arg.arguments ?? []).map(docArgumentFrame))));
  return map(fields);
}

// A field of the spec's own wins over the table's (redis-docs.ts).
function docsOf(spec: CommandSpec<unknown>): CommandDocs {
  const table = redisDocs.get(spec.name);
  return {
    arguments: spec.arguments ?? table?.arguments,
    complexity: spec.complexity ?? table?.complexity,
    history: spec.history ?? table?.history,
    docFlags: spec.docFlags ?? table?.docFlags,
    deprecatedSince: spec.deprecatedSince ?? table?.deprecatedSince,
    replacedBy: spec.replacedBy ?? table?.replacedBy,
  };
}

// One command's documentation map. Recursive for containers: CONFIG's entry holds a
// `subcommands` map whose values are documentation maps of the same shape, which is
// how redis-cli 7 learns `CONFIG GET parameter` as a hint.
function docs(spec: CommandSpec<unknown>): Frame {
  const documented = docsOf(spec);
  const fields: [Frame, Frame][] = [
    field('summary', bulk(spec.summary ?? '')),
    field('since', bulk(spec.since ?? '')),
    field('group', bulk(spec.group ?? 'generic')),
  ];
  if (documented.complexity !== undefined) fields.push(field('complexity', bulk(documented.complexity)));
  if (documented.docFlags !== undefined) fields.push(field('doc_flags', set(documented.docFlags.map(simple))));
  if (documented.deprecatedSince !== undefined) fields.push(field('deprecated_since', bulk(documented.deprecatedSince)));
  if (documented.replacedBy !== undefined) fields.push(field('replaced_by', bulk(documented.replacedBy)));
  if (documented.history !== undefined) {
    fields.push(field('history', set(documented.history.map(([version, change]) => array([bulk(version), bulk(change)])))));
  }
  if (documented.arguments !== undefined) {
    if (documented.arguments.length > 0) fields.push(field('arguments', array(documented.arguments.map(docArgumentFrame))));
  } else if (spec.syntax !== undefined && spec.syntax !== '') {
    const args = syntaxArguments(spec.syntax).map((arg) => argumentFrame(arg, keySpecsOf(spec).length > 0));
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
