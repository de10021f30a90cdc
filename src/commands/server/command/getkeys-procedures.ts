// The commands whose keys their key specifications cannot always find, and the
// procedure Redis uses for them instead (the `getkeys_proc` of Redis's command table,
// db.c). Redis tries the key specs first and falls back to these only when the specs
// fail: SORT's specs are `unknown` (its STORE may come anywhere), and a numkeys count
// that is not a clean integer ("2x", "-1") makes a keynum spec invalid, where these
// read it with C's atoi instead.
//
// A table keyed by command name, not a field of each command: these are Redis's legacy
// procedures, one per family, and keeping them together shows that they are exceptions.

import type { KeyReference } from './key-search';

export type GetKeysProcedure = (args: readonly Buffer[]) => KeyReference[];

// C's atoi: (int) strtol(s, NULL, 10). Leading white space, an optional sign, digits up
// to the first other byte; strtol saturates at a long's range, and the int cast keeps
// the low 32 bits of that.
function atoi(arg: Buffer): number {
  let i = 0;
  while (i < arg.length && (arg[i] === 0x20 || (arg[i] >= 0x09 && arg[i] <= 0x0d))) i++;
  let negative = false;
  if (arg[i] === 0x2b || arg[i] === 0x2d) negative = arg[i++] === 0x2d;
  let value = 0n;
  const LONG_MAX = (1n << 63n) - 1n;
  for (; i < arg.length && arg[i] >= 0x30 && arg[i] <= 0x39; i++) {
    value = value * 10n + BigInt(arg[i] - 0x30);
    if (value > LONG_MAX + 1n) break;
  }
  let long = negative ? -value : value;
  if (long > LONG_MAX) long = LONG_MAX;
  if (long < -LONG_MAX - 1n) long = -LONG_MAX - 1n;
  return Number(BigInt.asIntN(32, long));
}

/**
 * Redis's genericGetKeys: `count` keys from `first`, every `step`, the count read at
 * `countAt`, then the destination at `storeAt` (0: none), all without flags. A count
 * below 1 or beyond the arguments finds nothing, which GETKEYS reports as invalid.
 */
const generic =
  (storeAt: number, countAt: number, first: number, step: number): GetKeysProcedure =>
  (args) => {
    const count = atoi(args[countAt]);
    if (count < 1 || count > Math.trunc((args.length - first) / step)) return [];
    const keys: KeyReference[] = [];
    for (let i = 0; i < count; i++) keys.push({ position: first + i * step, flags: [] });
    if (storeAt !== 0) keys.push({ position: storeAt, flags: [] });
    return keys;
  };

// SORT key [BY p] [LIMIT o c] [GET p ...] ... [STORE destination]: the key, then the last
// STORE's destination. Options with arguments are skipped over (BY 1, GET 1, LIMIT 2),
// so a GET pattern named "store" is not mistaken for the option.
const SORT_SKIPS = new Map([
  ['limit', 2],
  ['get', 1],
  ['by', 1],
]);
const sortKeys: GetKeysProcedure = (args) => {
  const keys: KeyReference[] = [{ position: 1, flags: ['RO', 'access'] }];
  let store: KeyReference | undefined;
  for (let i = 2; i < args.length; i++) {
    const option = args[i].toString('latin1').toLowerCase();
    const skip = SORT_SKIPS.get(option);
    if (skip !== undefined) i += skip;
    else if (option === 'store' && i + 1 < args.length) store = { position: i + 1, flags: ['OW', 'update'] };
  }
  return store === undefined ? keys : [...keys, store];
};

export const getKeysProcedures: ReadonlyMap<string, GetKeysProcedure> = new Map([
  ['sort', sortKeys],
  ['sort_ro', () => [{ position: 1, flags: ['RO', 'access'] }]],
  ['sintercard', generic(0, 1, 2, 1)],
  ['zunion', generic(0, 1, 2, 1)],
  ['zinter', generic(0, 1, 2, 1)],
  ['zdiff', generic(0, 1, 2, 1)],
  ['zintercard', generic(0, 1, 2, 1)],
  ['zunionstore', generic(1, 2, 3, 1)],
  ['zinterstore', generic(1, 2, 3, 1)],
  ['zdiffstore', generic(1, 2, 3, 1)],
  ['lmpop', generic(0, 1, 2, 1)],
  ['zmpop', generic(0, 1, 2, 1)],
  ['blmpop', generic(0, 2, 3, 1)],
  ['bzmpop', generic(0, 2, 3, 1)],
]);
