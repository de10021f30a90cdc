// The set type (SADD, SMEMBERS, SINTER...): an unordered collection of distinct byte
// strings, in one of Redis's two encodings.
//
// - 'intset' while every member is a canonical 64-bit integer (string2ll's rules: "12",
//   "-7", never "012", "+1" or "-0") and there are at most set-max-intset-entries of
//   them: a sorted packed array of integers, in a string (intset.ts). Sorted, as
//   Redis's intset is, so SMEMBERS of an intset answers in numeric order, as Redis
//   does, and clients that (wrongly but commonly) rely on that order keep working.
// - 'hashtable' otherwise: a table of latin1 strings. Converted once, when a member
//   that is not an integer arrives or the intset grows past the limit; never back
//   (except where Redis itself rebuilds the set: SPOP with a large count, below).
//
// The data-structure pattern: a compact small form with a one-way conversion, and, for
// the large form, a dense array plus an index (Map member -> position). A plain JS Set
// would be smaller, but it cannot answer "a random member" or "resume at position i"
// without walking from the start; SPOP, SRANDMEMBER and SSCAN need both in O(1). The
// dense array gives uniform random picks (an index), removal by moving the last member
// into the hole, and a position to resume from.
//
// Memory (the reason for the intset form), measured with a script (node 20
// --expose-gc, process.memoryUsage after gc, the heap warmed first so that young-
// generation growth does not count) against redis-server 7.0.15 (RSS), for 100,000
// keys "set:<i>" each holding 10 random integers below 10^9 (Redis: 32-bit intsets):
//
//   redis-server, intset                                           RSS +12.9 MB
//   keys alone in a Map (the Db's share, for reference)             heap + 6.8 MB
//   sorted JS array of numbers, exact length (3 fields per set)    RSS +23.2 MB  1.8x
//   the same, 2 fields per set (limits, data)                      RSS +20.8 MB  1.6x
//   sorted array grown by splice (V8's slack)                       heap +30.0 MB
//   sorted array of bigint (every member boxed)                     heap +48.5 MB
//   packed in a latin1 string, Redis's widths (chosen, intset.ts)  RSS +15.0 MB  1.2x
//   a JS Set of strings (the 'hashtable' form)                     RSS +66.5 MB  5.2x
//
// With members below 30,000 (16-bit intsets) Redis grows by 12.3 MB and the packed
// string by 10.8 MB (0.9x). The whole server, started fresh and loaded over a socket
// with redis-cli --pipe, grows by 25 MB for the 32-bit data set and 23 MB for the 16-bit
// one (Redis: 12 MB), about 14 MB of which is the Db's keys alone (100,000 string keys
// grow it by 14 MB, Redis by 9 MB) and V8's heap headroom under load.
//
// The packed string costs a few shifts per member read (a lookup is a binary search of
// O(log n) of them) and a rebuild per write, O(n) for n <= 512; the number array was
// simpler, but twice the bytes.
//
// Members are latin1 strings at this API (1 char = 1 byte, binary-safe), as keys are.

import type { Aggregate, EncodingLimits } from './aggregate';
import {
  EMPTY_INTSET,
  Intset,
  intOf,
  intsetAdd,
  intsetGet,
  intsetHas,
  intsetLength,
  intsetRemoveAt,
  intsetRemoveIndexes,
  intsetSearch,
  intsetValues,
  memberOf,
} from './intset';

/** Redis caps the intset at 2^30 entries whatever the limit says (intset internals). */
const INTSET_HARD_LIMIT = 1 << 30;

/** SCAN cursors pack a snapshot id and a position: id * 2^26 + position (below 2^53). */
const POSITION_BITS = 2 ** 26;
const MAX_SCAN_ID = 2 ** 26;
/** How many SSCAN walks in progress a set remembers; an older cursor starts over. */
const MAX_SNAPSHOTS = 4;

/** A source of uniform numbers in [0, 1): Math.random by default, seeded in tests. */
export type Random = () => number;

/** The large form: members in a dense array, each one's position in a Map. */
class MemberTable {
  readonly index = new Map<string, number>();
  readonly list: string[] = [];
  /** SSCAN walks in progress: snapshot id -> the member list when the walk began. */
  snapshots: Map<number, string[]> | undefined;
  nextSnapshot = 1;

  has(member: string): boolean {
    return this.index.has(member);
  }

  add(member: string): boolean {
    if (this.index.has(member)) return false;
    this.index.set(member, this.list.length);
    this.list.push(member);
    return true;
  }

  remove(member: string): boolean {
    const at = this.index.get(member);
    if (at === undefined) return false;
    this.removeAt(at, member);
    return true;
  }

  /** Removes the member at `at`: the last one moves into the hole, so the array stays dense. */
  removeAt(at: number, member = this.list[at]): void {
    const last = this.list.pop() as string;
    this.index.delete(member);
    if (at < this.list.length) {
      this.list[at] = last;
      this.index.set(last, at);
    }
  }

  clone(): MemberTable {
    const copy = new MemberTable();
    for (const member of this.list) copy.add(member);
    return copy;
  }
}

