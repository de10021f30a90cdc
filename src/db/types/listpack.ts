// A listpack: a sequence of byte strings packed into ONE latin1 JS string, Redis's idea
// for small aggregates (listpack.c) redone for V8. Data-structure pattern: a compact,
// cache-friendly flat encoding for small collections, traded for O(n) lookups, which
// is why it is only used below a size threshold (see hash.ts).
//
// Why one string: every JS string costs a 16-byte header plus its chars, and every
// array slot a pointer, so a hash of 10 fields held as an array of 20 small strings
// weighs ~1,100 bytes, where Redis's listpack weighs ~250. Packed as
//
//     <length><bytes><length><bytes>...
//
// the same 20 entries are one one-byte string of ~220 chars (~240 bytes), measured in
// hash.ts's opening comment. Each length is a little-endian base-128 varint (7 bits per
// char, high bit = "more"), so an entry of under 128 bytes costs one char of overhead,
// as Redis's listpack spends one byte on a short string's header.
//
// Entries are latin1 strings (1 char = 1 byte, binary-safe, as keys are). Every char is
// < 256, so the packed string stays a one-byte string: one byte per byte of data.
//
// Rewrites build the new string from slices and concatenation, which V8 represents as a
// tree of "cons" strings (~32 bytes per node, each keeping its parts alive). `flatten`
// makes V8 copy the tree into one flat string once, after each change; without it a
// hash of 10 fields built by 10 HSETs weighed 1,950 bytes instead of 366.
//
// The module is generic (no hash semantics): the sorted set's small form can use it too.

/** The empty listpack. */
export const EMPTY_LISTPACK = '';

/** How many chars the varint header of an entry of `length` bytes takes. */
export function headerSize(length: number): number {
  if (length < 0x80) return 1;
  if (length < 0x4000) return 2;
  if (length < 0x200000) return 3;
  if (length < 0x10000000) return 4;
  return 5;
}

/** The varint header for an entry of `length` bytes. */
function header(length: number): string {
  if (length < 0x80) return String.fromCharCode(length);
  let out = '';
  let rest = length;
  while (rest >= 0x80) {
    out += String.fromCharCode((rest % 0x80) | 0x80);
    rest = Math.floor(rest / 0x80);
  }
  return out + String.fromCharCode(rest);
}

/** One entry, encoded: its header, then its bytes. */
export const encodeEntry = (entry: string): string => header(entry.length) + entry;

/** The length (in bytes) of the entry whose header starts at `at`. */
export function lengthAt(packed: string, at: number): number {
  let c = packed.charCodeAt(at);
  if (c < 0x80) return c;
  let length = 0;
  let scale = 1;
  while (c >= 0x80) {
    length += (c & 0x7f) * scale;
    scale *= 0x80;
    c = packed.charCodeAt(++at);
  }
  return length + c * scale;
}

/** Where the entry after the one at `at` starts. */
export function skip(packed: string, at: number): number {
  const length = lengthAt(packed, at);
  return at + headerSize(length) + length;
}

/** The entry at `at`, as a string. */
export function entryAt(packed: string, at: number): string {
  const length = lengthAt(packed, at);
  const start = at + headerSize(length);
  return packed.slice(start, start + length);
}

/** Whether the entry at `at` equals `entry`, without allocating. */
export function entryEquals(packed: string, at: number, entry: string): boolean {
  const length = lengthAt(packed, at);
  return length === entry.length && packed.startsWith(entry, at + headerSize(length));
}

/** `packed` with the entry at `at` replaced by `entry` (flattened: see the opening comment). */
export function replaceAt(packed: string, at: number, entry: string): string {
  return flatten(packed.slice(0, at) + encodeEntry(entry) + packed.slice(skip(packed, at)));
}

/** `packed` without the `count` entries starting at `at`. */
export function deleteAt(packed: string, at: number, count: number): string {
  let end = at;
  for (let i = 0; i < count; i++) end = skip(packed, end);
  return flatten(packed.slice(0, at) + packed.slice(end));
}

/** `packed` with `entries` appended. */
export function append(packed: string, ...entries: string[]): string {
  let tail = '';
  for (const entry of entries) tail += encodeEntry(entry);
  return flatten(packed + tail);
}

/** Every entry, in order, as fresh strings (not slices pinning the packed string). */
export function decode(packed: string): string[] {
  const out: string[] = [];
  if (packed.length === 0) return out;
  // One copy of the bytes; toString of a range makes an independent flat string, where
  // packed.slice would make a SlicedString that keeps the whole listpack alive.
  const bytes = Buffer.from(packed, 'latin1');
  for (let at = 0; at < packed.length; ) {
    const length = lengthAt(packed, at);
    const start = at + headerSize(length);
    out.push(bytes.toString('latin1', start, start + length));
    at = start + length;
  }
  return out;
}

/** Every entry, in order, as Buffers: views into one copy of the bytes (for replies). */
export function decodeBuffers(packed: string): Buffer[] {
  const out: Buffer[] = [];
  if (packed.length === 0) return out;
  const bytes = Buffer.from(packed, 'latin1');
  for (let at = 0; at < packed.length; ) {
    const length = lengthAt(packed, at);
    const start = at + headerSize(length);
    out.push(bytes.subarray(start, start + length));
    at = start + length;
  }
  return out;
}

/** The listpack of `entries`, in order. */
export const encode = (entries: readonly string[]): string => append(EMPTY_LISTPACK, ...entries);

/**
 * Makes V8 store `s` as one flat string. Reading a char of a cons string flattens it in
 * place (the tree is copied once into a flat string, and the GC drops the tree), so
 * this costs one copy, paid once per change, instead of a tree that grows per change.
 */
// The char read is stored, so that an optimizing compiler cannot drop the read as dead
// code (its only purpose is the flattening it causes).
export function flatten(s: string): string {
  flattenSink = s.charCodeAt(0);
  return s;
}
let flattenSink = 0;
