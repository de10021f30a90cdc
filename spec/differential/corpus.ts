// The differential corpus: raw byte sequences to send to both real Redis and our
// server. It holds inputs only — never an expected reply — because Redis is the
// oracle: whatever redis-server answers, byte for byte, is what we must answer.
//
// A case is a list of steps. A step writes bytes on a named connection (opened on
// first use) and says what to wait for before the next step: a number of complete
// RESP replies on some connections, or a connection closing. Waiting for each
// step's replies before the next step is what makes multi-connection cases (a
// subscriber and a publisher) deterministic.
//
// The two servers are never flushed between cases, so every key and channel is
// prefixed with the case's name (`key()` below).
//
// Strings here are latin1: one char is one byte, so "\xff" is the byte 0xff.

export interface Expectation {
  readonly conn: string;
  /** Wait for exactly this many complete replies. */
  readonly replies?: number;
  /** Wait until the server closes the connection, collecting every byte before it. */
  readonly close?: true;
  /**
   * The replies are pub/sub (un)subscribe confirmations whose channel order Redis does
   * not define: UNSUBSCRIBE with no argument walks the client's channels in hash-table
   * order, and Redis seeds its hash function randomly at start-up, so even two Redis
   * processes disagree. They are compared as a sorted set of (kind, channel) pairs
   * plus the sequence of counts, which is defined.
   */
  readonly unorderedChannels?: true;
}

export interface Step {
  readonly conn: string;
  /** Latin1 bytes to write, in one write (or one byte at a time in split mode). */
  readonly send: string;
  /** Empty: nothing is read before the next step (the rest of a split command follows). */
  readonly expect: readonly Expectation[];
}

export interface Case {
  readonly name: string;
  readonly steps: readonly Step[];
  /**
   * false: leave out of the 1-byte-writes run. Needed where a step's bytes go on
   * after the point where the server closes the connection (pipelined after QUIT or
   * a protocol error): written one byte at a time, the writes would race the close
   * and could reset the socket before the reply is read.
   */
  readonly bytewise?: false;
}

// ---------------------------------------------------------------------------
// Builders

/** Encodes a command the way real clients do: a RESP multibulk of bulk strings. */
export function command(...args: readonly string[]): string {
  return `*${args.length}\r\n${args.map((arg) => `$${arg.length}\r\n${arg}\r\n`).join('')}`;
}

/** `conn` sends `bytes` and reads `replies` replies back. */
export function ask(conn: string, bytes: string, replies = 1): Step {
  return { conn, send: bytes, expect: [{ conn, replies }] };
}

/** `conn` sends `bytes` and reads nothing yet: the bytes are an incomplete request. */
export function push(conn: string, bytes: string): Step {
  return { conn, send: bytes, expect: [] };
}

/** `conn` sends `bytes` and reads everything until the server closes it. */
export function closes(conn: string, bytes: string): Step {
  return { conn, send: bytes, expect: [{ conn, close: true }] };
}

/** `conn` sends `bytes`; replies are expected on several connections (publisher and subscribers). */
export function fanout(conn: string, bytes: string, replies: Readonly<Record<string, number>>): Step {
  return { conn, send: bytes, expect: Object.entries(replies).map(([c, n]) => ({ conn: c, replies: n })) };
}

/** `conn` sends `bytes` and reads `replies` (un)subscribe confirmations in any channel order. */
export function askUnordered(conn: string, bytes: string, replies: number): Step {
  return { conn, send: bytes, expect: [{ conn, replies, unorderedChannels: true }] };
}

/** Names a key or channel that belongs to one case only. */
export type Key = (suffix?: string) => string;

const cases: Case[] = [];

function kase(name: string, build: (key: Key) => Step[], options: { bytewise?: false } = {}): void {
  if (!/^[a-z0-9-]+$/.test(name)) throw new Error(`case names are kebab-case (they prefix inline keys): ${name}`);
  if (cases.some((c) => c.name === name)) throw new Error(`duplicate case name ${name}`);
  const key: Key = (suffix = 'k') => `${name}:${suffix}`;
  cases.push({ name, steps: build(key), ...options });
}

/** Every byte value once, 0x00..0xff (so it holds "\r\n" and NUL). */
const ALL_BYTES = Array.from({ length: 256 }, (_, i) => String.fromCharCode(i)).join('');
/** Long enough to exceed Redis's 64 KB limits on an inline line and on a count line. */
const OVER_64KB = 70_000;

// ---------------------------------------------------------------------------
// PING

kase('ping', () => [ask('a', command('PING'))]);
kase('ping-message', () => [ask('a', command('PING', 'hello world'))]);
kase('ping-empty-message', () => [ask('a', command('PING', ''))]);
kase('ping-binary-message', () => [ask('a', command('PING', ALL_BYTES))]);
kase('ping-arity', () => [ask('a', command('PING', 'a', 'b'))]);
kase('ping-arity-many', () => [ask('a', command('PING', 'a', 'b', 'c', 'd'))]);
kase('ping-lowercase', () => [ask('a', command('ping'))]);
kase('ping-mixed-case', () => [ask('a', command('PiNg', 'x'))]);
kase('ping-mixed-case-arity', () => [ask('a', command('pInG', 'x', 'y'))]);
kase('ping-inline-crlf', () => [ask('a', 'PING\r\n')]);
kase('ping-inline-lf', () => [ask('a', 'PING\n')]);
kase('ping-inline-message', () => [ask('a', 'ping hello\r\n')]);
kase('ping-inline-arity', () => [ask('a', 'ping a b\r\n')]);

