// What every aggregate value type (list, hash, set, sorted set) has in common, as the
// Db sees it: a type name for TYPE, an encoding name for OBJECT ENCODING, a size (an
// aggregate emptied by its last removal is deleted, as in Redis), and a deep copy for
// COPY. Each type is one class in its own module, owning its data structure and its
// compact small form; the Db knows only this interface.
//
// The encoding thresholds are one shared, mutable object: the Db owns it, CONFIG SET
// changes it, and every aggregate holds a reference and reads it when it grows. So a
// new limit applies to the next conversion, and (as in Redis) a value that has grown
// out of its compact form never converts back.

/** The aggregate types, by the names TYPE answers. */
export type AggregateType = 'list' | 'hash' | 'set' | 'zset';

export interface Aggregate {
  /** What TYPE answers. */
  readonly type: AggregateType;
  /** What OBJECT ENCODING answers, by Redis 7.0's names (`listpack`, `hashtable`, `quicklist`, `intset`, `skiplist`). */
  readonly encoding: string;
  /** The number of elements (fields, members). 0: the Db deletes the key. */
  readonly size: number;
  /** A deep copy, sharing nothing mutable with this one (COPY). */
  clone(): Aggregate;
}

/** Redis's encoding thresholds (redis.conf names in the comments). */
export interface EncodingLimits {
  /** hash-max-listpack-entries (alias hash-max-ziplist-entries): 512 in Redis 7.0 */
  hashMaxListpackEntries: number;
  /** hash-max-listpack-value (alias hash-max-ziplist-value): the longest field or value, in bytes */
  hashMaxListpackValue: number;
  /** set-max-intset-entries */
  setMaxIntsetEntries: number;
  /** zset-max-listpack-entries (alias zset-max-ziplist-entries) */
  zsetMaxListpackEntries: number;
  /** zset-max-listpack-value (alias zset-max-ziplist-value): the longest member, in bytes */
  zsetMaxListpackValue: number;
  /** list-max-listpack-size (alias list-max-ziplist-size): a quicklist node's size (negative: -1..-5 = 4..64 KB) */
  listMaxListpackSize: number;
  /** list-compress-depth */
  listCompressDepth: number;
}

/** Redis 7.0's defaults. */
export const defaultLimits = (): EncodingLimits => ({
  hashMaxListpackEntries: 512,
  hashMaxListpackValue: 64,
  setMaxIntsetEntries: 512,
  zsetMaxListpackEntries: 128,
  zsetMaxListpackValue: 64,
  listMaxListpackSize: -2,
  listCompressDepth: 0,
});