export class RedisSet implements Aggregate {
  /** A packed intset (a string, see intset.ts) or a MemberTable (hashtable): two fields in all, since small sets are many. */
  private data: Intset | MemberTable = EMPTY_INTSET;

  constructor(private readonly limits: EncodingLimits) {}

  // Getters, not fields: a field would cost every one of a million small sets a slot.
  get type(): 'set' {
    return 'set';
  }

  get encoding(): 'intset' | 'hashtable' {
    return typeof this.data === 'string' ? 'intset' : 'hashtable';
  }

  get size(): number {
    return typeof this.data === 'string' ? intsetLength(this.data) : this.data.list.length;
  }

  has(member: string): boolean {
    const data = this.data;
    if (typeof data !== 'string') return data.has(member);
    const value = intOf(member);
    return value !== undefined && intsetHas(data, value);
  }

  /** Adds `member`; false when it was already there. May convert the intset to a hash table. */
  add(member: string): boolean {
    const data = this.data;
    if (typeof data !== 'string') return data.add(member);
    const value = intOf(member);
    if (value === undefined) {
      this.convert().add(member);
      return true;
    }
    const added = intsetAdd(data, value);
    if (added === data) return false;
    this.data = added;
    if (intsetLength(added) > Math.min(this.limits.setMaxIntsetEntries, INTSET_HARD_LIMIT)) this.convert();
    return true;
  }

  /** Removes `member`; false when it was not there. */
  remove(member: string): boolean {
    const data = this.data;
    if (typeof data !== 'string') return data.remove(member);
    const value = intOf(member);
    if (value === undefined) return false;
    const at = intsetSearch(data, value);
    if (at >= intsetLength(data) || intsetGet(data, at) !== value) return false;
    this.data = intsetRemoveAt(data, at);
    return true;
  }

  /** Every member: an intset in numeric order (as Redis), a hash table in no particular order. */
  members(): string[] {
    const data = this.data;
    return typeof data === 'string' ? intsetValues(data).map(memberOf) : data.list.slice();
  }

  /**
   * Calls `visit` on each member in members() order, without building the array (SINTER
   * walks the smallest set); stops early when `visit` returns false (SINTERCARD's LIMIT).
   */
  forEach(visit: (member: string) => boolean | void): void {
    const data = this.data;
    if (typeof data === 'string') {
      const n = intsetLength(data);
      for (let i = 0; i < n; i++) if (visit(memberOf(intsetGet(data, i))) === false) return;
    } else {
      for (const member of data.list) if (visit(member) === false) return;
    }
  }

  /** A uniformly random member; undefined when empty. */
  randomMember(random: Random = Math.random): string | undefined {
    const size = this.size;
    if (size === 0) return undefined;
    return this.memberAt(Math.floor(random() * size));
  }

  /**
   * SRANDMEMBER's count: `count` members, each uniformly random. `distinct`: no member
   * twice, so at most the whole set (then in members() order, as Redis); otherwise
   * repeats are allowed and exactly `count` come back.
   */
  randomMembers(count: number, distinct: boolean, random: Random = Math.random): string[] {
    const size = this.size;
    if (size === 0 || count <= 0) return [];
    if (!distinct || count === 1) {
      const picks: string[] = new Array<string>(count);
      for (let i = 0; i < count; i++) picks[i] = this.memberAt(Math.floor(random() * size));
      return picks;
    }
    if (count >= size) return this.members();
    return this.distinctIndexes(count, random).map((at) => this.memberAt(at));
  }

  /** Removes and returns a uniformly random member (SPOP); undefined when empty. */
  pop(random: Random = Math.random): string | undefined {
    const size = this.size;
    if (size === 0) return undefined;
    const at = Math.floor(random() * size);
    const member = this.memberAt(at);
    const data = this.data;
    if (typeof data === 'string') this.data = intsetRemoveAt(data, at);
    else data.removeAt(at, member);
    return member;
  }

  /**
   * SPOP key count: removes and returns `count` distinct random members (all of them
   * when count >= size, in members() order). Following Redis's two strategies: when
   * few members would remain (remaining * 5 <= count), it picks the ones to keep and
   * rebuilds the set from them, which, as in Redis, may turn a hash table whose
   * surviving members are all integers back into an intset.
   */
  popMany(count: number, random: Random = Math.random): string[] {
    const size = this.size;
    if (count <= 0 || size === 0) return [];
    if (count >= size) {
      const all = this.members();
      this.data = EMPTY_INTSET;
      return all;
    }
    const remaining = size - count;
    if (remaining * 5 > count) {
      const data = this.data;
      if (typeof data === 'string') {
        // One copy for all the removals, rather than one per member.
        const picked = this.distinctIndexes(count, random);
        this.data = intsetRemoveIndexes(data, new Set(picked));
        return picked.map((at) => memberOf(intsetGet(data, at)));
      }
      const popped: string[] = new Array<string>(count);
      for (let i = 0; i < count; i++) popped[i] = this.pop(random) as string;
      return popped;
    }
    // Keep `remaining` random members in a new set; everything else is popped.
    const kept = new RedisSet(this.limits);
    for (const at of this.distinctIndexes(remaining, random)) kept.add(this.memberAt(at));
    const popped: string[] = [];
    this.forEach((member) => {
      if (!kept.has(member)) popped.push(member);
    });
    this.data = kept.data;
    return popped;
  }