// ---------------------------------------------------------------------------
// GET

kase('get-miss', (key) => [ask('a', command('GET', key()))]);
kase('get-hit', (key) => [ask('a', command('SET', key(), 'value')), ask('a', command('GET', key()))]);
kase('get-lowercase', (key) => [ask('a', command('set', key(), 'v')), ask('a', command('get', key()))]);
kase('get-arity-none', () => [ask('a', command('GET'))]);
kase('get-arity-two', (key) => [ask('a', command('GET', key('a'), key('b')))]);
kase('get-arity-mixed-case', () => [ask('a', command('gEt'))]);
kase('get-after-overwrite', (key) => [
  ask('a', command('SET', key(), 'first')),
  ask('a', command('SET', key(), 'second')),
  ask('a', command('GET', key())),
]);
kase('get-empty-value', (key) => [ask('a', command('SET', key(), '')), ask('a', command('GET', key()))]);
// The only case that uses the empty key: keys are per case, and "" cannot carry a prefix.
kase('get-empty-key', () => [ask('a', command('SET', '', 'empty-key')), ask('a', command('GET', ''))]);
kase('get-key-case-sensitive', (key) => [
  ask('a', command('SET', key('K'), 'upper')),
  ask('a', command('GET', key('k'))),
  ask('a', command('GET', key('K'))),
]);
kase('get-other-connection', (key) => [ask('a', command('SET', key(), 'shared')), ask('b', command('GET', key()))]);

// ---------------------------------------------------------------------------
// SET: plain, arity, binary safety

kase('set-basic', (key) => [ask('a', command('SET', key(), 'v'))]);
kase('set-arity-none', () => [ask('a', command('SET'))]);
kase('set-arity-one', (key) => [ask('a', command('SET', key()))]);
kase('set-option-name-as-value', (key) => [ask('a', command('SET', key(), 'EX')), ask('a', command('GET', key()))]);
kase('set-binary-key-and-value', (key) => [
  ask('a', command('SET', key(ALL_BYTES), ALL_BYTES)),
  ask('a', command('GET', key(ALL_BYTES))),
]);
kase('set-crlf-in-value', (key) => [
  ask('a', command('SET', key(), 'a\r\nb\r\n$3\r\n*1\r\n')),
  ask('a', command('GET', key())),
]);
kase('set-crlf-in-key', (key) => [ask('a', command('SET', key('x\r\ny'), 'v')), ask('a', command('GET', key('x\r\ny')))]);
kase('set-numeric-looking-values', (key) => [
  ask('a', command('SET', key('a'), '007') + command('SET', key('b'), '-0') + command('SET', key('c'), '12345678901234567890123'), 3),
  ask('a', command('GET', key('a')) + command('GET', key('b')) + command('GET', key('c')), 3),
]);
kase('set-large-value', (key) => [
  ask('a', command('SET', key(), 'x'.repeat(100_000))),
  ask('a', command('GET', key())),
]);

// ---------------------------------------------------------------------------
// SET: EX and PX

