// Differential cases for pattern pub/sub (PSUBSCRIBE, PUNSUBSCRIBE) and PUBSUB
// introspection. Inputs only; real Redis supplies the expected bytes. See corpus.ts
// for the step builders.

import { Case, Key, Step, ask, askUnordered, command, fanout } from './corpus';

const cases: Case[] = [];
function kase(name: string, build: (key: Key) => Step[]): void {
  cases.push({ name, steps: build((suffix = 'k') => `${name}:${suffix}`) });
}

kase('psubscribe-one', (key) => [ask('a', command('PSUBSCRIBE', key('*')))]);
kase('psubscribe-many', (key) => [ask('a', command('PSUBSCRIBE', key('a*'), key('b?'), key('[xy]')), 3)]);
kase('psubscribe-arity', () => [ask('a', command('PSUBSCRIBE'))]);
kase('psubscribe-twice', (key) => [ask('a', command('PSUBSCRIBE', key('*'))), ask('a', command('PSUBSCRIBE', key('*')))]);
kase('psubscribe-and-subscribe-count-together', (key) => [
  ask('a', command('SUBSCRIBE', key('ch'))),
  ask('a', command('PSUBSCRIBE', key('c*'))),
  ask('a', command('UNSUBSCRIBE', key('ch'))),
  ask('a', command('PUNSUBSCRIBE', key('c*'))),
]);
kase('punsubscribe-not-subscribed', () => [ask('a', command('PUNSUBSCRIBE'))]);
kase('punsubscribe-named-not-subscribed', (key) => [ask('a', command('PUNSUBSCRIBE', key('x*')))]);
kase('punsubscribe-all', (key) => [
  ask('a', command('PSUBSCRIBE', key('a*'), key('b*')), 2),
  askUnordered('a', command('PUNSUBSCRIBE'), 2),
  ask('a', command('PING')),
]);
kase('pmessage-star', (key) => [
  ask('sub', command('PSUBSCRIBE', key('news.*'))),
  fanout('pub', command('PUBLISH', key('news.sport'), 'goal'), { pub: 1, sub: 1 }),
  ask('pub', command('PUBLISH', key('weather'), 'rain')),
]);
kase('pmessage-question-and-class', (key) => [
  ask('sub', command('PSUBSCRIBE', key('h?llo'), key('x[a-c]'), key('y[^a]'))),
  ask('sub', command('PING'), 1),
  fanout('pub', command('PUBLISH', key('hallo'), '1'), { pub: 1, sub: 1 }),
  fanout('pub', command('PUBLISH', key('xb'), '2'), { pub: 1, sub: 1 }),
  ask('pub', command('PUBLISH', key('ya'), '3')),
  fanout('pub', command('PUBLISH', key('yb'), '4'), { pub: 1, sub: 1 }),
]);
kase('pmessage-escape', (key) => [
  ask('sub', command('PSUBSCRIBE', key('a\\*b'))),
  ask('pub', command('PUBLISH', key('axb'), 'no')),
  fanout('pub', command('PUBLISH', key('a*b'), 'yes'), { pub: 1, sub: 1 }),
]);
kase('message-to-channel-and-pattern', (key) => [
  ask('sub', command('SUBSCRIBE', key('ch'))),
  ask('sub', command('PSUBSCRIBE', key('c*'))),
  // One subscriber, reached twice: a message and a pmessage, and PUBLISH counts 2.
  fanout('pub', command('PUBLISH', key('ch'), 'both'), { pub: 1, sub: 2 }),
]);
// Delivery is batched per event-loop turn (Db.publish): the order across channels and
// between a channel and a matching pattern must still be publication order.
kase('pipelined-publishes-alternating-channels-keep-order', (key) => [
  ask('sub', command('SUBSCRIBE', key('a'), key('b')), 2),
  fanout('pub', command('PUBLISH', key('a'), '1') + command('PUBLISH', key('b'), '2') + command('PUBLISH', key('a'), '3') + command('PUBLISH', key('b'), '4'), {
    pub: 4,
    sub: 4,
  }),
]);
kase('pipelined-publishes-channel-and-pattern-keep-order', (key) => [
  ask('sub', command('SUBSCRIBE', key('ch'))),
  ask('sub', command('PSUBSCRIBE', key('c*'))),
  fanout('pub', command('PUBLISH', key('ch'), 'x') + command('PUBLISH', key('ch'), 'y'), { pub: 2, sub: 4 }),
]);
kase('subscribe-after-publish-in-one-pipeline-gets-nothing-earlier', (key) => [
  ask('sub', command('SUBSCRIBE', key('other'))),
  // A subscriber that joins after a PUBLISH does not receive it (the same within one
  // turn, where joining delivers the queue first: lesson 07 shows that on a Db).
  ask('pub', command('PUBLISH', key('late'), 'before you came')),
  ask('sub', command('SUBSCRIBE', key('late'))),
  fanout('pub', command('PUBLISH', key('late'), 'now'), { pub: 1, sub: 1 }),
]);
kase('pmessage-binary', (key) => [
  ask('sub', command('PSUBSCRIBE', key('*'))),
  fanout('pub', command('PUBLISH', key('\x00\xff\r\n'), '\x01\x02'), { pub: 1, sub: 1 }),
]);
kase('punsubscribe-stops-delivery', (key) => [
  ask('sub', command('PSUBSCRIBE', key('*'))),
  ask('sub', command('PUNSUBSCRIBE', key('*'))),
  ask('pub', command('PUBLISH', key('x'), 'nobody')),
  ask('sub', command('PING')),
]);
kase('psubscribe-mode-refuses-get', (key) => [ask('a', command('PSUBSCRIBE', key('*'))), ask('a', command('GET', key()))]);
kase('psubscribe-mode-ping', (key) => [ask('a', command('PSUBSCRIBE', key('*'))), ask('a', command('PING', 'x'))]);
kase('pubsub-numsub', (key) => [
  ask('s1', command('SUBSCRIBE', key('a'))),
  ask('s2', command('SUBSCRIBE', key('a'), key('b')), 2),
  ask('q', command('PUBSUB', 'NUMSUB', key('a'), key('b'), key('c'))),
  ask('q', command('PUBSUB', 'NUMSUB')),
]);
kase('pubsub-channels-pattern', (key) => [
  ask('s1', command('SUBSCRIBE', key('only'))),
  ask('q', command('PUBSUB', 'CHANNELS', key('on*'))),
  ask('q', command('PUBSUB', 'CHANNELS', key('zz*'))),
]);
kase('pubsub-errors', () => [
  ask('q', command('PUBSUB')),
  ask('q', command('PUBSUB', 'nope')),
  ask('q', command('PUBSUB', 'CHANNELS', 'a', 'b')),
  ask('q', command('PUBSUB', 'NUMPAT', 'x')),
]);
kase('pubsub-lowercase', (key) => [ask('q', command('pubsub', 'numsub', key('x')))]);

export const pubsubCorpus: readonly Case[] = cases;
