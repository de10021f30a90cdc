// RedisSortedSet: the value of a ZSET key. Members (latin1 byte strings) with a double
// score each, ordered by (score, member bytes); everything ZADD, ZRANGE, ZRANK, ZPOPMIN
// and the set algebra need, in O(log n) for a large set.
//
// Data-structure pattern: two representations behind one API, switched once, as in
// Redis's t_zset.c.
// - Small ('listpack'): while the set has at most zset-max-listpack-entries members
//   and none is longer than zset-max-listpack-value bytes, every pair is packed into one
//   string in order (zset-listpack.ts). Every operation is a linear walk over at most
//   128 entries, which is faster than pointer chasing at that size, and it costs a
//   fraction of the memory.
// - Large ('skiplist'): a Map from member to its skiplist node (ZSCORE in O(1)) plus the
//   skiplist with spans (skiplist.ts) for order and rank (O(log n) insert, delete, rank
//   and the start of a range), as Redis's dict + zskiplist.
// The first add that breaks a limit converts the set, and it never converts back
// (Redis does not either: a set that grew big once is likely to grow big again).
//
// Memory, measured (node 20 --expose-gc, process.memoryUsage() after gc(); 100,000 keys
// "zset:N", each a set of 10 members "member:0".."member:9" with scores 1..10, built by
// 10 adds each, the keys in a Map as the Db keeps them; the young generation warmed up
// first, as in a running server):
//   redis-server 7.0.15, same data (redis-cli --pipe):  used_memory +20.3 MB, RSS +20.3 MB
//   string[] + number[] per set                          heap +62 MB, RSS +103 MB
//   members in one packed string + a number[] of scores  heap +31 MB, RSS  +75 MB
//   one packed string, every score as 8 bytes            heap +21 MB, RSS  +65 MB (fresh process)
//   one packed string, small-integer scores in 1 char    heap +24 MB, RSS  +19-21 MB (this module,
//                                                         keys and Map included)
// Through the whole server (this project's server, same data sent by redis-cli --pipe,
// RSS read with ps before and 5 s after): +28 MB, 1.4x Redis's +20.3 MB, the bound
// being 2x; the difference over the figure above is the request parsing's garbage, not
// yet collected. So the compact form is one packed string with the short score
// encoding, and this object has three fields only (`type` and
// `encoding` are getters on the prototype, so they cost nothing per set).
//
// Scores are JavaScript numbers, C doubles: -0, inf and -inf behave as in Redis (-0
// is kept by a large set and reads as 0 from a small one, as Redis's listpack stores
// integers). NaN never gets in: the commands refuse it ("resulting score is not a
// number").

import type { Aggregate, EncodingLimits } from './aggregate';
import { SkipList, type SkipNode } from './skiplist';
import { MAX_PACKED_MEMBER, PackedCursor, flat, pack, packEntry, unpack } from './zset-listpack';

/** A member and its score. */
export type ZEntry = readonly [member: string, score: number];

/** A score interval, as zslParseRange reads "(1.5" and "+inf". */
export interface ScoreRange {
  readonly min: number;
  readonly max: number;
  readonly minExclusive: boolean;
  readonly maxExclusive: boolean;
}

/** One end of a lex interval: "-" (before every string), "+" (after every string), "[a" or "(a". */
export type LexBound = '-' | '+' | { readonly value: string; readonly exclusive: boolean };
export interface LexRange {
  readonly min: LexBound;
  readonly max: LexBound;
}

/** ZADD's options. */
export interface AddOptions {
  /** Only add new members. */
  readonly nx?: boolean;
  /** Only update existing members. */
  readonly xx?: boolean;
  /** Update an existing member only if the new score is greater. */
  readonly gt?: boolean;
  /** Update an existing member only if the new score is less. */
  readonly lt?: boolean;
  /** Add `score` to the current score (a missing member starts at 0). */
  readonly incr?: boolean;
}

/**
 * What one ZADD pair did (Redis's ZADD_OUT_* flags):
 * - `added`: a new member; `updated`: its score changed; `unchanged`: it was there with
 *   that very score (still "processed": ZADD INCR answers its score);
 * - `skipped`: NX, XX, GT or LT refused it (ZADD INCR answers nil);
 * - `nan`: INCR made the score NaN (inf + -inf); nothing changed.
 * `score` is the member's score after the call (for `added`, `updated`, `unchanged`).
 */