kase('set-ex-valid', (key) => [ask('a', command('SET', key(), 'v', 'EX', '100')), ask('a', command('GET', key()))]);
kase('set-px-valid', (key) => [ask('a', command('SET', key(), 'v', 'PX', '100000')), ask('a', command('GET', key()))]);
kase('set-ex-lowercase', (key) => [ask('a', command('SET', key(), 'v', 'ex', '100')), ask('a', command('GET', key()))]);
kase('set-px-mixed-case', (key) => [ask('a', command('SET', key(), 'v', 'pX', '100000'))]);
kase('set-ex-zero', (key) => [ask('a', command('SET', key(), 'v', 'EX', '0')), ask('a', command('GET', key()))]);
kase('set-px-zero', (key) => [ask('a', command('SET', key(), 'v', 'PX', '0'))]);
kase('set-ex-negative', (key) => [ask('a', command('SET', key(), 'v', 'EX', '-1'))]);
kase('set-px-negative', (key) => [ask('a', command('SET', key(), 'v', 'PX', '-100'))]);
kase('set-ex-not-a-number', (key) => [ask('a', command('SET', key(), 'v', 'EX', 'abc')), ask('a', command('GET', key()))]);
kase('set-ex-float', (key) => [ask('a', command('SET', key(), 'v', 'EX', '1.5'))]);
kase('set-px-float', (key) => [ask('a', command('SET', key(), 'v', 'PX', '100.0'))]);
kase('set-ex-empty', (key) => [ask('a', command('SET', key(), 'v', 'EX', ''))]);
kase('set-ex-plus-sign', (key) => [ask('a', command('SET', key(), 'v', 'EX', '+10'))]);
kase('set-ex-leading-zero', (key) => [ask('a', command('SET', key(), 'v', 'EX', '010'))]);
kase('set-ex-spaces', (key) => [ask('a', command('SET', key(), 'v', 'EX', ' 10')), ask('a', command('SET', key(), 'v', 'EX', '10 '))]);
kase('set-ex-hex-and-exponent', (key) => [ask('a', command('SET', key(), 'v', 'EX', '0x10')), ask('a', command('SET', key(), 'v', 'EX', '1e3'))]);
kase('set-ex-missing-value', (key) => [ask('a', command('SET', key(), 'v', 'EX')), ask('a', command('GET', key()))]);
kase('set-px-missing-value', (key) => [ask('a', command('SET', key(), 'v', 'PX'))]);
kase('set-ex-and-px', (key) => [ask('a', command('SET', key(), 'v', 'EX', '10', 'PX', '10000'))]);
kase('set-px-and-ex', (key) => [ask('a', command('SET', key(), 'v', 'PX', '10000', 'EX', '10'))]);
kase('set-ex-twice', (key) => [ask('a', command('SET', key(), 'v', 'EX', '10', 'EX', '20'))]);
kase('set-unknown-option', (key) => [ask('a', command('SET', key(), 'v', 'FOO')), ask('a', command('GET', key()))]);
kase('set-unknown-option-after-ex', (key) => [ask('a', command('SET', key(), 'v', 'EX', '10', 'BAR'))]);
kase('set-ex-max-int64', (key) => [ask('a', command('SET', key(), 'v', 'EX', '9223372036854775807'))]);
kase('set-px-max-int64', (key) => [ask('a', command('SET', key(), 'v', 'PX', '9223372036854775807'))]);
kase('set-ex-over-int64', (key) => [ask('a', command('SET', key(), 'v', 'EX', '9223372036854775808'))]);
kase('set-px-min-int64', (key) => [ask('a', command('SET', key(), 'v', 'PX', '-9223372036854775808'))]);
// Seconds that overflow int64 milliseconds once multiplied by 1000.
kase('set-ex-overflows-as-ms', (key) => [ask('a', command('SET', key(), 'v', 'EX', '9223372036854776'))]);
// Milliseconds past 2^53: a float64 cannot hold them exactly, Redis's int64 can.
kase('set-ex-beyond-float-precision', (key) => [
  ask('a', command('SET', key(), 'v', 'EX', '9223372036854')),
  ask('a', command('GET', key())),
]);
kase('set-px-large-valid', (key) => [ask('a', command('SET', key(), 'v', 'PX', '100000000000000')), ask('a', command('GET', key()))]);

// ---------------------------------------------------------------------------
// SET: NX, XX, GET, KEEPTTL, EXAT, PXAT

