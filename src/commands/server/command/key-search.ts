// Finding a request's keys from its command's key specifications, as Redis's
// getKeysUsingKeySpecs (db.c) does: each spec says where its search begins (a fixed
// index, or the argument after a keyword) and how its keys follow (a range, or a count
// read from an argument). COMMAND GETKEYS and GETKEYSANDFLAGS answer with what it finds.
//
// It is built as a pure function of (specs, arguments) -> key references or "invalid",
// the data-structure pattern of an interpreter: the specs are a tiny program that this
// file runs. "Invalid" is a value, not an error, because Redis then falls back to the
// command's own key-finding procedure (getkeys-procedures.ts) before it gives up.

import type { KeySpec } from '../../command';
import { parseLongLong, parseLongLongExact } from '../../../protocol/integer';

/** One key found in a request: its argument position (the command name is 0) and access flags. */
export interface KeyReference {
  readonly position: number;
  readonly flags: readonly string[];
}

const equalsIgnoringCase = (arg: Buffer, word: string): boolean => arg.toString('latin1').toLowerCase() === word.toLowerCase();

/** Where a spec's search begins, 0 when its keyword is absent, or undefined for an unknown spec. */
function beginOf(spec: KeySpec, args: readonly Buffer[]): number | undefined {
  const { begin } = spec;
  if (begin === 'unknown') return undefined;
  if ('index' in begin) return begin.index;
  // Forwards from startFrom to the second-to-last argument, or backwards from the end
  // down to the first argument after the name; the first match wins.
  const argc = args.length;
  const start = begin.startFrom > 0 ? begin.startFrom : argc + begin.startFrom;
  const end = begin.startFrom > 0 ? argc - 1 : 1;
  for (let i = start; i !== end; i = start <= end ? i + 1 : i - 1) {
    if (i >= argc || i < 1) break;
    if (equalsIgnoringCase(args[i], begin.keyword)) return i + 1;
  }
  return 0;
}

/**
 * The keys `specs` find in `args` (the full request, its name first), in spec order, or
 * undefined where Redis's search is invalid: an unknown spec, a count that is not a
 * non-negative integer, keys beyond the arguments, or an `incomplete` spec.
 */
export function searchKeySpecs(specs: readonly KeySpec[], args: readonly Buffer[]): KeyReference[] | undefined {
  const argc = args.length;
  const keys: KeyReference[] = [];
  for (const spec of specs) {
    if (spec.flags.includes('not_key')) continue;
    let first = beginOf(spec, args);
    if (first === undefined) return undefined;
    if (first === 0) continue; // the keyword is not there: no keys of this kind
    const { find } = spec;
    let last: number;
    let step: number;
    if (find === 'unknown') return undefined;
    if ('lastKey' in find) {
      step = find.keyStep ?? 1;
      const limit = find.limit ?? 0;
      if (find.lastKey >= 0) last = first + find.lastKey;
      else if (limit === 0) last = argc + find.lastKey;
      else last = first + (Math.trunc((argc - first) / limit) + find.lastKey);
    } else {
      step = find.keyStep;
      const at = first + find.keyNumIndex;
      if (at >= argc) return undefined;
      const count = args[at];
      if (parseLongLong(count, 0, count.length) === null) return undefined;
      const numkeys = parseLongLongExact(count, 0, count.length)!;
      if (numkeys < 0n) return undefined;
      first += find.firstKey;
      // Redis adds the count as a C int: a count beyond 2^31 wraps around, as there.
      last = first + Number(BigInt.asIntN(32, numkeys)) - 1;
    }
    if (last >= argc || last < first || first >= argc) return undefined;
    for (let i = first; i <= last; i += step) keys.push({ position: i, flags: spec.flags });
    if (spec.flags.includes('incomplete')) return undefined;
  }
  return keys;
}
