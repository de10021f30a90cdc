// COMMAND DOCS describes a command's arguments as a tree (name, type, token, flags,
// nested arguments), from which redis-cli builds the hints it shows while you type.
// Our specs carry the usual one-line syntax instead (`key value [NX | XX] [GET]`), so
// this file reads that notation back into the tree:
//
//   word        a lower-case word is an argument (`key`, `seconds`)
//   WORD        an upper-case word is a token, the literal keyword (`NX`, `EX`); followed
//               by arguments it introduces them (`EX seconds`, `AUTH username password`)
//   [ ... ]     optional
//   < ... >     a required group, for alternatives after a token: `TYPE <A | B>`
//   a | b       one of
//   x [x ...]   one or more x; `...` marks repetition
//
// A recursive-descent parser builds the syntax tree; a second pass turns it into
// Redis's argument kinds (pure-token, block, oneof, key, string...). The types of plain
// arguments are guessed from their names, which is all redis-cli uses them for.

import { Frame, array, bulk, integer, map, set, simple } from '../../../protocol/frame';

type SyntaxNode =
  | { readonly kind: 'word'; readonly text: string }
  | { readonly kind: 'optional'; readonly branches: readonly SyntaxNode[][] }
  | { readonly kind: 'group'; readonly branches: readonly SyntaxNode[][] }
  | { readonly kind: 'ellipsis' };

/** One argument, as COMMAND DOCS reports it. */
export interface Argument {
  readonly name: string;
  readonly type: string;
  readonly token?: string;
  readonly flags: readonly ('optional' | 'multiple')[];
  readonly arguments?: readonly Argument[];
}

function tokenize(syntax: string): string[] {
  return syntax.match(/\.\.\.|[[\]<>|]|[^\s[\]<>|]+?(?=\.\.\.|[\s[\]<>|]|$)/g) ?? [];
}

/** Parses `syntax`; malformed notation yields what was understood up to that point. */
// The grammar, as a recursive descent (one function per rule, calling each other):
//   branches := sequence ('|' sequence)*          alternatives, at any level
//   sequence := (word | '...' | '[' branches ']' | '<' branches '>')*
// A closing bracket ends the current sequence; the caller that opened it consumes it.
function parseSyntax(syntax: string): SyntaxNode[][] {
  const tokens = tokenize(syntax);
  let at = 0;
  const branches = (closer?: string): SyntaxNode[][] => {
    const result: SyntaxNode[][] = [sequence()];
    while (tokens[at] === '|') {
      at++;
      result.push(sequence());
    }
    if (closer !== undefined && tokens[at] === closer) at++;
    return result;
  };
  const sequence = (): SyntaxNode[] => {
    const nodes: SyntaxNode[] = [];
    for (let token = tokens[at]; token !== undefined && token !== '|' && token !== ']' && token !== '>'; token = tokens[at]) {
      at++;
      if (token === '[') nodes.push({ kind: 'optional', branches: branches(']') });
      else if (token === '<') nodes.push({ kind: 'group', branches: branches('>') });
      else if (token === '...') nodes.push({ kind: 'ellipsis' });
      else nodes.push({ kind: 'word', text: token });
    }
    return nodes;
  };
  return branches();
}

// Redis's own docs write tokens in capitals (`NX`, `EX`) and argument names in lower
// case (`seconds`): the case alone tells them apart, so the one-line syntax needs no
// extra markup.
const isToken = (word: string): boolean => /[A-Z]/.test(word) && word === word.toUpperCase();

const INTEGER_NAMES = new Set([
  ...['count', 'seconds', 'milliseconds', 'timeout', 'index', 'offset', 'start', 'end'],
  ...['numkeys', 'increment', 'decrement', 'cursor', 'protover', 'client-id', 'port', 'db'],
]);

// Only a guess, from the name: redis-cli uses an argument's type for little more than
// its hint, and a wrong guess shows as `string`, never as an error.
function typeOfName(name: string): string {
  if (name === 'key' || name.endsWith('key') || name === 'destination' || name === 'source') return 'key';
  if (name.includes('pattern')) return 'pattern';
  if (name.startsWith('unix-time')) return 'unix-time';
  if (INTEGER_NAMES.has(name)) return 'integer';
  return 'string';
}

