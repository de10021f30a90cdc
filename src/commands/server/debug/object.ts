// DEBUG OBJECT key: Redis's one-line low-level description of a value,
//   Value at:0x7f... refcount:1 encoding:quicklist serializedlength:N lru:L lru_seconds_idle:S
// followed, for a quicklist, by its node figures (ql_nodes, ql_avg_node, ql_listpack_max,
// ql_compressed, ql_uncompressed_size). Test suites parse fields out of it: the
// encoding, the address (INCR must keep it), the quicklist's node count.
//
// What each field is here:
// - at: no memory address exists; the "address" is derived from the key's name, so it is
//   stable for as long as the key exists (INCR, APPEND and friends keep it, as Redis's
//   in-place updates keep theirs).
// - refcount, encoding: as OBJECT REFCOUNT and OBJECT ENCODING answer.
// - serializedlength: an estimate of the RDB size (bytes of the elements plus a byte of
//   length each); there is no RDB writer yet to ask.
// - lru: Redis's LRU clock (seconds, 24 bits) now; lru_seconds_idle: 0, as OBJECT
//   IDLETIME (no per-key access clock is kept).
// - ql_*: the list is one ring buffer here, so the quicklist figures are what Redis
//   would report for its nodes if each held list-max-listpack-size elements (or, for a
//   size limit in kilobytes, as many elements as fit): a plausible count, not a layout.
//
// A missing key is Redis's "no such key"; like Redis, DEBUG OBJECT does not count as an
// access of the key.

import { type Value, isAggregate } from '../../../db/db';
import { RedisHash } from '../../../db/types/hash';
import { RedisList } from '../../../db/types/list';
import { RedisSet } from '../../../db/types/set';
import { RedisSortedSet } from '../../../db/types/sorted-set';
import type { EncodingLimits } from '../../../db/types/aggregate';
import { simple } from '../../../protocol/frame';
import { ReplyError, keyOf } from '../../command';
import { encodingOf, refcountOf } from '../../keyspace/object/value-encoding';
import { type DebugSubcommand, exactly } from './subcommand';

export const NO_SUCH_KEY = new ReplyError('ERR no such key');

/** A stable pseudo address for a key: FNV-1a over its bytes, shown as a 48-bit heap pointer. */
function addressOf(key: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) hash = Math.imul(hash ^ key.charCodeAt(i), 0x01000193) >>> 0;
  // 16-byte aligned, in the range Linux puts heap allocations in.
  return `0x7f${(hash * 16).toString(16).padStart(10, '0')}`;
}

/** The elements of a value as byte strings (for the size estimates). */
function elementsOf(value: Value): Iterable<string> {
  if (!isAggregate(value)) return [typeof value === 'string' ? value : value.toString('latin1')];
  if (value instanceof RedisList) return value.values();
  if (value instanceof RedisSet) return value.members();
  if (value instanceof RedisHash) return value.pairs();
  if (value instanceof RedisSortedSet) return [...value.entries()].map(([member]) => member + '12345678');
  return [];
}

/** Roughly what the value takes in an RDB file: each element with a byte of length. */
function serializedLength(value: Value): number {
  let bytes = isAggregate(value) ? 1 : 0;
  for (const element of elementsOf(value)) bytes += element.length + 1;
  return bytes;
}

/** Redis's listpack node limits for a negative list-max-listpack-size: -1..-5 = 4..64 KB. */
const NODE_BYTES = [4096, 8192, 16384, 32768, 65536];

/** The quicklist figures Redis appends for a list: ` ql_nodes:... ql_uncompressed_size:...`. */
function quicklistFigures(list: RedisList, limits: EncodingLimits): string {
  const fill = limits.listMaxListpackSize;
  const sizes = [...list.values()].map((element) => element.length + 2);
  let nodes = 0;
  let inNode = 0;
  let nodeBytes = 0;
  const maxBytes = fill < 0 ? NODE_BYTES[Math.min(-fill, 5) - 1] : Infinity;
  for (const size of sizes) {
    const fits = inNode > 0 && (fill > 0 ? inNode < fill : nodeBytes + size <= maxBytes);
    if (!fits) {
      nodes++;
      inNode = 0;
      nodeBytes = 11; // a listpack's header and end byte
    }
    inNode++;
    nodeBytes += size;
  }
  nodes = Math.max(nodes, 1);
  const uncompressed = sizes.reduce((sum, size) => sum + size, 0) + 11 * nodes;
  const average = (list.size / nodes).toFixed(2);
  return ` ql_nodes:${nodes} ql_avg_node:${average} ql_listpack_max:${fill} ql_compressed:${limits.listCompressDepth !== 0 ? 1 : 0} ql_uncompressed_size:${uncompressed}`;
}

export const debugObject: DebugSubcommand = {
  name: 'object',
  accepts: exactly(3),
  run(args, { db }) {
    const key = keyOf(args[0]);
    // Expired or not: Redis's DEBUG OBJECT reads the dict directly (no lazy expiry).
    const value = db.peek(key);
    if (value === undefined) return NO_SUCH_KEY.frame;
    const lru = Math.floor(db.now() / 1000) & 0xffffff;
    const extra = value instanceof RedisList ? quicklistFigures(value, db.limits) : '';
    return simple(
      `Value at:${addressOf(key)} refcount:${refcountOf(value)} encoding:${encodingOf(value)} ` +
        `serializedlength:${serializedLength(value)} lru:${lru} lru_seconds_idle:0${extra}`,
    );
  },
};
