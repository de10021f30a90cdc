// Glob-style matching as Redis does it (util.c stringmatchlen), for KEYS, SCAN MATCH,
// PSUBSCRIBE and PUBSUB CHANNELS: `*` any run, `?` any one byte, `[abc]`, `[^a]`,
// `[a-z]` (a reversed range is swapped), and `\` to escape. Works on byte strings
// (latin1), so it matches binary keys byte by byte, as Redis does.
//
// Why a hand-written matcher and not a RegExp built from the pattern: Redis's grammar
// is not a regex's (a reversed range `[z-a]` is swapped, an unterminated `[` is not an
// error, `\` escapes anything), the text is bytes, and a pattern comes from a client:
// a regex engine with backtracking would let one PSUBSCRIBE pattern stall the server.
// Following stringmatchlen line by line keeps every corner identical to Redis and
// bounds the work the same way Redis does (see `skipLonger` and `nesting`).

/** Does `text` match the glob `pattern`? */
export function globMatch(pattern: string, text: string, nocase = false): boolean {
  const state = { skipLonger: false };
  return match(pattern, 0, text, 0, nocase, state, 0);
}

const lower = (c: number) => (c >= 0x41 && c <= 0x5a ? c + 32 : c);

function match(
  pattern: string,
  p: number,
  text: string,
  t: number,
  nocase: boolean,
  state: { skipLonger: boolean },
  nesting: number,
): boolean {
  // Protection against abusive patterns, as in Redis.
  if (nesting > 1000) return false;
  const plen = pattern.length;
  const tlen = text.length;
  // Past the end, C would read the terminating NUL: so do we.
  const at = (i: number) => (i < plen ? pattern.charCodeAt(i) : 0);
  const same = (a: number, b: number) => (nocase ? lower(a) === lower(b) : a === b);

  // One step per pattern character. Only `*` branches (it tries every split of the rest
  // of the text); everything else consumes exactly one byte of text or fails at once.
  while (p < plen && t < tlen) {
    const c = pattern.charCodeAt(p);
    if (c === 0x2a /* * */) {
      while (p + 1 < plen && at(p + 1) === 0x2a) p++;
      if (p + 1 === plen) return true; // a trailing * matches the rest
      while (t < tlen) {
        if (match(pattern, p + 1, text, t, nocase, state, nesting + 1)) return true;
        if (state.skipLonger) return false;
        t++;
      }
      // The rest of the pattern matches nowhere in the rest of the text: no earlier *
      // can help by matching more, so stop the whole search (Redis's fix for
      // exponential patterns).
      state.skipLonger = true;
      return false;
    } else if (c === 0x3f /* ? */) {
      t++;
      // A character class. Its members are tested one by one rather than compiled
      // into a set: classes are short, and this way `\]`, ranges and `^` are read in
      // exactly the order stringmatchlen reads them.
    } else if (c === 0x5b /* [ */) {
      p++;
      const not = at(p) === 0x5e; /* ^ */
      if (not) p++;
      let matched = false;
      const tc = text.charCodeAt(t);
      for (;;) {
        if (at(p) === 0x5c /* \ */ && plen - p >= 2) {
          p++;
          if (at(p) === tc) matched = true;
        } else if (at(p) === 0x5d /* ] */) {
          break;
        } else if (p >= plen) {
          p--; // unterminated class: stop at the end of the pattern
          break;
        } else if (plen - p >= 3 && at(p + 1) === 0x2d /* - */) {
          let start = at(p);
          let end = at(p + 2);
          let ch = tc;
          if (start > end) [start, end] = [end, start];
          if (nocase) {
            start = lower(start);
            end = lower(end);
            ch = lower(ch);
          }
          p += 2;
          if (ch >= start && ch <= end) matched = true;
        } else if (same(at(p), tc)) {
          matched = true;
        }
        p++;
      }
      if (not) matched = !matched;
      if (!matched) return false;
      t++;
    } else {
      if (c === 0x5c /* \ */ && plen - p >= 2) p++;
      if (!same(at(p), text.charCodeAt(t))) return false;
      t++;
    }
    p++;
    if (t === tlen) {
      while (at(p) === 0x2a) p++;
      break;
    }
  }
  // A match consumed both the whole pattern and the whole text.
  return p >= plen && t === tlen;
}