export interface AddResult {
  readonly outcome: 'added' | 'updated' | 'unchanged' | 'skipped' | 'nan';
  readonly score: number;
}

/** ZRANGEBYSCORE / ZRANGEBYLEX's walk: direction, then LIMIT offset count (count < 0: no limit). */
export interface RangeOptions {
  readonly reverse?: boolean;
  readonly offset?: number;
  readonly limit?: number;
}

const SKIPPED: AddResult = Object.freeze({ outcome: 'skipped', score: 0 });
const NAN: AddResult = Object.freeze({ outcome: 'nan', score: NaN });

/** The large form: member -> node for lookups, the skiplist for order. */
class Indexed {
  readonly dict = new Map<string, SkipNode>();
  readonly list = new SkipList();

  insert(member: string, score: number): void {
    this.dict.set(member, this.list.insert(score, member));
  }
}

/** Score-range tests, as zslValueGteMin / zslValueLteMax. */
const aboveMin = (score: number, r: ScoreRange): boolean => (r.minExclusive ? score > r.min : score >= r.min);
const belowMax = (score: number, r: ScoreRange): boolean => (r.maxExclusive ? score < r.max : score <= r.max);
/** Can any score be in the range at all? (zslIsInRange's first test.) */
const scoreRangeEmpty = (r: ScoreRange): boolean => r.min > r.max || (r.min === r.max && (r.minExclusive || r.maxExclusive));

/** Compares a member with a lex bound, -1/0/1, "-" and "+" being minus and plus infinity (sdscmplex). */
function compareLex(member: string, bound: LexBound): number {
  if (bound === '-') return 1;
  if (bound === '+') return -1;
  return member < bound.value ? -1 : member > bound.value ? 1 : 0;
}
const exclusive = (b: LexBound): boolean => b === '-' || b === '+' || b.exclusive;
const lexAboveMin = (member: string, r: LexRange): boolean => {
  const c = compareLex(member, r.min);
  return exclusive(r.min) ? c > 0 : c >= 0;
};
const lexBelowMax = (member: string, r: LexRange): boolean => {
  const c = compareLex(member, r.max);
  return exclusive(r.max) ? c < 0 : c <= 0;
};
/** zslIsInLexRange's first test: min after max, or equal and either end open. */
function lexRangeEmpty(r: LexRange): boolean {
  const { min, max } = r;
  let c: number;
  if (min === max) c = 0;
  else if (min === '-' || max === '+') c = -1;
  else if (min === '+' || max === '-') c = 1;
  else c = min.value < max.value ? -1 : min.value > max.value ? 1 : 0;
  return c > 0 || (c === 0 && (exclusive(min) || exclusive(max)));
}

/**
 * Redis's index sanitizing for ZRANGE, ZREMRANGEBYRANK and ZRANGESTORE: negative
 * indexes count from the end, the start is clamped at 0 and the end at the last
 * element. `null`: the range is empty.
 */
export function rankRange(start: number, end: number, length: number): readonly [start: number, end: number] | null {
  if (start < 0) start = length + start;
  if (end < 0) end = length + end;
  if (start < 0) start = 0;
  if (start > end || start >= length) return null;
  if (end >= length) end = length - 1;
  return [start, end];
}

export class RedisSortedSet implements Aggregate {
  /** The packed string (small form) or the map + skiplist (large form). */
  private data: string | Indexed = '';
  /** The number of packed entries (the large form counts its own). */
  private packedCount = 0;

  constructor(private readonly limits: EncodingLimits) {}

  get type(): 'zset' {
    return 'zset';
  }

  get encoding(): 'listpack' | 'skiplist' {
    return typeof this.data === 'string' ? 'listpack' : 'skiplist';
  }

  get size(): number {
    return typeof this.data === 'string' ? this.packedCount : this.data.list.length;
  }

  clone(): RedisSortedSet {
    const copy = new RedisSortedSet(this.limits);
    if (typeof this.data === 'string') {
      copy.data = this.data; // strings are immutable: sharing is copying
      copy.packedCount = this.packedCount;
    } else {
      const big = new Indexed();
      for (let node = this.data.list.first; node !== null; node = node.next) big.insert(node.member, node.score);
      copy.data = big;
    }
    return copy;
  }

