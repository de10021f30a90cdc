// DEBUG QUICKLIST-PACKED-THRESHOLD <size>: in Redis, list elements at least this large
// go into "plain" quicklist nodes of their own instead of packed listpacks (default
// 1 GB; 0 restores it). This server's list is one ring buffer whatever the element size
// (db/types/list.ts), so there is nothing to set: the size is validated with Redis's
// rule and text (a memory value, at most 4 GB - 1 MB) and OK is the answer. Redis's
// list tests set it to 1b to run their LINSERT/LSET/LPOP cases over plain nodes; the
// cases themselves then run unchanged here.

import { OK } from '../../../protocol/frame';
import { ReplyError } from '../../command';
import { type DebugSubcommand, exactly } from './subcommand';

const INVALID = new ReplyError('ERR argument must be a memory value bigger than 1 and smaller than 4gb');
/** quicklistisSetPackedThreshold's bound: 4 GB less 1 MB. */
const MAX_THRESHOLD = 2n ** 32n - 2n ** 20n;
const UNITS: Readonly<Record<string, bigint>> = { b: 1n, k: 1000n, kb: 1024n, m: 1000n ** 2n, mb: 1024n ** 2n, g: 1000n ** 3n, gb: 1024n ** 3n };

/** Redis's memtoull: digits and an optional unit (any case); null where it reports an error. */
function memtoull(text: string): bigint | null {
  const match = /^([0-9]*)(b|k|kb|m|mb|g|gb)?$/i.exec(text);
  // Redis copies the digits into a 128-byte buffer first: longer is an error.
  if (match === null || match[1].length >= 128) return null;
  return BigInt(match[1] === '' ? '0' : match[1]) * UNITS[(match[2] ?? 'b').toLowerCase()];
}

export const debugQuicklistPackedThreshold: DebugSubcommand = {
  name: 'quicklist-packed-threshold',
  accepts: exactly(3),
  run(args) {
    const size = memtoull(args[0].toString('latin1'));
    return size === null || size > MAX_THRESHOLD ? INVALID.frame : OK;
  },
};
