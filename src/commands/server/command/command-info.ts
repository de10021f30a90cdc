// One command as COMMAND and COMMAND INFO describe it, Redis 7's ten fields:
//   [name, arity, flags, first key, last key, key step, ACL categories, tips,
//    key specifications, subcommands]
// Cluster-aware clients read the key positions from here to route commands.
//
// The key specifications are derived from the key positions: a range starting at the
// first key, with RO/RW flags guessed from the command's readonly/write flag. That is
// exact for the simple commands and an approximation for Redis's richer ones. Tips are
// always empty: specs do not carry them.

import { Frame, array, bulk, integer, map, set, simple } from '../../../protocol/frame';
import type { CommandSpec } from '../../command';
import type { AnyCommand } from '../../registry';

const field = (name: string, value: Frame): [Frame, Frame] => [bulk(name), value];

/** The access flags of a command's keys, as key specifications name them. */
export function keyFlags(spec: CommandSpec<unknown>): string[] {
  if (spec.flags?.includes('write')) return ['RW', 'update'];
  if (spec.flags?.includes('readonly')) return ['RO', 'access'];
  return [];
}

function keySpecs(spec: CommandSpec<unknown>): Frame[] {
  if (spec.keys === undefined) return [];
  const { first, last, step } = spec.keys;
  return [
    map([
      field('flags', set(keyFlags(spec).map(simple))),
      field('begin_search', map([field('type', bulk('index')), field('spec', map([field('index', integer(first))]))])),
      field(
        'find_keys',
        map([
          field('type', bulk('range')),
          // Relative to the first key; a negative lastkey counts from the end.
          field(
            'spec',
            map([
              field('lastkey', integer(last < 0 ? last : last - first)),
              field('keystep', integer(step)),
              field('limit', integer(0)),
            ]),
          ),
        ]),
      ),
    ]),
  ];
}

export function commandInfo(spec: AnyCommand): Frame {
  return array([
    bulk(spec.name),
    integer(spec.arity),
    set((spec.flags ?? []).map(simple)),
    integer(spec.keys?.first ?? 0),
    integer(spec.keys?.last ?? 0),
    integer(spec.keys?.step ?? 0),
    set((spec.categories ?? []).map(simple)),
    set([]),
    array(keySpecs(spec)),
    array((spec.subcommands ?? []).map(commandInfo)),
  ]);
}