  /**
   * One SSCAN step. An intset answers everything at once with cursor 0, as Redis does
   * for its compact encodings. A hash table walks a snapshot of its member list taken
   * when the walk begins (cursor 0), `count` members per step, skipping members removed
   * since: every member present for the whole walk is returned, and the walk ends
   * however the set changes. A cursor the set no longer knows starts the walk over.
   */
  scan(cursor: number, count: number): { cursor: number; members: string[] } {
    const data = this.data;
    if (typeof data === 'string') return { cursor: 0, members: intsetValues(data).map(memberOf) };
    const id = Math.floor(cursor / POSITION_BITS);
    let position = cursor % POSITION_BITS;
    let snapshot = cursor === 0 ? undefined : data.snapshots?.get(id);
    let snapshotId = id;
    if (snapshot === undefined) {
      snapshot = data.list.slice();
      position = 0;
      snapshotId = data.nextSnapshot;
      data.nextSnapshot = (data.nextSnapshot % (MAX_SCAN_ID - 1)) + 1;
      data.snapshots ??= new Map();
      data.snapshots.set(snapshotId, snapshot);
      if (data.snapshots.size > MAX_SNAPSHOTS) data.snapshots.delete(data.snapshots.keys().next().value as number);
    }
    const members: string[] = [];
    const end = Math.min(position + Math.max(1, count), snapshot.length);
    for (; position < end; position++) if (data.has(snapshot[position])) members.push(snapshot[position]);
    if (position >= snapshot.length || position >= POSITION_BITS) {
      data.snapshots?.delete(snapshotId);
      return { cursor: 0, members };
    }
    return { cursor: snapshotId * POSITION_BITS + position, members };
  }

  /** A deep copy with the same encoding. An intset is an immutable string, so the copy shares it. */
  clone(): RedisSet {
    const copy = new RedisSet(this.limits);
    copy.data = typeof this.data === 'string' ? this.data : this.data.clone();
    return copy;
  }

  private memberAt(at: number): string {
    const data = this.data;
    return typeof data === 'string' ? memberOf(intsetGet(data, at)) : data.list[at];
  }

  /** `count` distinct positions in [0, size), uniformly (count < size). */
  private distinctIndexes(count: number, random: Random): number[] {
    const size = this.size;
    if (count * 3 > size) {
      // Many of them: a partial Fisher-Yates shuffle of all the positions.
      const positions = Array.from({ length: size }, (_, i) => i);
      for (let i = 0; i < count; i++) {
        const j = i + Math.floor(random() * (size - i));
        const t = positions[i];
        positions[i] = positions[j];
        positions[j] = t;
      }
      positions.length = count;
      return positions;
    }
    // Few of a big set: draw until `count` different ones came up (Redis's CASE 4).
    const seen = new Set<number>();
    while (seen.size < count) seen.add(Math.floor(random() * size));
    return [...seen];
  }

  /** intset -> hashtable, once; returns the table. */
  private convert(): MemberTable {
    const table = new MemberTable();
    if (typeof this.data === 'string') for (const value of intsetValues(this.data)) table.add(memberOf(value));
    this.data = table;
    return table;
  }
}

// ---- what SINTER, SUNION and SDIFF need ---------------------------------------------

/**
 * The members in every one of `sets` (SINTER), in the order of the smallest set, which
 * is the one walked (as Redis, which sorts the sets by size first): an intset's
 * members come out in numeric order. `limit` > 0 stops after that many (SINTERCARD).
 */
export function intersection(sets: readonly RedisSet[], limit = 0): string[] {
  if (sets.length === 0) return [];
  let smallest = sets[0];
  for (const set of sets) if (set.size < smallest.size) smallest = set;
  const result: string[] = [];
  smallest.forEach((member) => {
    for (const set of sets) if (set !== smallest && !set.has(member)) return true;
    result.push(member);
    return limit === 0 || result.length < limit;
  });
  return result;
}

/**
 * The members in any of `sets` (SUNION), as a new set: built as Redis builds it, from
 * an empty intset, so a union of integers is an intset again (numeric order) until it
 * outgrows the limit.
 */
export function union(sets: readonly (RedisSet | undefined)[], limits: EncodingLimits): RedisSet {
  const result = new RedisSet(limits);
  for (const set of sets) {
    set?.forEach((member) => {
      result.add(member);
    });
  }
  return result;
}

/** The members of the first set in none of the others (SDIFF), as a new set; a missing set is empty. */
export function difference(sets: readonly (RedisSet | undefined)[], limits: EncodingLimits): RedisSet {
  const result = new RedisSet(limits);
  const [first, ...others] = sets;
  if (first === undefined) return result;
  // The same set named again subtracts everything (Redis short-cuts it the same way).
  if (others.includes(first)) return result;
  first.forEach((member) => {
    for (const other of others) if (other !== undefined && other.has(member)) return;
    result.add(member);
  });
  return result;
}
