// One command as COMMAND and COMMAND INFO describe it, Redis 7's ten fields:
//   [name, arity, flags, first key, last key, key step, ACL categories, tips,
//    key specifications, subcommands]
// Cluster-aware clients read the key positions from here to route commands.
//
// A command that carries Redis's key specifications (`keySpecs`: the data types, SORT)
// is described with them, flags and all. For the others one spec is derived from the
// key positions: a range starting at the first key, with RO/RW flags guessed from the
// command's readonly/write flag, which is exact for the simple commands. Tips, key
// specs and (in Redis) the history are sets: RESP3 clients get `~`, RESP2 an array.

import { Frame, array, bulk, integer, map, set, simple } from '../../../protocol/frame';
import type { CommandSpec, KeySpec } from '../../command';
import type { AnyCommand } from '../../registry';

const field = (name: string, value: Frame): [Frame, Frame] => [bulk(name), value];

/** The access flags of a command's keys when it has no key specs, as key specifications name them. */
export function keyFlags(spec: CommandSpec<unknown>): string[] {
  if (spec.flags?.includes('write')) return ['RW', 'update'];
  if (spec.flags?.includes('readonly')) return ['RO', 'access'];
  return [];
}

/** The key specs of a command: its own, or the one derived from its key positions. */
export function keySpecsOf(spec: CommandSpec<unknown>): readonly KeySpec[] {
  if (spec.keySpecs !== undefined) return spec.keySpecs;
  if (spec.keys === undefined) return [];
  const { first, last, step } = spec.keys;
  // Relative to the first key; a negative lastkey counts from the end.
  return [{ flags: keyFlags(spec), begin: { index: first }, find: { lastKey: last < 0 ? last : last - first, keyStep: step } }];
}

const ints = (entries: readonly (readonly [string, number])[]): Frame => map(entries.map(([name, value]) => field(name, integer(value))));

function beginSearch(begin: KeySpec['begin']): Frame {
  if (begin === 'unknown') return map([field('type', bulk('unknown')), field('spec', map([]))]);
  if ('index' in begin) return map([field('type', bulk('index')), field('spec', ints([['index', begin.index]]))]);
  return map([
    field('type', bulk('keyword')),
    field('spec', map([field('keyword', bulk(begin.keyword)), field('startfrom', integer(begin.startFrom))])),
  ]);
}

function findKeys(find: KeySpec['find']): Frame {
  if (find === 'unknown') return map([field('type', bulk('unknown')), field('spec', map([]))]);
  if ('lastKey' in find) {
    const spec = ints([['lastkey', find.lastKey], ['keystep', find.keyStep ?? 1], ['limit', find.limit ?? 0]]);
    return map([field('type', bulk('range')), field('spec', spec)]);
  }
  const spec = ints([['keynumidx', find.keyNumIndex], ['firstkey', find.firstKey], ['keystep', find.keyStep]]);
  return map([field('type', bulk('keynum')), field('spec', spec)]);
}

/** One key spec as COMMAND INFO encodes it (addReplyCommandKeySpecs). */
function keySpecFrame(keySpec: KeySpec): Frame {
  return map([
    ...(keySpec.notes !== undefined ? [field('notes', bulk(keySpec.notes))] : []),
    field('flags', set(keySpec.flags.map(simple))),
    field('begin_search', beginSearch(keySpec.begin)),
    field('find_keys', findKeys(keySpec.find)),
  ]);
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
    set((spec.tips ?? []).map((tip) => bulk(tip))),
    set(keySpecsOf(spec).map(keySpecFrame)),
    // Redis answers an empty set for a command without subcommands, an array otherwise.
    spec.subcommands === undefined || spec.subcommands.length === 0 ? set([]) : array(spec.subcommands.map(commandInfo)),
  ]);
}
