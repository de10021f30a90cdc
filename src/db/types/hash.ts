// The hash value type (HSET, HGET, HGETALL...): a map from fields to values, both
// binary-safe latin1 strings. Data-structure pattern: two representations behind one
// interface, a compact one for the many small hashes and a hash table for the few big
// ones, switched once, never back — Redis's listpack/hashtable encodings.
//
// - 'listpack' (small: at most limits.hashMaxListpackEntries fields, every field and
//   value at most limits.hashMaxListpackValue bytes): the pairs packed into one latin1
//   string (listpack.ts), field, value, field, value..., in insertion order, as Redis's
//   listpack keeps them: a new field goes to the end, an overwritten one keeps its
//   place, a deleted one leaves no gap. HGETALL and HKEYS answer in that order, the same
//   order as Redis. Lookups scan the string: O(n), but n is small (512 fields at most by
//   default, as in Redis 7.0) and it is one string.
// - 'hashtable' (converted once when a limit is exceeded): dense arrays of fields and
//   values plus a Map from field to position. Lookups are O(1); a deletion moves the
//   last pair into the hole (O(1)), which keeps the arrays dense, so HRANDFIELD picks a
//   random pair in O(1) (a Map has no random access). The order of a hashtable hash is
//   unspecified, as in Redis (whose dict order depends on a random hash seed).
//
// Memory (why the compact form is one string): 100,000 hashes of 10 fields, 10-byte
// fields, 10-byte distinct values, each held in a Map under a 11-byte key, measured with
// node 20 --expose-gc (process.memoryUsage().heapUsed after/before, full GCs), per hash:
//   - a JS array of 20 strings:            1,149 bytes
//   - a Map of 10 entries:                 1,269 bytes
//   - one packed latin1 string (this class): 350 bytes (35.0 MB in all: about 240 for
//     the string, ~40 for this object, 69 for the key and the Map slot)
//   - the same string, left unflattened:    1,950 bytes (see listpack.ts's `flatten`)
// redis-server 7.0.15 with the same data: used_memory +33.1 MB (331 bytes per hash),
// RSS +35.1 MB. The heap is within 1.1x of Redis's used_memory. The process's RSS grows
// by more (+56 MB with this class, built by 10 sets per hash), mostly V8's young
// generation growing to its full size (~33 MB) under the allocation load: a fixed cost,
// paid once per process, that does not grow with the data.
//
// HSCAN over a hashtable walks the arrays from the end down: the cursor is the number
// of positions still to visit. A deletion only moves a pair DOWN (the last into the
// hole) and new pairs go on top, so a pair present for the whole walk is never moved
// from the unvisited part to the visited one: it is returned (SCAN's guarantee), maybe
// twice (allowed), and the walk ends even while the hash grows.

import type { Aggregate, EncodingLimits } from './aggregate';
import * as listpack from './listpack';

/** The large form: dense parallel arrays, and where each field is in them. */
class HashTable {
  readonly fields: string[] = [];
  readonly values: string[] = [];
  readonly index = new Map<string, number>();

  get size(): number {
    return this.fields.length;
  }

  get(field: string): string | undefined {
    const at = this.index.get(field);
    return at === undefined ? undefined : this.values[at];
  }

  /** Sets the value; true if the field is new. */
  set(field: string, value: string): boolean {
    const at = this.index.get(field);
    if (at !== undefined) {
      this.values[at] = value;
      return false;
    }
    this.index.set(field, this.fields.length);
    this.fields.push(field);
    this.values.push(value);
    return true;
  }

  delete(field: string): boolean {
    const at = this.index.get(field);
    if (at === undefined) return false;
    this.index.delete(field);
    const lastField = this.fields.pop() as string;
    const lastValue = this.values.pop() as string;
    if (at < this.fields.length) {
      // Fill the hole with the last pair: the arrays stay dense (see HSCAN above).
      this.fields[at] = lastField;
      this.values[at] = lastValue;
      this.index.set(lastField, at);
    }
    return true;
  }
}

/** One HSCAN step: the next cursor (0: done) and the pairs visited, flat. */
export interface HashScanStep {
  readonly cursor: number;
  readonly pairs: string[];
}

export class RedisHash implements Aggregate {
  // Instance fields are few on purpose (each costs 8 bytes, times millions of hashes):
  // the form is told by the type of `data`, and `type`/`encoding` are prototype getters.
  /** The listpack (a string) or the hash table. */
  private data: string | HashTable = listpack.EMPTY_LISTPACK;
  /** The number of pairs while in listpack form (the table knows its own). */
  private count = 0;

  constructor(private readonly limits: EncodingLimits) {}

  get type(): 'hash' {
    return 'hash';
  }

  get encoding(): 'listpack' | 'hashtable' {
    return typeof this.data === 'string' ? 'listpack' : 'hashtable';
  }

  get size(): number {
    return typeof this.data === 'string' ? this.count : this.data.size;
  }

  /** The value of `field`, or undefined. */
  get(field: string): string | undefined {
    const data = this.data;
    if (typeof data !== 'string') return data.get(field);
    const at = this.findValue(data, field);
    return at < 0 ? undefined : listpack.entryAt(data, at);
  }

  has(field: string): boolean {
    const data = this.data;
    if (typeof data !== 'string') return data.index.has(field);
    return this.findValue(data, field) >= 0;
  }

