// The shebang line of a Redis 7.0 script (`#!lua flags=no-writes,allow-oom`): which
// engine, and the flags that say what the script may do (eval.c
// evalExtractShebangFlags, script.c scripts_flags_def). A script without one runs in
// "compat mode": it may write, and only EVAL_RO makes it read-only. FUNCTION LOAD reads
// the same line, with a `name=` option instead of flags.

export interface ScriptFlags {
  /** No shebang at all: the rules of scripts written before 7.0. */
  readonly compat: boolean;
  readonly noWrites: boolean;
  readonly allowOom: boolean;
  readonly allowStale: boolean;
  readonly noCluster: boolean;
  readonly allowCrossSlotKeys: boolean;
}

const COMPAT: ScriptFlags = {
  compat: true,
  noWrites: false,
  allowOom: false,
  allowStale: false,
  noCluster: false,
  allowCrossSlotKeys: false,
};

/** Redis's flag names, in its order (what FUNCTION LIST shows). */
export const FLAG_NAMES: readonly (readonly [string, keyof ScriptFlags])[] = [
  ['no-writes', 'noWrites'],
  ['allow-oom', 'allowOom'],
  ['allow-stale', 'allowStale'],
  ['no-cluster', 'noCluster'],
  ['allow-cross-slot-keys', 'allowCrossSlotKeys'],
];

/** Reads `flags=a,b` into flags, or names the first unknown one. */
export function parseFlagList(list: readonly string[]): ScriptFlags | { readonly unknown: string } {
  const flags: { -readonly [K in keyof ScriptFlags]: boolean } = { ...COMPAT, compat: false };
  for (const name of list) {
    const entry = FLAG_NAMES.find(([text]) => text === name);
    if (entry === undefined) return { unknown: name };
    flags[entry[1]] = true;
  }
  return flags;
}

/** The shebang's flags and length (the bytes before its newline), or the error Redis gives. */
export function parseShebang(body: Buffer): { readonly flags: ScriptFlags; readonly length: number } | { readonly error: string } {
  if (body.length < 2 || body[0] !== 0x23 /* # */ || body[1] !== 0x21 /* ! */) return { flags: COMPAT, length: 0 };
  const end = body.indexOf(0x0a);
  if (end === -1) return { error: 'Invalid script shebang' };
  const parts = splitArgs(body.subarray(0, end).toString('latin1'));
  if (parts === undefined || parts.length === 0) return { error: 'Invalid engine in script shebang' };
  if (parts[0] !== '#!lua') return { error: `Unexpected engine in script shebang: ${parts[0]}` };
  let flags: ScriptFlags = { ...COMPAT, compat: false };
  for (const part of parts.slice(1)) {
    if (!part.startsWith('flags=')) return { error: `Unknown lua shebang option: ${part}` };
    const text = part.slice(6);
    const parsed = parseFlagList(text === '' ? [] : text.split(','));
    if ('unknown' in parsed) return { error: `Unexpected flag in script shebang: ${parsed.unknown}` };
    // Several flags= options add up, as in Redis.
    flags = { ...parsed, ...Object.fromEntries(Object.entries(flags).filter(([key, on]) => on && key !== 'compat')) };
  }
  return { flags, length: end };
}

/**
 * Redis's sdssplitargs, which reads the shebang line: words separated by spaces, a
 * word may be "double-quoted" (with \n \t \xHH... escapes) or 'single-quoted'; an
 * unbalanced quote, or a closing quote not followed by a space, is an error (undefined).
 */
export function splitArgs(line: string): string[] | undefined {
  const words: string[] = [];
  let i = 0;
  const space = (c: string | undefined): boolean => c !== undefined && ' \n\r\t\f\v'.includes(c);
  for (;;) {
    while (space(line[i])) i++;
    if (i >= line.length) return words;
    let word = '';
    const quote = line[i] === '"' || line[i] === "'" ? line[i++] : undefined;
    for (;;) {
      const c = line[i];
      if (quote === undefined) {
        if (c === undefined || space(c)) break;
        word += c;
        i++;
      } else if (c === undefined) {
        return undefined;
      } else if (c === quote) {
        i++;
        if (line[i] !== undefined && !space(line[i])) return undefined;
        break;
      } else if (quote === '"' && c === '\\' && i + 1 < line.length) {
        const next = line[i + 1];
        if (next === 'x' && /^[0-9a-fA-F]{2}$/.test(line.slice(i + 2, i + 4))) {
          word += String.fromCharCode(parseInt(line.slice(i + 2, i + 4), 16));
          i += 4;
        } else {
          word += ({ n: '\n', r: '\r', t: '\t', b: '\b', a: '\x07' } as Record<string, string>)[next] ?? next;
          i += 2;
        }
      } else if (quote === "'" && c === '\\' && line[i + 1] === "'") {
        word += "'";
        i += 2;
      } else {
        word += c;
        i++;
      }
    }
    words.push(word);
  }
}