kase('set-nx-new', (key) => [ask('a', command('SET', key(), 'v', 'NX')), ask('a', command('GET', key()))]);
kase('set-nx-existing', (key) => [
  ask('a', command('SET', key(), 'old')),
  ask('a', command('SET', key(), 'new', 'NX')),
  ask('a', command('GET', key())),
]);
kase('set-xx-missing', (key) => [ask('a', command('SET', key(), 'v', 'XX')), ask('a', command('GET', key()))]);
kase('set-xx-existing', (key) => [
  ask('a', command('SET', key(), 'old')),
  ask('a', command('SET', key(), 'new', 'xx')),
  ask('a', command('GET', key())),
]);
kase('set-nx-and-xx', (key) => [ask('a', command('SET', key(), 'v', 'NX', 'XX'))]);
kase('set-xx-and-nx', (key) => [ask('a', command('SET', key(), 'v', 'XX', 'NX'))]);
kase('set-nx-twice', (key) => [ask('a', command('SET', key(), 'v', 'NX', 'NX'))]);
kase('set-nx-with-ex', (key) => [
  ask('a', command('SET', key(), 'v', 'NX', 'EX', '100')),
  ask('a', command('SET', key(), 'w', 'EX', '100', 'NX')),
  ask('a', command('GET', key())),
]);
kase('set-get-missing', (key) => [ask('a', command('SET', key(), 'v', 'GET')), ask('a', command('GET', key()))]);
kase('set-get-existing', (key) => [
  ask('a', command('SET', key(), 'old')),
  ask('a', command('SET', key(), 'new', 'GET')),
  ask('a', command('GET', key())),
]);
kase('set-get-twice', (key) => [ask('a', command('SET', key(), 'v', 'GET', 'GET'))]);
kase('set-get-with-ex', (key) => [
  ask('a', command('SET', key(), 'old')),
  ask('a', command('SET', key(), 'new', 'EX', '100', 'GET')),
]);
kase('set-nx-get-missing', (key) => [ask('a', command('SET', key(), 'v', 'NX', 'GET')), ask('a', command('GET', key()))]);
kase('set-nx-get-existing', (key) => [
  ask('a', command('SET', key(), 'old')),
  ask('a', command('SET', key(), 'new', 'NX', 'GET')),
  ask('a', command('GET', key())),
]);
kase('set-xx-get-missing', (key) => [ask('a', command('SET', key(), 'v', 'XX', 'GET')), ask('a', command('GET', key()))]);
kase('set-xx-get-existing', (key) => [
  ask('a', command('SET', key(), 'old')),
  ask('a', command('SET', key(), 'new', 'GET', 'XX')),
]);
kase('set-keepttl', (key) => [
  ask('a', command('SET', key(), 'v', 'EX', '100')),
  ask('a', command('SET', key(), 'w', 'KEEPTTL')),
  ask('a', command('GET', key())),
]);
kase('set-keepttl-missing-key', (key) => [ask('a', command('SET', key(), 'v', 'keepttl'))]);
kase('set-keepttl-and-ex', (key) => [ask('a', command('SET', key(), 'v', 'KEEPTTL', 'EX', '10'))]);
kase('set-ex-and-keepttl', (key) => [ask('a', command('SET', key(), 'v', 'EX', '10', 'KEEPTTL'))]);
kase('set-keepttl-and-px', (key) => [ask('a', command('SET', key(), 'v', 'KEEPTTL', 'PX', '10'))]);
kase('set-keepttl-and-exat', (key) => [ask('a', command('SET', key(), 'v', 'KEEPTTL', 'EXAT', '4102444800'))]);
kase('set-keepttl-twice', (key) => [ask('a', command('SET', key(), 'v', 'KEEPTTL', 'KEEPTTL'))]);
kase('set-exat-future', (key) => [ask('a', command('SET', key(), 'v', 'EXAT', '4102444800')), ask('a', command('GET', key()))]);
kase('set-exat-past', (key) => [ask('a', command('SET', key(), 'v', 'EXAT', '1')), ask('a', command('GET', key()))]);
kase('set-exat-zero', (key) => [ask('a', command('SET', key(), 'v', 'EXAT', '0'))]);
kase('set-exat-negative', (key) => [ask('a', command('SET', key(), 'v', 'exat', '-5'))]);
kase('set-exat-not-a-number', (key) => [ask('a', command('SET', key(), 'v', 'EXAT', 'soon'))]);
kase('set-exat-missing-value', (key) => [ask('a', command('SET', key(), 'v', 'EXAT'))]);
kase('set-exat-max-int64', (key) => [ask('a', command('SET', key(), 'v', 'EXAT', '9223372036854775807'))]);
kase('set-pxat-future', (key) => [ask('a', command('SET', key(), 'v', 'PXAT', '4102444800000')), ask('a', command('GET', key()))]);
kase('set-pxat-past', (key) => [ask('a', command('SET', key(), 'v', 'PXAT', '1')), ask('a', command('GET', key()))]);
kase('set-pxat-zero', (key) => [ask('a', command('SET', key(), 'v', 'PXAT', '0'))]);
kase('set-pxat-max-int64', (key) => [ask('a', command('SET', key(), 'v', 'PXAT', '9223372036854775807'))]);
kase('set-exat-and-pxat', (key) => [ask('a', command('SET', key(), 'v', 'EXAT', '4102444800', 'PXAT', '4102444800000'))]);
kase('set-ex-and-exat', (key) => [ask('a', command('SET', key(), 'v', 'EX', '10', 'EXAT', '4102444800'))]);
kase('set-px-and-pxat', (key) => [ask('a', command('SET', key(), 'v', 'PX', '10', 'PXAT', '4102444800000'))]);
kase('set-exat-past-then-nx', (key) => [
  ask('a', command('SET', key(), 'gone', 'EXAT', '1')),
  ask('a', command('SET', key(), 'fresh', 'NX')),
  ask('a', command('GET', key())),
]);
kase('set-pxat-past-then-get-option', (key) => [
  ask('a', command('SET', key(), 'gone', 'PXAT', '1')),
  ask('a', command('SET', key(), 'fresh', 'GET')),
]);
kase('set-all-options-valid', (key) => [
  ask('a', command('SET', key(), 'old')),
  ask('a', command('SET', key(), 'new', 'XX', 'GET', 'PXAT', '4102444800000')),
  ask('a', command('GET', key())),
]);

// ---------------------------------------------------------------------------
// PUBLISH

kase('publish-no-subscribers', (key) => [ask('a', command('PUBLISH', key('ch'), 'hello'))]);
kase('publish-arity-none', () => [ask('a', command('PUBLISH'))]);
kase('publish-arity-one', (key) => [ask('a', command('PUBLISH', key('ch')))]);
kase('publish-arity-three', (key) => [ask('a', command('PUBLISH', key('ch'), 'a', 'b'))]);
kase('publish-lowercase', (key) => [ask('a', command('publish', key('ch'), 'x'))]);
kase('publish-one-subscriber', (key) => [
  ask('sub', command('SUBSCRIBE', key('ch'))),
  fanout('pub', command('PUBLISH', key('ch'), 'hello'), { pub: 1, sub: 1 }),
]);
kase('publish-two-subscribers', (key) => [
  ask('s1', command('SUBSCRIBE', key('ch'))),
  ask('s2', command('SUBSCRIBE', key('ch'))),
  fanout('pub', command('PUBLISH', key('ch'), 'to both'), { pub: 1, s1: 1, s2: 1 }),
]);
kase('publish-binary-message', (key) => [
  ask('sub', command('SUBSCRIBE', key('ch'))),
  fanout('pub', command('PUBLISH', key('ch'), ALL_BYTES), { pub: 1, sub: 1 }),
]);
kase('publish-empty-message', (key) => [
  ask('sub', command('SUBSCRIBE', key('ch'))),
  fanout('pub', command('PUBLISH', key('ch'), ''), { pub: 1, sub: 1 }),
]);
kase('publish-other-channel', (key) => [
  ask('sub', command('SUBSCRIBE', key('ch'))),
  ask('pub', command('PUBLISH', key('other'), 'not for you')),
]);
kase('publish-pipelined', (key) => [
  ask('sub', command('SUBSCRIBE', key('ch'))),
  fanout('pub', command('PUBLISH', key('ch'), 'one') + command('PUBLISH', key('ch'), 'two') + command('PUBLISH', key('ch'), 'three'), {
    pub: 3,
    sub: 3,
  }),
]);
kase('publish-channel-is-not-a-key', (key) => [
  ask('a', command('SET', key('ch'), 'a key')),
  ask('a', command('PUBLISH', key('ch'), 'x')),
  ask('a', command('GET', key('ch'))),
]);
kase('publish-subscriber-on-many-channels', (key) => [
  ask('sub', command('SUBSCRIBE', key('a'), key('b')), 2),
  fanout('pub', command('PUBLISH', key('b'), 'to b') + command('PUBLISH', key('a'), 'to a'), { pub: 2, sub: 2 }),
]);

