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
// rules. Measured (node 20, JIT warmed up, random scores, on a shared 2-CPU machine
// under load, so take the figures as orders of magnitude): about 20 search steps per
// lookup at 100,000 members, as theory says (log4 n / (1 - 1/4)); an insert or a rank
// costs 0.4-0.7 µs at 1,000 members, about 1 µs at 20,000 and 5-6 µs at 100,000. The
// price of JavaScript is memory latency, not step count: each step is two dependent
// loads (the node, then its links array: see SkipNode), where Redis's node holds its
// levels inline. A node is about 140 bytes besides its member string (Redis: about 80);
// with separate forward and span arrays it was 195, for the same speed. The alternative
// that would do better on both counts is a structure of arrays (scores in a
// Float64Array, links in an Int32Array, nodes as indexes) with a free list; large
// sorted sets are rare in the tests this server is for, so clarity won.
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
  /**
   * The node's levels, two slots each: links[2i] is the next node at level i (null at
   * the end), links[2i + 1] how many level-0 steps that link jumps (its span). One
   * array rather than a forward array and a span array: a search step then touches two
   * objects (this node and its links), not three, and memory latency is what a search
   * costs in JavaScript (the spans are small integers, stored unboxed).
   */
  readonly links: (SkipNode | number | null)[];
  backward: SkipNode | null = null;
  constructor(
    readonly member: string,
    public score: number,
    level: number,
  ) {
    const links = new Array<SkipNode | number | null>(2 * level);
    for (let i = 0; i < 2 * level; i += 2) {
      links[i] = null;
      links[i + 1] = 0;
    }
    this.links = links;
  }

  /** How many levels the node has. */
  get level(): number {
    return this.links.length >> 1;
  }

  /** The next node at level 0: the in-order successor. */
  get next(): SkipNode | null {
    return this.links[0] as SkipNode | null;
  }
}

const forward = (node: SkipNode, i: number): SkipNode | null => node.links[2 * i] as SkipNode | null;
const span = (node: SkipNode, i: number): number => node.links[2 * i + 1] as number;
const setForward = (node: SkipNode, i: number, to: SkipNode | null): void => {
  node.links[2 * i] = to;
};
const setSpan = (node: SkipNode, i: number, n: number): void => {
  node.links[2 * i + 1] = n;
};

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
    return forward(this.header, 0);
  }

  /** Inserts a member that is not in the list yet; returns its node. */
  insert(score: number, member: string): SkipNode {
    let x = this.header;
    for (let i = this.level - 1; i >= 0; i--) {
      this.rankAt[i] = i === this.level - 1 ? 0 : this.rankAt[i + 1];
      let next = forward(x, i);
      while (next !== null && before(next.score, next.member, score, member)) {
        this.rankAt[i] += span(x, i);
        x = next;
        next = forward(x, i);
      }
      this.update[i] = x;
    }
    const level = randomLevel();
    if (level > this.level) {
      for (let i = this.level; i < level; i++) {
        this.rankAt[i] = 0;
        this.update[i] = this.header;
        setSpan(this.header, i, this.length);
      }
      this.level = level;
    }
    const node = new SkipNode(member, score, level);
    for (let i = 0; i < level; i++) {
      const prev = this.update[i];
      setForward(node, i, forward(prev, i));
      setForward(prev, i, node);
      // The new node sits (rankAt[0] - rankAt[i]) steps after prev at this level.
      setSpan(node, i, span(prev, i) - (this.rankAt[0] - this.rankAt[i]));
      setSpan(prev, i, this.rankAt[0] - this.rankAt[i] + 1);
    }
    // Levels above the new node's now jump over one more node.
    for (let i = level; i < this.level; i++) setSpan(this.update[i], i, span(this.update[i], i) + 1);
    node.backward = this.update[0] === this.header ? null : this.update[0];
    const after = forward(node, 0);
    if (after !== null) after.backward = node;
    else this.tail = node;
    this.length++;
    return node;
  }

  /** Removes the node of (score, member); false if there is none. */
  delete(score: number, member: string): boolean {
    let x = this.header;
    for (let i = this.level - 1; i >= 0; i--) {
      let next = forward(x, i);
      while (next !== null && before(next.score, next.member, score, member)) {
        x = next;
        next = forward(x, i);
      }
      this.update[i] = x;
    }
    const found = forward(x, 0);
    if (found === null || found.score !== score || found.member !== member) return false;
    this.unlink(found);
    return true;
  }

  /** Unlinks `node`, given `update` filled by a search that stopped just before it. */
  private unlink(node: SkipNode): void {
    for (let i = 0; i < this.level; i++) {
      const prev = this.update[i];
      if (forward(prev, i) === node) {
        setSpan(prev, i, span(prev, i) + span(node, i) - 1);
        setForward(prev, i, forward(node, i));
      } else {
        setSpan(prev, i, span(prev, i) - 1);
      }
    }
    const after = forward(node, 0);
    if (after !== null) after.backward = node.backward;
    else this.tail = node.backward;
    while (this.level > 1 && forward(this.header, this.level - 1) === null) this.level--;
    this.length--;
  }

  /**
   * Moves `node` to a new score. As Redis's zslUpdateScore: when the node stays
   * between its neighbours the score changes in place, otherwise it is removed and
   * inserted again (a new node, which is returned).
   */
  updateScore(node: SkipNode, score: number): SkipNode {
    const prev = node.backward;
    const next = forward(node, 0);
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
      let next = forward(x, i);
      while (next !== null && (before(next.score, next.member, score, member) || (next.score === score && next.member === member))) {
        rank += span(x, i);
        x = next;
        next = forward(x, i);
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
      let next = forward(x, i);
      while (next !== null && traversed + span(x, i) <= rank) {
        traversed += span(x, i);
        x = next;
        next = forward(x, i);
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
      let next = forward(x, i);
      while (next !== null && below(next)) {
        rank += span(x, i);
        x = next;
        next = forward(x, i);
      }
    }
    return { node: forward(x, 0), rank: rank + 1 };
  }

  /**
   * The last node for which `within` is true, with its 1-based rank (0 and null when
   * none is): as Redis's zslLastInRange descends, "go forward while in range".
   */
  lastWithin(within: Below): { node: SkipNode | null; rank: number } {
    let rank = 0;
    let x = this.header;
    for (let i = this.level - 1; i >= 0; i--) {
      let next = forward(x, i);
      while (next !== null && within(next)) {
        rank += span(x, i);
        x = next;
        next = forward(x, i);
      }
    }
    return x === this.header ? { node: null, rank: 0 } : { node: x, rank };
  }

  /** Removes the nodes of 1-based ranks start..end (inclusive); calls `removed` with each, in order. */
  deleteRankRange(start: number, end: number, removed: (node: SkipNode) => void): number {
    let traversed = 0;
    let x = this.header;
    for (let i = this.level - 1; i >= 0; i--) {
      let next = forward(x, i);
      while (next !== null && traversed + span(x, i) < start) {
        traversed += span(x, i);
        x = next;
        next = forward(x, i);
      }
      this.update[i] = x;
    }
    traversed++;
    let node = forward(x, 0);
    let count = 0;
    while (node !== null && traversed <= end) {
      const next = forward(node, 0);
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