  // -------------------------------------------------------------------------
  // Members

  /** The member's score, or undefined. */
  score(member: string): number | undefined {
    const data = this.data;
    if (typeof data !== 'string') return data.dict.get(member)?.score;
    const c = cursor;
    for (let i = 0, at = 0; i < this.packedCount; i++, at = c.next) {
      c.read(data, at);
      if (c.is(data, member)) return c.score;
    }
    return undefined;
  }

  has(member: string): boolean {
    return this.score(member) !== undefined;
  }

  /**
   * ZADD's step for one pair (Redis's zsetAdd): adds, updates, or leaves the member as
   * the options say. `score` must not be NaN (the parser refuses it).
   */
  add(member: string, score: number, options: AddOptions = {}): AddResult {
    const current = this.score(member);
    if (current !== undefined) {
      if (options.nx) return SKIPPED;
      let next = score;
      if (options.incr) {
        next = current + score;
        if (Number.isNaN(next)) return NAN;
      }
      if ((options.lt && next >= current) || (options.gt && next <= current)) return SKIPPED;
      // As Redis, the reply is the score computed (a small set may store it as 0 for -0).
      if (next === current) return { outcome: 'unchanged', score: next };
      this.rescore(member, next);
      return { outcome: 'updated', score: next };
    }
    if (options.xx) return SKIPPED;
    this.insertNew(member, score);
    return { outcome: 'added', score };
  }

  /** Removes a member; false if it was not there. */
  remove(member: string): boolean {
    const data = this.data;
    if (typeof data !== 'string') {
      const node = data.dict.get(member);
      if (node === undefined) return false;
      data.dict.delete(member);
      data.list.delete(node.score, member);
      return true;
    }
    const c = cursor;
    for (let i = 0, at = 0; i < this.packedCount; i++, at = c.next) {
      c.read(data, at);
      if (c.is(data, member)) {
        this.data = flat(data.slice(0, at) + data.slice(c.next));
        this.packedCount--;
        return true;
      }
    }
    return false;
  }

  /** The member's 0-based rank, lowest score first (or highest first with `reverse`); undefined if absent. */
  rank(member: string, reverse = false): number | undefined {
    const data = this.data;
    let rank: number;
    if (typeof data !== 'string') {
      const node = data.dict.get(member);
      if (node === undefined) return undefined;
      rank = data.list.rank(node.score, member) - 1;
    } else {
      const c = cursor;
      rank = -1;
      for (let i = 0, at = 0; i < this.packedCount; i++, at = c.next) {
        c.read(data, at);
        if (c.is(data, member)) {
          rank = i;
          break;
        }
      }
      if (rank === -1) return undefined;
    }
    return reverse ? this.size - 1 - rank : rank;
  }

  /** The entry at a 0-based rank (lowest first), or undefined. */
  at(rank: number): ZEntry | undefined {
    if (rank < 0 || rank >= this.size) return undefined;
    const data = this.data;
    if (typeof data !== 'string') {
      const node = data.list.byRank(rank + 1)!;
      return [node.member, node.score];
    }
    const c = cursor;
    let at = 0;
    for (let i = 0; i < rank; i++) at = c.read(data, at).next;
    c.read(data, at);
    return [c.member(data), c.score];
  }

  // -------------------------------------------------------------------------
  // Ranges

  /**
   * ZRANGE by rank: indexes as the client gives them (negative from the end), sanitized
   * as Redis does; `reverse` counts them from the highest score.
   */
  rangeByRank(start: number, end: number, reverse = false): ZEntry[] {
    const r = rankRange(start, end, this.size);
    if (r === null) return [];
    const [from, to] = r;
    const out: ZEntry[] = [];
    this.walk(reverse ? this.size - 1 - from : from, reverse, to - from + 1, () => true, out);
    return out;
  }

  /** ZRANGEBYSCORE / ZREVRANGEBYSCORE (Redis's genericZrangebyscoreCommand). */
  rangeByScore(range: ScoreRange, options: RangeOptions = {}): ZEntry[] {
    const { reverse = false, offset = 0, limit = -1 } = options;
    const out: ZEntry[] = [];
    if (offset < 0 || (offset > 0 && offset >= this.size)) return out;
    const startRank = reverse ? this.lastRankInScoreRange(range) : this.firstRankInScoreRange(range);
    if (startRank === -1) return out;
    const first = reverse ? startRank - offset : startRank + offset;
    const within = reverse ? (_m: string, s: number) => aboveMin(s, range) : (_m: string, s: number) => belowMax(s, range);
    this.walk(first, reverse, limit < 0 ? Infinity : limit, within, out);
    return out;
  }