// ---------------------------------------------------------------------------
// SUBSCRIBE and UNSUBSCRIBE

kase('subscribe-one', (key) => [ask('a', command('SUBSCRIBE', key('ch')))]);
kase('subscribe-many', (key) => [ask('a', command('SUBSCRIBE', key('a'), key('b'), key('c')), 3)]);
kase('subscribe-arity', () => [ask('a', command('SUBSCRIBE'))]);
kase('subscribe-lowercase-inline', (key) => [ask('a', `subscribe ${key('a')} ${key('b')}\r\n`, 2)]);
kase('subscribe-binary-channel', (key) => [
  ask('sub', command('SUBSCRIBE', key(ALL_BYTES))),
  fanout('pub', command('PUBLISH', key(ALL_BYTES), 'bin'), { pub: 1, sub: 1 }),
]);
kase('subscribe-twice-same-channel', (key) => [
  ask('sub', command('SUBSCRIBE', key('ch'))),
  ask('sub', command('SUBSCRIBE', key('ch'))),
  fanout('pub', command('PUBLISH', key('ch'), 'once'), { pub: 1, sub: 1 }),
]);
kase('subscribe-same-channel-in-one-command', (key) => [
  ask('sub', command('SUBSCRIBE', key('ch'), key('ch')), 2),
  fanout('pub', command('PUBLISH', key('ch'), 'once'), { pub: 1, sub: 1 }),
]);
kase('subscribe-more-later', (key) => [
  ask('a', command('SUBSCRIBE', key('a'))),
  ask('a', command('SUBSCRIBE', key('b'), key('c')), 2),
  ask('a', command('SUBSCRIBE', key('a'))),
]);
kase('unsubscribe-one-of-two', (key) => [
  ask('sub', command('SUBSCRIBE', key('a'), key('b')), 2),
  ask('sub', command('UNSUBSCRIBE', key('a'))),
  fanout('pub', command('PUBLISH', key('a'), 'gone') + command('PUBLISH', key('b'), 'kept'), { pub: 2, sub: 1 }),
]);
kase('unsubscribe-all-of-one', (key) => [
  ask('a', command('SUBSCRIBE', key('a'))),
  ask('a', command('UNSUBSCRIBE')),
]);
kase('unsubscribe-all-of-three', (key) => [
  ask('sub', command('SUBSCRIBE', key('a'), key('b'), key('c')), 3),
  askUnordered('sub', command('UNSUBSCRIBE'), 3),
  ask('pub', command('PUBLISH', key('a'), 'nobody')),
]);
kase('unsubscribe-not-subscribed-no-args', () => [ask('a', command('UNSUBSCRIBE'))]);
kase('unsubscribe-not-subscribed-with-channel', (key) => [ask('a', command('UNSUBSCRIBE', key('ch')))]);
kase('unsubscribe-not-subscribed-two-channels', (key) => [ask('a', command('unsubscribe', key('a'), key('b')), 2)]);
kase('unsubscribe-unknown-channel-while-subscribed', (key) => [
  ask('a', command('SUBSCRIBE', key('a'))),
  ask('a', command('UNSUBSCRIBE', key('zzz'))),
]);
kase('unsubscribe-many-args', (key) => [
  ask('a', command('SUBSCRIBE', key('a'), key('b'), key('c')), 3),
  ask('a', command('UNSUBSCRIBE', key('c'), key('x'), key('a'), key('b')), 4),
]);
kase('unsubscribe-same-channel-twice', (key) => [
  ask('a', command('SUBSCRIBE', key('a'), key('b')), 2),
  ask('a', command('UNSUBSCRIBE', key('a'), key('a')), 2),
]);
kase('unsubscribe-leaves-subscribed-mode', (key) => [
  ask('a', command('SUBSCRIBE', key('ch'))),
  ask('a', command('UNSUBSCRIBE', key('ch'))),
  ask('a', command('SET', key(), 'back')),
  ask('a', command('GET', key())),
  ask('a', command('PING')),
]);
kase('unsubscribe-all-leaves-subscribed-mode', (key) => [
  ask('a', command('SUBSCRIBE', key('ch'))),
  ask('a', command('UNSUBSCRIBE')),
  ask('a', command('GET', key())),
]);
kase('unsubscribe-then-publish-not-delivered', (key) => [
  ask('sub', command('SUBSCRIBE', key('ch'))),
  ask('sub', command('UNSUBSCRIBE', key('ch'))),
  ask('pub', command('PUBLISH', key('ch'), 'late')),
]);
kase('subscribed-ping', (key) => [ask('a', command('SUBSCRIBE', key('ch'))), ask('a', command('PING'))]);
kase('subscribed-ping-message', (key) => [ask('a', command('SUBSCRIBE', key('ch'))), ask('a', command('PING', 'hi'))]);
kase('subscribed-ping-inline', (key) => [ask('a', command('SUBSCRIBE', key('ch'))), ask('a', 'ping\r\n')]);
kase('subscribed-ping-arity', (key) => [ask('a', command('SUBSCRIBE', key('ch'))), ask('a', command('PING', 'a', 'b'))]);
kase('subscribed-get', (key) => [ask('a', command('SUBSCRIBE', key('ch'))), ask('a', command('GET', key()))]);
kase('subscribed-get-arity', (key) => [ask('a', command('SUBSCRIBE', key('ch'))), ask('a', command('GET'))]);
kase('subscribed-set', (key) => [
  ask('a', command('SUBSCRIBE', key('ch'))),
  ask('a', command('SET', key(), 'v')),
  ask('b', command('GET', key())),
]);
kase('subscribed-publish', (key) => [ask('a', command('SUBSCRIBE', key('ch'))), ask('a', command('PUBLISH', key('ch'), 'self'))]);
kase('subscribed-unknown-command', (key) => [ask('a', command('SUBSCRIBE', key('ch'))), ask('a', command('NOPE', 'x'))]);
kase('subscribed-mixed-case-command', (key) => [ask('a', command('SUBSCRIBE', key('ch'))), ask('a', command('gEt', key()))]);
kase('subscribed-quit', (key) => [ask('a', command('SUBSCRIBE', key('ch'))), closes('a', command('QUIT'))]);
kase('subscribed-pipelined', (key) => [
  ask('a', command('SUBSCRIBE', key('ch')) + command('PING') + command('GET', key()) + command('UNSUBSCRIBE', key('ch')) + command('PING'), 5),
]);