// Flags in one order (optional before multiple), however they were added.
const FLAG_ORDER = ['optional', 'multiple'] as const;
const withFlag = (arg: Argument, flag: 'optional' | 'multiple'): Argument =>
  arg.flags.includes(flag) ? arg : { ...arg, flags: FLAG_ORDER.filter((f) => f === flag || arg.flags.includes(f)) };

/** Several arguments that go together become one: a block (one after the other) or a oneof. */
function asOne(args: readonly Argument[], type: 'block' | 'oneof'): Argument {
  if (args.length === 1) return args[0];
  const name = type === 'oneof' ? args.map((a) => a.name).join('_') : args[0].name;
  return { name, type, flags: [], arguments: args };
}

function convertBranches(branches: readonly SyntaxNode[][]): Argument[] {
  if (branches.length === 1) return convertSequence(branches[0]);
  return [asOne(branches.map((branch) => asOne(convertSequence(branch), 'block')), 'oneof')];
}

// Arguments compared without their flags: `key [key ...]` repeats what came before.
const shape = (arg: Argument): string => JSON.stringify({ ...arg, flags: [] });

// Second pass: syntax nodes become Redis's argument kinds. The interesting cases are a
// token followed by arguments (`EX seconds` is ONE argument with a token), and the
// repetition idiom `x [x ...]`, which Redis documents as a single `multiple` argument.
function convertSequence(nodes: readonly SyntaxNode[]): Argument[] {
  const result: Argument[] = [];
  for (let i = 0; i < nodes.length; i++) {
    const node = nodes[i];
    if (node.kind === 'ellipsis') {
      if (result.length > 0) result.push(withFlag(result.pop()!, 'multiple'));
    } else if (node.kind === 'word' && isToken(node.text)) {
      // A token takes the plain arguments (or the group) that follow it.
      const introduced: Argument[] = [];
      while (i + 1 < nodes.length) {
        const next = nodes[i + 1];
        if (next.kind === 'word' && !isToken(next.text)) introduced.push({ name: next.text, type: typeOfName(next.text), flags: [] });
        else if (next.kind === 'group' && introduced.length === 0) introduced.push(...convertBranches(next.branches));
        else break;
        i++;
      }
      const token = node.text;
      if (introduced.length === 0) result.push({ name: token.toLowerCase(), type: 'pure-token', token, flags: [] });
      else if (introduced.length === 1) result.push({ ...introduced[0], token });
      else result.push({ name: token.toLowerCase(), type: 'block', token, flags: [], arguments: introduced });
    } else if (node.kind === 'word') {
      result.push({ name: node.text, type: typeOfName(node.text), flags: [] });
    } else if (node.kind === 'group') {
      result.push(...convertBranches(node.branches));
    } else {
      const branch = node.branches.length === 1 ? node.branches[0] : undefined;
      if (branch !== undefined && branch.length > 1 && branch[branch.length - 1].kind === 'ellipsis') {
        // `x [x ...]`: the repetition of what precedes it, or an optional repeated group.
        const repeated = asOne(convertSequence(branch.slice(0, -1)), 'block');
        const previous = result[result.length - 1];
        if (previous !== undefined && shape(previous) === shape(repeated)) result[result.length - 1] = withFlag(previous, 'multiple');
        else result.push(withFlag(withFlag(repeated, 'optional'), 'multiple'));
      } else {
        const inner = convertBranches(node.branches);
        if (inner.length > 0) result.push(withFlag(asOne(inner, 'block'), 'optional'));
      }
    }
  }
  return result;
}

/** The argument tree of a one-line syntax. */
export function syntaxArguments(syntax: string): Argument[] {
  return convertBranches(parseSyntax(syntax));
}

/** An argument as COMMAND DOCS encodes it; key arguments point at key spec 0. */
export function argumentFrame(arg: Argument, hasKeySpec: boolean): Frame {
  const field = (name: string, value: Frame): [Frame, Frame] => [bulk(name), value];
  const fields: [Frame, Frame][] = [field('name', bulk(arg.name)), field('type', bulk(arg.type))];
  if (arg.type === 'key' && hasKeySpec) fields.push(field('key_spec_index', integer(0)));
  if (arg.token !== undefined) fields.push(field('token', bulk(arg.token)));
  if (arg.flags.length > 0) fields.push(field('flags', set(arg.flags.map(simple))));
  if (arg.arguments !== undefined) fields.push(field('arguments', array(arg.arguments.map((a) => argumentFrame(a, hasKeySpec)))));
  return map(fields);
}