  /** ZRANGEBYLEX / ZREVRANGEBYLEX (genericZrangebylexCommand). Meaningful when all scores are equal. */
  rangeByLex(range: LexRange, options: RangeOptions = {}): ZEntry[] {
    const { reverse = false, offset = 0, limit = -1 } = options;
    const out: ZEntry[] = [];
    if (offset < 0) return out;
    const startRank = reverse ? this.lastRankInLexRange(range) : this.firstRankInLexRange(range);
    if (startRank === -1) return out;
    const first = reverse ? startRank - offset : startRank + offset;
    const within = reverse ? (m: string) => lexAboveMin(m, range) : (m: string) => lexBelowMax(m, range);
    this.walk(first, reverse, limit < 0 ? Infinity : limit, within, out);
    return out;
  }

  /**
   * ZCOUNT: how many scores are in the range. The large form subtracts the ranks of
   * the first and last entries in range (O(log n)); the packed form walks from the first.
   */
  countByScore(range: ScoreRange): number {
    const first = this.firstRankInScoreRange(range);
    if (first === -1) return 0;
    if (typeof this.data !== 'string') return this.rankCount(first, this.lastRankInScoreRange(range));
    return this.countWhile(first, (_m, score) => belowMax(score, range));
  }

  /**
   * ZLEXCOUNT, as Redis counts (which only matters when scores differ, where Redis
   * leaves the answer unspecified): the packed form walks from the first member in
   * range while members stay below the max; the large form subtracts ranks.
   */
  countByLex(range: LexRange): number {
    const first = this.firstRankInLexRange(range);
    if (first === -1) return 0;
    if (typeof this.data !== 'string') return this.rankCount(first, this.lastRankInLexRange(range));
    return this.countWhile(first, (member) => lexBelowMax(member, range));
  }

  /** ZREMRANGEBYRANK, indexes as the client gives them. Returns how many were removed. */
  removeRangeByRank(start: number, end: number): number {
    const r = rankRange(start, end, this.size);
    if (r === null) return 0;
    return this.removeRanks(r[0], r[1]);
  }

  /** ZREMRANGEBYSCORE: from the first score in range, while scores stay below the max. */
  removeRangeByScore(range: ScoreRange): number {
    const data = this.data;
    const first =
      typeof data === 'string' ? this.firstRankInScoreRange(range) : data.list.firstNotBelow((n) => !aboveMin(n.score, range)).rank - 1;
    return this.removeWhile(first, (_m, score) => belowMax(score, range));
  }

  /**
   * ZREMRANGEBYLEX: from the first member in range, while members stay below the max.
   * (The skiplist descends straight to the min, without the first/last check that
   * ZRANGEBYLEX makes: Redis's zslDeleteRangeByLex does the same.)
   */
  removeRangeByLex(range: LexRange): number {
    const data = this.data;
    const first =
      typeof data === 'string' ? this.firstRankInLexRange(range) : data.list.firstNotBelow((n) => !lexAboveMin(n.member, range)).rank - 1;
    return this.removeWhile(first, (member) => lexBelowMax(member, range));
  }

  /** ZPOPMIN: removes and returns up to `count` lowest entries, lowest first. */
  popMin(count = 1): ZEntry[] {
    const n = Math.min(count, this.size);
    if (n <= 0) return [];
    const out = this.rangeByRank(0, n - 1);
    this.removeRanks(0, n - 1);
    return out;
  }

  /** ZPOPMAX: removes and returns up to `count` highest entries, highest first. */
  popMax(count = 1): ZEntry[] {
    const n = Math.min(count, this.size);
    if (n <= 0) return [];
    const out = this.rangeByRank(0, n - 1, true);
    this.removeRanks(this.size - n, this.size - 1);
    return out;
  }

