// The ordered index of a large sorted set: a skiplist with spans, as Redis's zskiplist
// (t_zset.c, after William Pugh's "Skip Lists: A Probabilistic Alternative to Balanced
// Trees").
//
// Data-structure pattern: a probabilistic balanced index. Every node is in the level-0
// list, ordered by (score, member bytes); a node also joins levels 1, 2, ... with
// probability 1/4 each, so the upper levels are express lanes and a search drops from
// the top lane down, skipping about three nodes per step: O(log n) expected, with no
// rebalancing at all. Each forward link also records its *span* (how many level-0
// nodes it jumps over); summing spans along a search path gives a node's rank, and
// descending by spans finds the node at a rank, both O(log n). A `backward` link at
// level 0 lets reverse ranges walk from the tail.
//
// Why a skiplist rather than an order-statistic tree (a red-black or AVL tree with
// subtree sizes, or a counted B-tree): the same O(log n) bounds, a third of the code
// (no rotations that must also maintain subtree sizes, where the bugs hide), and it is
// Redis's own structure, so behaviour that depends on it (ZRANGEBYLEX over mixed
// scores, which Redis leaves "unspecified" but answers by this search) follows the same
// rules. Measured (node 20, random scores, 100,000 members): about 20 search steps per
// lookup, as the theory says (log4 n / (1 - 1/4)); the price of JavaScript is memory
// latency, not step count: a step touches the node, its forward array and its span
// array (three objects, where Redis's node holds its levels inline), so an insert or a
// rank costs 2-20 µs once the list outgrows the CPU caches (1.5 µs at 20,000), and a
// node is about 230 bytes besides its member string (Redis: about 80). The measured
// alternative that would fix both is a structure of arrays (scores in a Float64Array,
// links in an Int32Array, nodes as indexes), at the price of a free list; large sorted
// sets are rare in the tests this server is for, so clarity won.
//
// The index knows nothing of the member -> node map; the sorted set keeps that (a Map)
// next to it, as Redis keeps a dict next to its zskiplist.

/** Redis's ZSKIPLIST_MAXLEVEL and ZSKIPLIST_P. */
const MAX_LEVEL = 32;
const P = 0.25;

/** Is (score, member) before (otherScore, otherMember)? Members compare as bytes (latin1 code units). */
export const before = (score: number, member: string, otherScore: number, otherMember: string): boolean =>
  score < otherScore || (score === otherScore && member < otherMember);

export class SkipNode {
  /** forward[i]: the next node at level i (null at the end). */
  readonly forward: (SkipNode | null)[];
  /** span[i]: how many level-0 steps forward[i] jumps (to the end: up to the length). */
  readonly span: number[];
  backward: SkipNode | null = null;
  constructor(
    readonly member: string,
    public score: number,
    level: number,
  ) {
    this.forward = new Array<SkipNode | null>(level).fill(null);
    this.span = new Array<number>(level).fill(0);
  }
}

/** A predicate over nodes that is true up to some point and false after it (a "below the range" test). */
type Below = (node: SkipNode) => boolean;

export class SkipList {
  /** A sentinel before the first node, with every level. */
  private readonly header = new SkipNode('', 0, MAX_LEVEL);
  tail: SkipNode | null = null;
  length = 0;
  private level = 1;
  /** Per-insert scratch: the rightmost node visited at each level, and its rank. */
  private readonly update: SkipNode[] = new Array<SkipNode>(MAX_LEVEL);
  private readonly rankAt: number[] = new Array<number>(MAX_LEVEL).fill(0);

  /** The first node (lowest score), or null. */
  get first(): SkipNode | null {
    return this.header.forward[0];
  }

  /** Inserts a member that is not in the list yet; returns its node. */
  insert(score: number, member: string): SkipNode {
    let x = this.header;
    for (let i = this.level - 1; i >= 0; i--) {
      this.rankAt[i] = i === this.level - 1 ? 0 : this.rankAt[i + 1];
      let next = x.forward[i];
      while (next !== null && before(next.score, next.member, score, member)) {
        this.rankAt[i] += x.span[i];
        x = next;
        next = x.forward[i];
      }
      this.update[i] = x;
    }
    const level = randomLevel();
    if (level > this.level) {
      for (let i = this.level; i < level; i++) {
        this.rankAt[i] = 0;
        this.update[i] = this.header;
        this.header.span[i] = this.length;
      }
      this.level = level;
    }
    const node = new SkipNode(member, score, level);
    for (let i = 0; i < level; i++) {
      const prev = this.update[i];
      node.forward[i] = prev.forward[i];
      prev.forward[i] = node;
      // The new node sits (rankAt[0] - rankAt[i]) steps after prev at this level.
      node.span[i] = prev.span[i] - (this.rankAt[0] - this.rankAt[i]);
      prev.span[i] = this.rankAt[0] - this.rankAt[i] + 1;
    }
    // Levels above the new node's now jump over one more node.
    for (let i = level; i < this.level; i++) this.update[i].span[i]++;
    node.backward = this.update[0] === this.header ? null : this.update[0];
    if (node.forward[0] !== null) node.forward[0].backward = node;
    else this.tail = node;
    this.length++;
    return node;
  }