// ---------------------------------------------------------------------------
// QUIT

kase('quit', () => [closes('a', command('QUIT'))]);
kase('quit-lowercase', () => [closes('a', command('quit'))]);
kase('quit-inline', () => [closes('a', 'QUIT\r\n')]);
kase('quit-with-args', () => [closes('a', command('QUIT', 'now', 'please'))]);
kase('quit-after-pipelined-commands', (key) => [
  closes('a', command('SET', key(), 'before') + command('PING') + command('QUIT')),
  ask('b', command('GET', key())),
]);
kase(
  'quit-then-pipelined-commands-not-run',
  (key) => [closes('a', command('QUIT') + command('SET', key(), 'after') + command('PING')), ask('b', command('GET', key()))],
  { bytewise: false },
);
kase('quit-inline-then-pipelined-not-run', (key) => [closes('a', `QUIT\r\nSET ${key()} after\r\n`), ask('b', command('GET', key()))], {
  bytewise: false,
});

// ---------------------------------------------------------------------------
// Unknown commands

kase('unknown-no-args', () => [ask('a', command('FOO'))]);
kase('unknown-with-args', () => [ask('a', command('FOO', 'a', 'b c', ''))]);
kase('unknown-mixed-case', () => [ask('a', command('FooBar', 'x'))]);
kase('unknown-long-arg', () => [ask('a', command('FOO', 'a'.repeat(300)))]);
kase('unknown-long-args-truncated', () => [ask('a', command('FOO', 'a'.repeat(100), 'b'.repeat(100), 'c'.repeat(100)))]);
kase('unknown-many-args', () => [ask('a', command('FOO', ...Array.from({ length: 60 }, (_, i) => `arg${i}`)))]);
kase('unknown-long-name', () => [ask('a', command('X'.repeat(300), 'a'))]);
kase('unknown-crlf-in-name-and-args', () => [ask('a', command('a\r\nb', 'c\r\nd', 'e\nf\rg'))]);
// Redis formats names and arguments with %s, so a NUL byte ends them early.
kase('unknown-binary-name', () => [ask('a', command('\x00\xff\x7f\x01', '\x00'))]);
kase('unknown-nul-inside-name', () => [ask('a', command('AB\x00CD', 'x\x00y'))]);
kase('unknown-high-bytes-name', () => [ask('a', command('\xe9\xff\x80\x7f', '\xa0\xad'))]);
kase('unknown-quote-in-name', () => [ask('a', command("it's", "'quoted'"))]);
kase('unknown-empty-name', () => [ask('a', command(''))]);
kase('unknown-inline', () => [ask('a', 'FOO bar baz\r\n')]);
kase('unknown-then-ping', () => [ask('a', command('FOO') + command('PING'), 2)]);
// Redis treats a line starting with POST or Host: as an HTTP request smuggled to it
// (a known attack) and closes the connection without replying.
kase('http-post-line', () => [closes('a', 'POST / HTTP/1.1\r\n')]);
kase('http-host-line', () => [closes('a', 'Host: example.com\r\n')]);

// ---------------------------------------------------------------------------
// Inline commands