  /** Sets `field` to `value`; true if the field is new (HSET's count). */
  set(field: string, value: string): boolean {
    if (typeof this.data === 'string') {
      // Redis's hashTypeSet: a field or value too long for the listpack converts first.
      const max = this.limits.hashMaxListpackValue;
      if (field.length > max || value.length > max) this.convert();
    }
    const data = this.data;
    if (typeof data !== 'string') return data.set(field, value);
    const at = this.findValue(data, field);
    if (at >= 0) {
      // An overwritten field keeps its place, as lpReplace does.
      this.data = listpack.replaceAt(data, at, value);
      return false;
    }
    this.data = listpack.append(data, field, value);
    this.count++;
    if (this.count > this.limits.hashMaxListpackEntries) this.convert();
    return true;
  }

  /** Removes `field`; true if it was there. */
  delete(field: string): boolean {
    const data = this.data;
    if (typeof data !== 'string') return data.delete(field);
    const at = this.findField(data, field);
    if (at < 0) return false;
    this.data = listpack.deleteAt(data, at, 2);
    this.count--;
    return true;
  }

  /** The length of `field`'s value, 0 if there is none (HSTRLEN). */
  valueLength(field: string): number {
    const data = this.data;
    if (typeof data !== 'string') return data.get(field)?.length ?? 0;
    const at = this.findValue(data, field);
    return at < 0 ? 0 : listpack.lengthAt(data, at);
  }

  /** Every pair, flat (field, value, field, value...), in the hash's order. */
  pairs(): string[] {
    const data = this.data;
    if (typeof data === 'string') return listpack.decode(data);
    const out: string[] = new Array(data.size * 2);
    for (let i = 0; i < data.size; i++) {
      out[2 * i] = data.fields[i];
      out[2 * i + 1] = data.values[i];
    }
    return out;
  }

  /**
   * Every pair, flat, as bytes (for replies). The listpack form answers with views into
   * one copy of its string: one allocation for the whole hash instead of one per entry.
   */
  pairBuffers(): Buffer[] {
    const data = this.data;
    if (typeof data === 'string') return listpack.decodeBuffers(data);
    return this.pairs().map((entry) => Buffer.from(entry, 'latin1'));
  }

  /** Every field, in the hash's order. */
  fields(): string[] {
    const data = this.data;
    if (typeof data !== 'string') return data.fields.slice();
    return this.pairs().filter((_, i) => i % 2 === 0);
  }

  /** Every value, in the hash's order. */
  values(): string[] {
    const data = this.data;
    if (typeof data !== 'string') return data.values.slice();
    return this.pairs().filter((_, i) => i % 2 === 1);
  }

  /**
   * The pair at `index` (0 <= index < size), as [field, value]: O(1) in hashtable form,
   * O(n) in listpack form (where a caller drawing many should take `pairs()` once).
   */
  pairAt(index: number): [string, string] {
    const data = this.data;
    if (typeof data !== 'string') return [data.fields[index], data.values[index]];
    let at = 0;
    for (let i = 0; i < 2 * index; i++) at = listpack.skip(data, at);
    return [listpack.entryAt(data, at), listpack.entryAt(data, listpack.skip(data, at))];
  }

  /**
   * One HSCAN step from `cursor`, visiting about `count` pairs. The listpack form is
   * returned whole, with cursor 0, as Redis does; the hashtable form is walked from
   * the end down (see the opening comment).
   */
  scan(cursor: number, count: number): HashScanStep {
    const data = this.data;
    if (typeof data === 'string') return { cursor: 0, pairs: listpack.decode(data) };
    let next = cursor === 0 || cursor > data.size ? data.size : cursor;
    const pairs: string[] = [];
    for (let visited = 0; next > 0 && visited < Math.max(1, count); visited++) {
      next--;
      pairs.push(data.fields[next], data.values[next]);
    }
    return { cursor: next, pairs };
  }

  clone(): RedisHash {
    const copy = new RedisHash(this.limits);
    const data = this.data;
    if (typeof data === 'string') {
      // Strings are immutable: the copy can share the listpack.
      copy.data = data;
      copy.count = this.count;
    } else {
      const table = new HashTable();
      for (let i = 0; i < data.size; i++) table.set(data.fields[i], data.values[i]);
      copy.data = table;
    }
    return copy;
  }

  /** Leaves the listpack form for good (Redis's hashTypeConvert). */
  private convert(): void {
    const data = this.data;
    if (typeof data !== 'string') return;
    const table = new HashTable();
    const entries = listpack.decode(data);
    for (let i = 0; i < entries.length; i += 2) table.set(entries[i], entries[i + 1]);
    this.data = table;
    this.count = 0;
  }

  /** Where `field` starts in the listpack, or -1 (Redis's lpFind, skipping values). */
  // The hot loop of every small-hash command: one header read per entry, and the field's
  // bytes compared only when the lengths and the last bytes agree (a startsWith call
  // costs ~10x a char read, and fields often share a prefix: "user:1", "user:2"...).
  private findField(data: string, field: string): number {
    const wanted = field.length;
    const last = wanted === 0 ? -1 : field.charCodeAt(wanted - 1);
    for (let at = 0; at < data.length; ) {
      const length = listpack.lengthAt(data, at);
      const start = at + listpack.headerSize(length);
      if (length === wanted && (wanted === 0 || data.charCodeAt(start + wanted - 1) === last) && data.startsWith(field, start)) return at;
      at = listpack.skip(data, start + length);
    }
    return -1;
  }

  /** Where the value of `field` starts in the listpack, or -1. */
  private findValue(data: string, field: string): number {
    const at = this.findField(data, field);
    return at < 0 ? -1 : listpack.skip(data, at);
  }
}
