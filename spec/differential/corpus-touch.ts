// The differential corpus of TOUCH, the worked example of CONTRIBUTING.md. Inputs only,
// as everywhere in the corpus: real Redis's replies are the expected ones.
//
// What a new command's corpus should cover, shown on a small one:
// - the success paths (missing keys, one key, many keys, a key named twice);
// - every error path (here only the arity, in any letter case, and subscribed mode);
// - edge values (binary keys: NUL, CR LF and 0xff must round-trip as bytes);
// - interactions with the rest of the keyspace (an expired key is not counted; TOUCH
//   leaves the time to live alone);
// - RESP3: the same after HELLO 3.
// Keys are prefixed with the case name: the two servers are never flushed between cases.

import { type Case, type Step, ask, command } from './corpus';
import { builder } from './case-builder';

/** One command on connection "a", one reply. */
const run = (...args: string[]): Step => ask('a', command(...args));

const resp2 = builder('touch');
const kase = resp2.kase;

kase('missing', (key) => [run('TOUCH', key())]);
kase('one', (key) => [run('SET', key(), 'v'), run('TOUCH', key())]);
kase('many', (key) => [run('SET', key('a'), '1'), run('SET', key('b'), '2'), run('TOUCH', key('a'), key('b'), key('c'))]);
// Counted once per argument, as EXISTS: Redis looks each argument up in turn.
kase('repeated-key', (key) => [run('SET', key(), 'v'), run('TOUCH', key(), key(), key('missing'), key())]);
kase('arity', () => [run('TOUCH')]);
kase('lowercase', (key) => [run('set', key(), 'v'), run('touch', key())]);
kase('mixed-case-arity', () => [run('ToUcH')]);
kase('inline', (key) => [run('SET', key(), 'v'), ask('a', `TOUCH ${key()} ${key('x')}\r\n`)]);
kase('binary-key', (key) => [run('SET', key('\x00\r\n\xff'), 'v'), run('TOUCH', key('\x00\r\n\xff'), key('\x00'))]);
kase('empty-key', (key) => [run('SET', '', key()), run('TOUCH', ''), run('DEL', '')]);
// PEXPIREAT in the past deletes the key at once: TOUCH must not see it.
kase('expired-key', (key) => [run('SET', key(), 'v'), run('PEXPIREAT', key(), '1'), run('TOUCH', key())]);
// TOUCH only reads: the time to live is untouched (TTL rounds to 100 for half a second).
kase('keeps-ttl', (key) => [run('SET', key(), 'v', 'EX', '100'), run('TOUCH', key()), run('TTL', key())]);
kase('subscribed-mode', (key) => [ask('a', command('SUBSCRIBE', key('ch'))), run('TOUCH', key())]);
kase('pipelined', (key) => [
  ask('a', command('SET', key(), 'v') + command('TOUCH', key()) + command('TOUCH') + command('TOUCH', key('x'), key()), 4),
]);

export const touchCorpus: readonly Case[] = resp2.cases;

// After HELLO 3 the count is the same RESP integer; the errors are the same text.
const resp3 = builder('touch');
resp3.kase('resp3', (key) => [
  ask('a', command('HELLO', '3')),
  run('SET', key(), 'v'),
  run('TOUCH', key(), key(), key('missing')),
  run('TOUCH'),
]);

export const touchResp3Corpus: readonly Case[] = resp3.cases;