  /** Every entry, lowest score first. */
  *entries(): IterableIterator<ZEntry> {
    const data = this.data;
    if (typeof data !== 'string') {
      for (let node = data.list.first; node !== null; node = node.next) yield [node.member, node.score];
      return;
    }
    const c = new PackedCursor(); // its own: the caller may call other methods between steps
    for (let i = 0, at = 0; i < this.packedCount; i++, at = c.next) {
      c.read(data, at);
      yield [c.member(data), c.score];
    }
  }

  [Symbol.iterator](): IterableIterator<ZEntry> {
    return this.entries();
  }

  // -------------------------------------------------------------------------
  // Inside

  /** Adds a member known to be absent, converting to the large form first if a limit is crossed. */
  private insertNew(member: string, score: number): void {
    let data = this.data;
    if (typeof data === 'string') {
      if (this.packedCount + 1 > this.limits.zsetMaxListpackEntries || member.length > this.limits.zsetMaxListpackValue || member.length > MAX_PACKED_MEMBER) {
        data = this.convert();
      } else {
        this.data = this.packedInsert(data, member, score);
        this.packedCount++;
        return;
      }
    }
    data.insert(member, score);
  }

  /** The packed string with (member, score) inserted at its place in the order. */
  private packedInsert(data: string, member: string, score: number): string {
    const c = cursor;
    let at = 0;
    for (let i = 0; i < this.packedCount; i++) {
      c.read(data, at);
      if (c.score > score || (c.score === score && c.member(data) > member)) break;
      at = c.next;
    }
    return flat(data.slice(0, at) + packEntry(member, score) + data.slice(at));
  }

  /** Changes an existing member's score. */
  private rescore(member: string, next: number): void {
    const data = this.data;
    if (typeof data !== 'string') {
      const node = data.dict.get(member)!;
      const moved = data.list.updateScore(node, next);
      if (moved !== node) data.dict.set(member, moved);
      return;
    }
    // As zzlDelete + zzlInsert: out, then in at the new place.
    this.remove(member);
    this.data = this.packedInsert(this.data as string, member, next);
    this.packedCount++;
  }

  /** Small form -> large form (once: never back). */
  private convert(): Indexed {
    const packed = this.data as string;
    const big = new Indexed();
    const c = cursor;
    for (let i = 0, at = 0; i < this.packedCount; i++, at = c.next) {
      c.read(packed, at);
      // A copy, not a slice: V8 keeps a slice's parent alive, and the Map would then
      // hold on to the whole packed string for as long as the member lives.
      big.insert(Buffer.from(c.member(packed), 'latin1').toString('latin1'), c.score);
    }
    this.data = big;
    this.packedCount = 0;
    return big;
  }

  /**
   * Appends to `out` up to `count` entries from 0-based rank `from`, walking down
   * (reverse) or up, stopping at the first one `within` refuses or at either end.
   */
  private walk(from: number, reverse: boolean, count: number, within: (member: string, score: number) => boolean, out: ZEntry[]): void {
    const size = this.size;
    if (from < 0 || from >= size || count <= 0) return;
    const data = this.data;
    if (typeof data !== 'string') {
      let node = data.list.byRank(from + 1);
      while (node !== null && count-- > 0) {
        if (!within(node.member, node.score)) break;
        out.push([node.member, node.score]);
        node = reverse ? node.backward : node.next;
      }
      return;
    }
    const { members, scores } = unpack(data, this.packedCount);
    for (let i = from; i >= 0 && i < size && count-- > 0; i += reverse ? -1 : 1) {
      if (!within(members[i], scores[i])) break;
      out.push([members[i], scores[i]]);
    }
  }

  /** Removes 0-based ranks from..to (inclusive, both valid). */
  private removeRanks(from: number, to: number): number {
    const data = this.data;
    if (typeof data !== 'string') {
      const dict = data.dict;
      return data.list.deleteRankRange(from + 1, to + 1, (node) => dict.delete(node.member));
    }
    const c = cursor;
    let at = 0;
    for (let i = 0; i < from; i++) at = c.read(data, at).next;
    let end = at;
    for (let i = from; i <= to; i++) end = c.read(data, end).next;
    this.data = flat(data.slice(0, at) + data.slice(end));
    this.packedCount -= to - from + 1;
    return to - from + 1;
  }

  /** Redis's count from two ranks (zcountCommand): to the end when there is no last. */
  private rankCount(first: number, last: number): number {
    return last === -1 ? this.size - first : last - first + 1;
  }

