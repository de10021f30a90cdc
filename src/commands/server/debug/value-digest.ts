// The digests of DEBUG DIGEST and DEBUG DIGEST-VALUE: a 20-byte signature of a value
// (and of the whole dataset) that is equal exactly when the contents are equal, so two
// servers, or one server before and after an operation, can be compared in one reply.
// Redis's test suite compares digests before and after operations that must not change
// the data (a conversion between encodings, a reload).
//
// The scheme is Redis's (debug.c's xorObjectDigest/mixDigest), with SHA-1 from
// node:crypto as Redis uses SHA-1: ordered things (a list's elements, a key with its
// type and value) are chained, each step hashing the previous digest with the next
// piece; unordered things (a set's members, a hash's pairs, a sorted set's entries,
// the keys of the dataset) are XORed, so their order (which depends on the encoding
// and on the history of the value) cannot change the result. So a listpack sorted set
// and a skiplist one with the same entries digest alike.
//
// The bytes are not Redis's own digest bytes: Redis mixes its pieces in its own layout
// (scores as binary long doubles, integers as their decimal strings...), and matching it
// byte for byte would tie this file to details no client depends on. What holds is what
// DEBUG DIGEST is for: equal contents give equal digests, any difference another one,
// and an empty dataset is forty zeros, as in Redis.

import { createHash } from 'node:crypto';
import { type Db, type Value, isAggregate } from '../../../db/db';
import { RedisHash } from '../../../db/types/hash';
import { RedisList } from '../../../db/types/list';
import { RedisSet } from '../../../db/types/set';
import { RedisSortedSet } from '../../../db/types/sorted-set';
import { formatDouble } from '../../../protocol/double';

const DIGEST_BYTES = 20;

/** SHA-1 of the pieces, each as bytes (latin1 strings are byte strings). */
function sha1(...pieces: readonly (Buffer | string)[]): Buffer {
  const hash = createHash('sha1');
  for (const piece of pieces) hash.update(typeof piece === 'string' ? Buffer.from(piece, 'latin1') : piece);
  return hash.digest();
}

/** XORs `piece` into `into`, in place. */
function xorInto(into: Buffer, piece: Buffer): void {
  for (let i = 0; i < DIGEST_BYTES; i++) into[i] ^= piece[i];
}

// A piece's length goes in before its bytes, so that ("ab", "c") and ("a", "bc") differ.
const framed = (piece: string | Buffer): string => `${piece.length}:`;

/** The digest of a value's content, independent of its encoding. */
function contentDigest(value: Value): Buffer {
  if (!isAggregate(value)) return sha1('string', framed(value), value);
  const digest = Buffer.alloc(DIGEST_BYTES);
  if (value instanceof RedisList) {
    // Order matters: chain.
    let chained = sha1('list');
    for (const element of value.values()) chained = sha1(chained, framed(element), element);
    return chained;
  }
  if (value instanceof RedisSet) {
    value.forEach((member) => xorInto(digest, sha1(framed(member), member)));
    return sha1('set', digest);
  }
  if (value instanceof RedisHash) {
    const pairs = value.pairs();
    for (let i = 0; i < pairs.length; i += 2) xorInto(digest, sha1(framed(pairs[i]), pairs[i], framed(pairs[i + 1]), pairs[i + 1]));
    return sha1('hash', digest);
  }
  if (value instanceof RedisSortedSet) {
    for (const [member, score] of value.entries()) xorInto(digest, sha1(framed(member), member, formatDouble(score)));
    return sha1('zset', digest);
  }
  // A type this file does not know yet (streams): its type and size, at least.
  return sha1(value.type, String(value.size));
}

/**
 * What DEBUG DIGEST-VALUE answers for one key: the digest of its value and whether it
 * has a time to live (Redis mixes in the fact, not the time, so a digest does not
 * change as the clock runs). Forty zeros for a missing key.
 */
export function keyValueDigest(db: Db, key: string): Buffer {
  const value = db.value(key);
  if (value === undefined) return Buffer.alloc(DIGEST_BYTES);
  const content = contentDigest(value);
  return db.expiresAt(key) === undefined ? content : sha1(content, '!!expire!!');
}

/** DEBUG DIGEST: every key with its value, XORed (the keys' order does not matter). Forty zeros when empty. */
export function datasetDigest(db: Db): Buffer {
  const digest = Buffer.alloc(DIGEST_BYTES);
  for (const key of db.keys()) xorInto(digest, sha1(framed(key), key, keyValueDigest(db, key)));
  return digest;
}