kase('inline-set-quoted-space', (key) => [ask('a', `set ${key()} "a b"\r\n`), ask('a', command('GET', key()))]);
kase('inline-hex-escape', (key) => [ask('a', `SET ${key()} "\\x41\\x42\\x7e\\xff\\x00"\r\n`), ask('a', command('GET', key()))]);
kase('inline-invalid-hex-escape', (key) => [ask('a', `SET ${key()} "\\xZZ\\x4"\r\n`), ask('a', command('GET', key()))]);
kase('inline-escapes', (key) => [ask('a', `SET ${key()} "n\\n r\\r t\\t b\\b a\\a q\\" s\\\\ z\\z"\r\n`), ask('a', command('GET', key()))]);
kase('inline-crlf-via-escapes', (key) => [ask('a', `SET ${key()} "a\\r\\nb"\r\n`), ask('a', command('GET', key()))]);
kase('inline-single-quotes', (key) => [ask('a', `SET ${key()} 'it\\'s'\r\n`), ask('a', command('GET', key()))]);
kase('inline-single-quotes-no-escapes', (key) => [ask('a', `SET ${key()} 'a\\nb\\x41'\r\n`), ask('a', command('GET', key()))]);
kase('inline-empty-quoted-args', () => [ask('a', `PING ""\r\n`), ask('a', `PING ''\r\n`)]);
kase('inline-adjacent-quoted', (key) => [closes('a', `SET ${key()} "a""b"\r\n`)]);
kase('inline-unbalanced-double-quote', (key) => [closes('a', `SET ${key()} "abc\r\n`)]);
kase('inline-unbalanced-single-quote', (key) => [closes('a', `SET ${key()} 'abc\r\n`)]);
kase('inline-quote-then-letter', (key) => [closes('a', `SET ${key()} "a"b\r\n`)]);
kase('inline-escaped-closing-quote', (key) => [closes('a', `SET ${key()} "abc\\"\r\n`)]);
kase('inline-unbalanced-after-ping', (key) => [closes('a', `PING\r\nSET ${key()} "x\r\n`)]);
kase('inline-empty-lines', () => [ask('a', '\r\n\r\n\nPING\r\n\n')]);
kase('inline-only-spaces', () => [ask('a', '   \r\n\t\r\nPING\r\n')]);
kase('inline-leading-spaces', () => [ask('a', '   PING\r\n')]);
kase('inline-tabs-and-spaces', () => [ask('a', '\tping \t hello  \r\n')]);
kase('inline-lone-cr-inside', () => [ask('a', 'PING\rx\n')]);
// Redis finds the end of an inline line with strchr(), which stops at a NUL byte:
// a NUL hides every later newline, and the line grows until the 64 KB limit.
kase('inline-nul-byte-hides-newline', () => [push('a', 'PING\x00x\r\nPING\r\n'), closes('a', 'a'.repeat(OVER_64KB))]);
kase('inline-high-bytes', () => [ask('a', 'PING \xe9\xff\x80\r\n')]);
kase('inline-pipelined', (key) => [ask('a', `SET ${key()} 1\r\nGET ${key()}\r\nPING\r\nPING x\r\n`, 4)]);
kase('inline-and-multibulk-mixed', (key) => [ask('a', `SET ${key()} inline\r\n${command('GET', key())}PING\n${command('PING', 'mb')}`, 4)]);
kase('inline-wrong-arity', (key) => [ask('a', `GET\r\nGET ${key('a')} ${key('b')}\r\nSET ${key()}\r\n`, 3)]);
kase('inline-unknown-command-quoted', () => [ask('a', `"no such" 'cmd' x\r\n`)]);

// ---------------------------------------------------------------------------
// Protocol errors: Redis replies "-ERR Protocol error: ..." and closes.
// Most cases end their bytes where the error is detected, so they also run with
// 1-byte writes; those marked bytewise:false send more bytes after that point.