  /** How many entries from 0-based rank `from` on satisfy `within`, stopping at the first that does not. */
  private countWhile(from: number, within: (member: string, score: number) => boolean): number {
    const out: ZEntry[] = [];
    this.walk(from, false, Infinity, within, out);
    return out.length;
  }

  /** Removes the run of entries from rank `from` that satisfy `within`; returns how many. */
  private removeWhile(from: number, within: (member: string, score: number) => boolean): number {
    if (from < 0 || from >= this.size) return 0;
    const n = this.countWhile(from, within);
    return n === 0 ? 0 : this.removeRanks(from, from + n - 1);
  }

  // The first/last rank of a range: the skiplist descends (zslFirstInRange...), the
  // packed form walks (zzlFirstInRange...). -1: nothing in the range.

  private firstRankInScoreRange(range: ScoreRange): number {
    if (scoreRangeEmpty(range) || this.size === 0) return -1;
    const data = this.data;
    if (typeof data !== 'string') {
      const { node, rank } = data.list.firstNotBelow((n) => !aboveMin(n.score, range));
      return node !== null && belowMax(node.score, range) ? rank - 1 : -1;
    }
    const c = cursor;
    for (let i = 0, at = 0; i < this.packedCount; i++, at = c.next) {
      c.read(data, at);
      if (aboveMin(c.score, range)) return belowMax(c.score, range) ? i : -1;
    }
    return -1;
  }

  private lastRankInScoreRange(range: ScoreRange): number {
    if (scoreRangeEmpty(range) || this.size === 0) return -1;
    const data = this.data;
    if (typeof data !== 'string') {
      const { node, rank } = data.list.lastWithin((n) => belowMax(n.score, range));
      return node !== null && aboveMin(node.score, range) ? rank - 1 : -1;
    }
    const { scores } = unpack(data, this.packedCount);
    for (let i = scores.length - 1; i >= 0; i--) {
      if (belowMax(scores[i], range)) return aboveMin(scores[i], range) ? i : -1;
    }
    return -1;
  }

  private firstRankInLexRange(range: LexRange): number {
    if (lexRangeEmpty(range) || this.size === 0) return -1;
    const data = this.data;
    if (typeof data !== 'string') {
      // zslIsInLexRange: the tail must reach the min and the head must not pass the max.
      const list = data.list;
      if (!lexAboveMin(list.tail!.member, range) || !lexBelowMax(list.first!.member, range)) return -1;
      const { node, rank } = list.firstNotBelow((n) => !lexAboveMin(n.member, range));
      return node !== null && lexBelowMax(node.member, range) ? rank - 1 : -1;
    }
    if (!this.packedInLexRange(range)) return -1;
    const c = cursor;
    for (let i = 0, at = 0; i < this.packedCount; i++, at = c.next) {
      c.read(data, at);
      const member = c.member(data);
      if (lexAboveMin(member, range)) return lexBelowMax(member, range) ? i : -1;
    }
    return -1;
  }

  /** zzlIsInLexRange: the last member must reach the min and the first must not pass the max. */
  private packedInLexRange(range: LexRange): boolean {
    const data = this.data as string;
    const c = cursor;
    if (!lexBelowMax(c.read(data, 0).member(data), range)) return false;
    let at = 0;
    for (let i = 1; i < this.packedCount; i++) at = c.read(data, at).next;
    return lexAboveMin(c.read(data, at).member(data), range);
  }

  private lastRankInLexRange(range: LexRange): number {
    if (lexRangeEmpty(range) || this.size === 0) return -1;
    const data = this.data;
    if (typeof data !== 'string') {
      const list = data.list;
      if (!lexAboveMin(list.tail!.member, range) || !lexBelowMax(list.first!.member, range)) return -1;
      const { node, rank } = list.lastWithin((n) => lexBelowMax(n.member, range));
      return node !== null && lexAboveMin(node.member, range) ? rank - 1 : -1;
    }
    if (!this.packedInLexRange(range)) return -1;
    const { members } = unpack(data, this.packedCount);
    for (let i = members.length - 1; i >= 0; i--) {
      if (lexBelowMax(members[i], range)) return lexAboveMin(members[i], range) ? i : -1;
    }
    return -1;
  }
}

/** One cursor for the short synchronous walks above (never held across calls). */
const cursor = new PackedCursor();