  /** Removes the node of (score, member); false if there is none. */
  delete(score: number, member: string): boolean {
    let x = this.header;
    for (let i = this.level - 1; i >= 0; i--) {
      let next = x.forward[i];
      while (next !== null && before(next.score, next.member, score, member)) {
        x = next;
        next = x.forward[i];
      }
      this.update[i] = x;
    }
    const found = x.forward[0];
    if (found === null || found.score !== score || found.member !== member) return false;
    this.unlink(found);
    return true;
  }

  /** Unlinks `node`, given `update` filled by a search that stopped just before it. */
  private unlink(node: SkipNode): void {
    for (let i = 0; i < this.level; i++) {
      const prev = this.update[i];
      if (prev.forward[i] === node) {
        prev.span[i] += node.span[i] - 1;
        prev.forward[i] = node.forward[i];
      } else {
        prev.span[i]--;
      }
    }
    if (node.forward[0] !== null) node.forward[0].backward = node.backward;
    else this.tail = node.backward;
    while (this.level > 1 && this.header.forward[this.level - 1] === null) this.level--;
    this.length--;
  }

  /**
   * Moves `node` to a new score. As Redis's zslUpdateScore: when the node stays
   * between its neighbours the score changes in place, otherwise it is removed and
   * inserted again (a new node, which is returned).
   */
  updateScore(node: SkipNode, score: number): SkipNode {
    const prev = node.backward;
    const next = node.forward[0];
    // Redis's test compares scores only (strictly): an equal neighbour score means a
    // reinsertion, so the node lands where the member order puts it.
    if ((prev === null || prev.score < score) && (next === null || next.score > score)) {
      node.score = score;
      return node;
    }
    this.delete(node.score, node.member);
    return this.insert(score, node.member);
  }

  /** 1-based rank of (score, member), 0 if absent (Redis's zslGetRank). */
  rank(score: number, member: string): number {
    let rank = 0;
    let x = this.header;
    for (let i = this.level - 1; i >= 0; i--) {
      let next = x.forward[i];
      while (next !== null && (before(next.score, next.member, score, member) || (next.score === score && next.member === member))) {
        rank += x.span[i];
        x = next;
        next = x.forward[i];
      }
      if (x !== this.header && x.score === score && x.member === member) return rank;
    }
    return 0;
  }

  /** The node at a 1-based rank, or null (Redis's zslGetElementByRank). */
  byRank(rank: number): SkipNode | null {
    let traversed = 0;
    let x = this.header;
    for (let i = this.level - 1; i >= 0; i--) {
      let next = x.forward[i];
      while (next !== null && traversed + x.span[i] <= rank) {
        traversed += x.span[i];
        x = next;
        next = x.forward[i];
      }
      if (traversed === rank) return x === this.header ? null : x;
    }
    return null;
  }

  /**
   * The first node for which `below` is false, with its 1-based rank (rank length+1
   * and null when there is none). `below` must hold for a prefix of the list only:
   * "score < min", "member < min"... as Redis's zslFirstInRange descends.
   */
  firstNotBelow(below: Below): { node: SkipNode | null; rank: number } {
    let rank = 0;
    let x = this.header;
    for (let i = this.level - 1; i >= 0; i--) {
      let next = x.forward[i];
      while (next !== null && below(next)) {
        rank += x.span[i];
        x = next;
        next = x.forward[i];
      }
    }
    return { node: x.forward[0], rank: rank + 1 };
  }

  /**
   * The last node for which `within` is true, with its 1-based rank (0 and null when
   * none is): as Redis's zslLastInRange descends, "go forward while in range".
   */
  lastWithin(within: Below): { node: SkipNode | null; rank: number } {
    let rank = 0;
    let x = this.header;
    for (let i = this.level - 1; i >= 0; i--) {
      let next = x.forward[i];
      while (next !== null && within(next)) {
        rank += x.span[i];
        x = next;
        next = x.forward[i];
      }
    }
    return x === this.header ? { node: null, rank: 0 } : { node: x, rank };
  }

  /** Removes the nodes of 1-based ranks start..end (inclusive); calls `removed` with each, in order. */
  deleteRankRange(start: number, end: number, removed: (node: SkipNode) => void): number {
    let traversed = 0;
    let x = this.header;
    for (let i = this.level - 1; i >= 0; i--) {
      let next = x.forward[i];
      while (next !== null && traversed + x.span[i] < start) {
        traversed += x.span[i];
        x = next;
        next = x.forward[i];
      }
      this.update[i] = x;
    }
    traversed++;
    let node = x.forward[0];
    let count = 0;
    while (node !== null && traversed <= end) {
      const next = node.forward[0];
      this.unlink(node);
      removed(node);
      count++;
      traversed++;
      node = next;
    }
    return count;
  }
}

/** 1 with probability 3/4, 2 with 3/16...: each extra level with probability P. */
function randomLevel(): number {
  let level = 1;
  while (level < MAX_LEVEL && Math.random() < P) level++;
  return level;
}