kase('mbulk-count-not-a-number', () => [closes('a', '*abc\r\n')]);
kase('mbulk-count-empty', () => [closes('a', '*\r\n')]);
kase('mbulk-count-leading-zero', () => [closes('a', '*01\r\n')]);
kase('mbulk-count-plus-sign', () => [closes('a', '*+1\r\n')]);
kase('mbulk-count-over-int-max', () => [closes('a', '*2147483648\r\n')]);
kase('mbulk-count-over-int64', () => [closes('a', '*99999999999999999999\r\n')]);
kase('mbulk-count-space', () => [closes('a', '* 1\r\n')]);
kase('mbulk-count-int-max-then-not-bulk', () => [closes('a', '*2147483647\r\n+\r\n')]);
kase('mbulk-count-zero-ignored', () => [ask('a', '*0\r\nPING\r\n')]);
kase('mbulk-count-minus-one-ignored', () => [ask('a', '*-1\r\n*1\r\n$4\r\nPING\r\n')]);
kase('mbulk-count-negative-ignored', () => [ask('a', '*-100\r\nPING\r\n')]);
kase('mbulk-count-minus-zero', () => [closes('a', '*-0\r\n')]);
kase('mbulk-expected-dollar-got-plus', () => [closes('a', '*1\r\n+PING\r\n')]);
kase('mbulk-expected-dollar-got-colon', () => [closes('a', '*2\r\n$3\r\nGET\r\n:1\r\n')]);
kase('mbulk-expected-dollar-got-cr', () => [closes('a', '*1\r\n\r\n')]);
kase('mbulk-expected-dollar-got-inline', () => [closes('a', '*1\r\nPING\r\n')]);
kase('bulk-length-negative', () => [closes('a', '*1\r\n$-1\r\n')]);
kase('bulk-length-negative-big', () => [closes('a', '*1\r\n$-5\r\n')]);
kase('bulk-length-not-a-number', () => [closes('a', '*1\r\n$abc\r\n')]);
kase('bulk-length-empty', () => [closes('a', '*1\r\n$\r\n')]);
kase('bulk-length-plus-sign', () => [closes('a', '*1\r\n$+4\r\n')]);
kase('bulk-length-leading-zero', () => [closes('a', '*1\r\n$04\r\n')]);
kase('bulk-length-over-512mb', () => [closes('a', '*1\r\n$536870913\r\n')]);
kase('bulk-length-over-int64', () => [closes('a', '*1\r\n$99999999999999999999\r\n')]);
kase('bulk-length-in-second-arg', () => [closes('a', '*2\r\n$4\r\nPING\r\n$x\r\n')]);
// Redis skips the two bytes after a bulk payload, and after a header's '\r',
// without checking that they are CRLF.
kase('bulk-payload-not-followed-by-crlf', () => [ask('a', '*1\r\n$4\r\nPINGxx')]);
kase('mbulk-header-cr-then-not-lf', () => [ask('a', '*1\rX$4\r\nPING\r\n')]);
kase('bulk-header-cr-then-not-lf', () => [ask('a', '*1\r\n$4\rXPING\r\n')]);
kase('bulk-length-shorter-than-payload', () => [ask('a', '*1\r\n$3\r\nPING\r\n')]);
kase('bulk-zero-length-arg', () => [ask('a', '*2\r\n$4\r\nPING\r\n$0\r\n\r\n')]);
kase('pipeline-then-protocol-error', () => [closes('a', 'PING\r\n*1\r\n$4\r\nPING\r\n*x\r\n')]);
kase('protocol-error-then-pipelined-not-run', (key) => [closes('a', `*x\r\n${command('SET', key(), 'after')}`), ask('b', command('GET', key()))], {
  bytewise: false,
});
kase('protocol-error-does-not-affect-others', () => [ask('b', command('PING', 'before')), closes('a', '*1\r\n$zz\r\n'), ask('b', command('PING', 'after'))]);
kase('too-big-inline-request', () => [closes('a', 'a'.repeat(OVER_64KB))]);
kase('too-big-inline-request-with-spaces', () => [closes('a', 'PING ' + 'x '.repeat(OVER_64KB / 2))]);
kase('too-big-mbulk-count-string', () => [closes('a', '*' + '1'.repeat(OVER_64KB))]);
kase('too-big-bulk-count-string', () => [closes('a', '*1\r\n$' + '1'.repeat(OVER_64KB))]);
kase('long-inline-line-is-fine', () => [ask('a', `PING ${'y'.repeat(60_000)}\r\n`)]);

// ---------------------------------------------------------------------------
// Pipelining and split delivery

kase('pipeline-many-commands', (key) => {
  let bytes = '';
  for (let i = 0; i < 50; i++) bytes += command('SET', key(`${i}`), `value-${i}`) + command('GET', key(`${i}`));
  return [ask('a', bytes, 100)];
});
kase('pipeline-100-pings', () => [ask('a', command('PING').repeat(60) + 'PING\r\n'.repeat(40), 100)]);
kase('pipeline-with-errors-in-the-middle', (key) => [
  ask('a', command('PING') + command('NOPE') + command('GET') + command('SET', key(), 'v', 'EX', '0') + command('GET', key()) + 'PING\r\n', 6),
]);
kase('split-in-count-line', () => [push('a', '*'), push('a', '1\r'), ask('a', '\n$4\r\nPING\r\n')]);
kase('split-in-bulk-header', (key) => [push('a', '*2\r\n$3\r\nGE'), ask('a', `T\r\n$${key().length}\r\n${key()}\r\n`)]);
kase('split-in-bulk-payload', (key) => [
  push('a', `*3\r\n$3\r\nSET\r\n$${key().length}\r\n${key()}\r\n$10\r\n01234`),
  ask('a', '56789\r\n'),
  ask('a', command('GET', key())),
]);
kase('split-between-cr-and-lf', () => [push('a', '*1\r\n$4\r\nPING\r'), ask('a', '\n')]);
kase('split-before-final-crlf', () => [push('a', '*2\r\n$4\r\nPING\r\n$2\r\nhi'), ask('a', '\r\n')]);
kase('split-between-args', () => [push('a', '*2\r\n$4\r\nPING\r\n'), ask('a', '$1\r\nx\r\n')]);
kase('split-inline', () => [push('a', 'PI'), ask('a', 'NG\r\n')]);
kase('split-inline-between-cr-and-lf', () => [push('a', 'PING hi\r'), ask('a', '\n')]);
kase('split-after-complete-command', () => [ask('a', 'PING\r\n*1\r\n$4\r\nPI', 1), ask('a', 'NG\r\n')]);
kase('split-large-value', (key) => {
  const request = command('SET', key(), 'z'.repeat(100_000));
  return [push('a', request.slice(0, 40_000)), ask('a', request.slice(40_000)), ask('a', command('GET', key()))];
});
kase('split-protocol-error', () => [push('a', '*1\r\n$'), closes('a', '-1\r\n')]);

export const corpus: readonly Case[] = cases;

/** Bytes a case writes in all: the 1-byte-writes run leaves out the big ones. */
export function bytesSent(c: Case): number {
  return c.steps.reduce((sum, step) => sum + step.send.length, 0);
}
