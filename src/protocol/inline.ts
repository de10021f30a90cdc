// Inline commands: what a person types into telnet or nc (`SET a "b c"`). Redis splits
// such a line with `sdssplitargs`; this is the same grammar, quotes and escapes
// included, so `redis-cli`'s quoting and a hand-typed line mean the same thing here.
//
// Inline commands matter more than they seem: redis-cli and `nc` users type them, some
// health checks send a bare `PING\r\n`, and the HTTP smuggling defence (POST, Host:)
// depends on a request line being split exactly as Redis splits it. So the grammar is
// Redis's own, character class by character class, including its odd corners: a
// closing quote must be followed by a space, `\x41` is a hex escape only inside double
// quotes, and single quotes know only `\'`.

const isHex = (c: number) => (c >= 0x30 && c <= 0x39) || (c >= 0x61 && c <= 0x66) || (c >= 0x41 && c <= 0x46);
const hexValue = (c: number) => (c <= 0x39 ? c - 0x30 : (c | 0x20) - 0x61 + 10);
// C's isspace(): space, \t, \n, \v, \f, \r.
const isSpace = (c: number) => c === 0x20 || (c >= 0x09 && c <= 0x0d);

/**
 * Splits one inline line into arguments, or returns `null` for unbalanced quotes (which
 * Redis answers with `Protocol error: unbalanced quotes in request`). As in C, a NUL
 * byte ends the line.
 */
export function splitInlineArgs(line: Uint8Array): Buffer[] | null {
  const args: Buffer[] = [];
  const at = (i: number) => (i < line.length ? line[i] : 0); // reading past the end reads NUL
  let p = 0;
  for (;;) {
    while (at(p) !== 0 && isSpace(at(p))) p++;
    if (at(p) === 0) return args;
    // One argument at a time, as a tiny state machine with three states: outside quotes,
    // inside "double" quotes (C-like escapes), inside 'single' quotes (only \' escapes).
    // Bytes are collected as numbers and turned into a Buffer at the end: an argument
    // may be any bytes (a hex escape can produce 0xff), so never a JS string on the way.
    const current: number[] = [];
    let inDouble = false;
    let inSingle = false;
    let done = false;
    while (!done) {
      const c = at(p);
      if (inDouble) {
        if (c === 0x5c /* \ */ && at(p + 1) === 0x78 /* x */ && isHex(at(p + 2)) && isHex(at(p + 3))) {
          current.push(hexValue(at(p + 2)) * 16 + hexValue(at(p + 3)));
          p += 3;
        } else if (c === 0x5c && at(p + 1) !== 0) {
          p++;
          const e = at(p);
          const escapes: Record<number, number> = { 0x6e: 0x0a, 0x72: 0x0d, 0x74: 0x09, 0x62: 0x08, 0x61: 0x07 };
          current.push(escapes[e] ?? e);
        } else if (c === 0x22 /* " */) {
          // The closing quote must be followed by a space or by nothing at all.
          if (at(p + 1) !== 0 && !isSpace(at(p + 1))) return null;
          done = true;
        } else if (c === 0) {
          return null; // unterminated quotes
        } else {
          current.push(c);
        }
      // Single quotes are Redis's "raw" quotes: everything is literal except \' (so a
      // single-quoted argument can still contain a quote).
      } else if (inSingle) {
        if (c === 0x5c && at(p + 1) === 0x27 /* ' */) {
          p++;
          current.push(0x27);
        } else if (c === 0x27) {
          if (at(p + 1) !== 0 && !isSpace(at(p + 1))) return null;
          done = true;
        } else if (c === 0) {
          return null;
        } else {
          current.push(c);
        }
      // Outside quotes: whitespace ends the argument; a quote starts a quoted part, which
      // may follow unquoted bytes in the same argument (`a"b c"` is one argument: `ab c`).
      } else if (c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09 || c === 0) {
        done = true;
      } else if (c === 0x22) {
        inDouble = true;
      } else if (c === 0x27) {
        inSingle = true;
      } else {
        current.push(c);
      }
      if (at(p) !== 0) p++;
    }
    args.push(Buffer.from(current));
  }
}
