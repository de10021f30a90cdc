// The compact form of a small sorted set: every (member, score) pair, in order, packed
// into one latin1 string, as Redis packs them into one listpack.
//
// Data-structure pattern: a packed, length-prefixed sequence. A JavaScript object per
// entry (or even two parallel arrays) costs 16-32 bytes of header per member besides
// its characters; one string for the whole set costs one header. Measured on 100,000
// sets of 10 members ("member:0".."member:9", scores 1..10) the packed string takes
// 120 bytes per set, where a string[] plus a number[] take about 520 (see the figures in
// sorted-set.ts). Strings are immutable, so an insert or a removal builds a new string:
// O(n) per change, as Redis's listpack memmoves its bytes; n is at most
// zset-max-listpack-entries (128), so this is a few kilobytes copied at worst.
//
// An entry is: the member's length (1 char below 128, else 3 chars: 0x80 | bits 16-22,
// then bits 8-15 and 0-7), the member's chars, then the score:
//   - one char 0x00-0xEF: an integer score 0..239 (the common "rank" scores);
//   - 0xF0 + 4 chars: an integer score that fits in 32 bits (little-endian, two's complement);
//   - 0xF1 + 8 chars: any other double, its IEEE-754 bytes (little-endian).
// Every char is below 256, so V8 keeps the string one byte per char.
//
// Redis's listpack stores an integral score as an integer, so it has no -0: a -0 added
// to a small set reads back as 0 (a large set keeps -0). Encoding -0 as the one-char 0
// gives the same answers.

/** The longest member the length prefix can hold; longer ones force the skiplist form. */
export const MAX_PACKED_MEMBER = 0x7fffff;

const scratch = new Float64Array(1);
const scratchBytes = new Uint8Array(scratch.buffer);
const SMALL_LIMIT = 0xf0;
const INT32 = 0xf0;
const DOUBLE = 0xf1;

/** One entry, packed. */
export function packEntry(member: string, score: number): string {
  const n = member.length;
  const prefix = n < 0x80 ? String.fromCharCode(n) : String.fromCharCode(0x80 | (n >> 16), (n >> 8) & 0xff, n & 0xff);
  return prefix + member + packScore(score);
}

function packScore(score: number): string {
  if (Number.isInteger(score)) {
    if (score >= 0 && score < SMALL_LIMIT) return String.fromCharCode(score); // -0 too: it becomes 0
    if (score >= -0x80000000 && score <= 0x7fffffff) {
      return String.fromCharCode(INT32, score & 0xff, (score >> 8) & 0xff, (score >> 16) & 0xff, (score >>> 24) & 0xff);
    }
  }
  scratch[0] = score;
  const b = scratchBytes;
  return String.fromCharCode(DOUBLE, b[0], b[1], b[2], b[3], b[4], b[5], b[6], b[7]);
}

/**
 * A reading position: after `read(p, at)`, the entry at `at` is the member
 * p[start, end) with `score`, and the next entry begins at `next`. One cursor is reused
 * for a whole walk, so walking allocates nothing until a member is sliced out.
 */
export class PackedCursor {
  start = 0;
  end = 0;
  score = 0;
  next = 0;

  read(p: string, at: number): this {
    let c = p.charCodeAt(at);
    let start = at + 1;
    let length = c;
    if (c >= 0x80) {
      length = ((c & 0x7f) << 16) | (p.charCodeAt(at + 1) << 8) | p.charCodeAt(at + 2);
      start = at + 3;
    }
    this.start = start;
    this.end = start + length;
    let s = this.end;
    c = p.charCodeAt(s);
    if (c < SMALL_LIMIT) {
      this.score = c;
      this.next = s + 1;
    } else if (c === INT32) {
      this.score = p.charCodeAt(s + 1) | (p.charCodeAt(s + 2) << 8) | (p.charCodeAt(s + 3) << 16) | (p.charCodeAt(s + 4) << 24);
      this.next = s + 5;
    } else {
      for (let i = 0; i < 8; i++) scratchBytes[i] = p.charCodeAt(++s);
      this.score = scratch[0];
      this.next = s + 1;
    }
    return this;
  }

  /** The member of the entry just read. */
  member(p: string): string {
    return p.slice(this.start, this.end);
  }

  /** Is the entry just read `member`? (No slice: compares in place.) */
  is(p: string, member: string): boolean {
    return this.end - this.start === member.length && p.startsWith(member, this.start);
  }
}

/** Every entry of `p` (n of them), decoded: the members and scores, in order. */
export function unpack(p: string, n: number): { members: string[]; scores: number[] } {
  const members = new Array<string>(n);
  const scores = new Array<number>(n);
  const c = new PackedCursor();
  for (let i = 0, at = 0; i < n; i++, at = c.next) {
    c.read(p, at);
    members[i] = c.member(p);
    scores[i] = c.score;
  }
  return { members, scores };
}

/** The packed form of members[from, to) with their scores. */
export function pack(members: readonly string[], scores: readonly number[], from = 0, to = members.length): string {
  const parts: string[] = [];
  for (let i = from; i < to; i++) parts.push(packEntry(members[i], scores[i]));
  return flat(parts.join(''));
}

/**
 * Makes V8 store `s` as one flat string. Concatenation builds a rope (a tree of
 * pieces, 32 bytes a node); reading a char flattens it, and the next GC drops the
 * rope's nodes. Without this, a set built by many inserts would keep a rope of them.
 */
export function flat(s: string): string {
  if (s.length > 0) s.charCodeAt(0);
  return s;
}
