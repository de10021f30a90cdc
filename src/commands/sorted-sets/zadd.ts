// ZADD key [NX|XX] [GT|LT] [CH] [INCR] score member [score member ...]: adds members or
// changes their scores. Answers how many members were added (with CH: added or
// changed); with INCR, which takes one pair only, it answers the member's new score, or
// nil when NX/XX/GT/LT refused the change.
//
// Validation comes in Redis's order, all before the key is touched, so that the command
// runs whole or not at all: the options (any order, any case, until the first word that
// is not one), the pair count ("syntax error"), the incompatible options, INCR's single
// pair, then every score ("value is not a valid float", with string2d's strict reading:
// see score.ts). Only then the key: WRONGTYPE, or a new set unless XX (XX on a missing
// key creates nothing). The per-member rules are RedisSortedSet.add (Redis's zsetAdd);
// INCR turning inf into NaN is the one error that can come after the lookup.
//
// ZINCRBY is this command with INCR forced: see zincrby.ts.

import { type Frame, NULL, integer } from '../../protocol/frame';
import { type AddOptions, RedisSortedSet } from '../../db/types/sorted-set';
import { CommandSpec, ReplyError, SYNTAX_ERROR, keyOf } from '../command';
import { writeAs } from '../typed-value';
import { parseScore } from './score';

export interface ZAdd {
  readonly key: string;
  readonly options: AddOptions;
  readonly ch: boolean;
  readonly scores: readonly number[];
  readonly members: readonly string[];
}

export const NOT_A_FLOAT = new ReplyError('ERR value is not a valid float');
const NX_AND_XX = new ReplyError('ERR XX and NX options at the same time are not compatible');
const GT_LT_NX = new ReplyError('ERR GT, LT, and/or NX options at the same time are not compatible');
const INCR_ONE_PAIR = new ReplyError('ERR INCR option supports a single increment-element pair');
const NAN_SCORE = new ReplyError('ERR resulting score is not a number (NaN)');

// The options as bits: a Set of words per call would be an allocation per ZADD.
const NX = 1;
const XX = 2;
const CH = 4;
const INCR = 8;
const GT = 16;
const LT = 32;
const OPTIONS: ReadonlyMap<string, number> = new Map([
  ['nx', NX],
  ['xx', XX],
  ['ch', CH],
  ['incr', INCR],
  ['gt', GT],
  ['lt', LT],
]);
/** The first letters of the options, lower case: a word starting otherwise is a score. */
const OPTION_INITIALS = new Set(['n', 'x', 'c', 'i', 'g', 'l'].map((c) => c.charCodeAt(0)));

/** `score member [score member ...]` from `from` on, after the options. */
function parsePairs(args: readonly Buffer[], from: number): { scores: number[]; members: string[] } | ReplyError {
  const scores: number[] = [];
  const members: string[] = [];
  for (let j = from; j < args.length; j += 2) {
    const score = parseScore(args[j]);
    if (score === null) return NOT_A_FLOAT;
    scores.push(score);
    members.push(keyOf(args[j + 1]));
  }
  return { scores, members };
}

/** The option a word names (its bit), or 0 when it is not one (the first score, then). */
function optionOf(arg: Buffer): number {
  // Redis compares with strcasecmp, so an option ends at a NUL byte ("nx\0x" is NX).
  const nul = arg.indexOf(0);
  const length = nul === -1 ? arg.length : nul;
  // Options are short words; anything longer is the first score. A score (a digit, a
  // sign, a dot) is told apart by its first byte without making a string of it.
  if (length === 0 || length > 4 || !OPTION_INITIALS.has(arg[0] | 0x20)) return 0;
  return OPTIONS.get(arg.toString('latin1', 0, length).toLowerCase()) ?? 0;
}

export function parseZadd(args: readonly Buffer[], incrForced: boolean): ZAdd | ReplyError {
  let flags = incrForced ? INCR : 0;
  let j = 1;
  for (; j < args.length; j++) {
    const option = optionOf(args[j]);
    if (option === 0) break;
    flags |= option;
  }
  const elements = args.length - j;
  if (elements === 0 || elements % 2 !== 0) return SYNTAX_ERROR;
  const nx = (flags & NX) !== 0;
  const xx = (flags & XX) !== 0;
  const gt = (flags & GT) !== 0;
  const lt = (flags & LT) !== 0;
  const incr = (flags & INCR) !== 0;
  if (nx && xx) return NX_AND_XX;
  if ((gt && nx) || (lt && nx) || (gt && lt)) return GT_LT_NX;
  if (incr && elements > 2) return INCR_ONE_PAIR;
  const pairs = parsePairs(args, j);
  if (pairs instanceof ReplyError) return pairs;
  return { key: keyOf(args[0]), options: { nx, xx, gt, lt, incr }, ch: (flags & CH) !== 0, scores: pairs.scores, members: pairs.members };
}

export function applyZadd({ key, options, ch, scores, members }: ZAdd, db: Parameters<CommandSpec<ZAdd>['apply']>[1]['db']): Frame {
  const set = writeAs(db, key, RedisSortedSet, !options.xx);
  if (set instanceof ReplyError) return set.frame;
  let added = 0;
  let updated = 0;
  let processed = 0;
  let score = 0;
  let error: ReplyError | undefined;
  if (set !== undefined) {
    for (let i = 0; i < members.length; i++) {
      const result = set.add(members[i], scores[i], options);
      if (result.outcome === 'nan') {
        error = NAN_SCORE;
        break;
      }
      if (result.outcome === 'added') added++;
      else if (result.outcome === 'updated') updated++;
      if (result.outcome !== 'skipped') {
        processed++;
        score = result.score;
      }
    }
  }
  if (added + updated > 0) db.changed(key);
  if (error !== undefined) return error.frame;
  if (options.incr) return processed > 0 ? { type: 'double', value: score } : NULL;
  return integer(ch ? added + updated : added);
}

export const zadd: CommandSpec<ZAdd> = {
  name: 'zadd',
  arity: -4,
  flags: ['write', 'denyoom', 'fast'],
  categories: ['@write', '@sortedset', '@fast'],
  keys: { first: 1, last: 1, step: 1 },
  summary: 'Add one or more members to a sorted set, or update its score if it already exists',
  since: '1.2.0',
  group: 'sorted-set',
  syntax: 'key [NX|XX] [GT|LT] [CH] [INCR] score member [score member ...]',
  parse: (args) => parseZadd(args, false),
  apply: (command, { db }) => applyZadd(command, db),
};
