// COMMAND's view of the data-type commands, against a real redis-server 7.0.15: for every
// registered list, hash, set and sorted-set command and SORT/SORT_RO, COMMAND INFO (arity,
// flags, key positions, categories, tips, key specs) and COMMAND DOCS (summary, since,
// group, complexity, history, the argument tree) must be Redis's bytes, in RESP2 and in
// RESP3. The list of commands is read from our registry, so a command added to one of
// these groups is checked the moment it is registered.
//
// A difference we accept goes in KNOWN_DIFFERENCES with its reason; the test then checks
// that it still differs, so the list cannot silently go stale.
//
// In process: the key-spec search (key-search.ts) on the kinds of spec no command of
// these groups uses (a keyword begin, a range with a limit, not_key and incomplete specs),
// whose expected keys are worked out by Redis's rules in db.c.

import { hashCommands } from '../../src/commands/hashes';
import { listCommands } from '../../src/commands/lists';
import { setCommands } from '../../src/commands/sets';
import { sortedSetCommands } from '../../src/commands/sorted-sets';
import { commands } from '../../src/commands/index';
import type { KeySpec } from '../../src/commands/command';
import { redisDocs } from '../../src/commands/server/command/redis-docs';
import { searchKeySpecs } from '../../src/commands/server/command/key-search';
import { startServer } from '../../src/index';
import { RawConnection } from '../support/raw-connection';
import { findRedisServer, startRealRedis, warnRedisMissing, type RealRedis } from '../support/real-redis';
import { readReply, renderReply } from '../support/resp3-reader';

const request = (...args: string[]): string => `*${args.length}\r\n${args.map((a) => `$${a.length}\r\n${a}\r\n`).join('')}`;

async function callBytes(conn: RawConnection, ...args: string[]): Promise<Buffer> {
  await conn.send(request(...args));
  return conn.readReplies(1, 5000);
}

/** A readable form of a reply, for a failure message that shows where the two differ. */
const show = (bytes: Buffer, protocol: 2 | 3): string => renderReply(readReply(bytes, 0, protocol)!.reply);

const names = [...listCommands, ...hashCommands, ...setCommands, ...sortedSetCommands]
  .map((spec) => spec.name)
  .concat(['sort', 'sort_ro']);

/** Commands whose COMMAND INFO or DOCS we know to differ from Redis's, and why. None today. */
const KNOWN_DIFFERENCES: ReadonlyMap<string, string> = new Map<string, string>([]);

const redisBinary = findRedisServer();
if (redisBinary === undefined) warnRedisMissing('COMMAND INFO/DOCS of the data-type commands against redis-server');

describe.each([2, 3] as const)('COMMAND INFO and DOCS of the data-type commands, RESP%d', (protocol) => {
  if (redisBinary === undefined) {
    test('skipped: redis-server is not installed, so there is no COMMAND INFO to compare with', () => {
      expect(redisBinary).toBeUndefined();
    });
    return;
  }
  let redis: RealRedis | null = null;
  let ours: { port: number; close(): Promise<void> } | undefined;
  let theirs: RawConnection;
  let mine: RawConnection;
  beforeAll(async () => {
    redis = await startRealRedis(redisBinary);
    ours = await startServer({ port: 0, host: '127.0.0.1' });
    theirs = await RawConnection.connect(redis!.endpoint);
    mine = await RawConnection.connect({ port: ours.port, host: '127.0.0.1' });
    if (protocol === 3) for (const conn of [theirs, mine]) await callBytes(conn, 'HELLO', '3');
  });
  afterAll(async () => {
    theirs?.destroy();
    mine?.destroy();
    await Promise.all([ours?.close(), redis?.stop()]);
  });

  test('every command of the four groups and SORT is registered under its name', () => {
    for (const name of names) expect(commands.get(name)?.name).toBe(name);
  });

  test.each(names.flatMap((name) => [['INFO', name] as const, ['DOCS', name] as const]))('COMMAND %s %s', async (sub, name) => {
    const expected = await callBytes(theirs, 'COMMAND', sub, name);
    const actual = await callBytes(mine, 'COMMAND', sub, name);
    const known = KNOWN_DIFFERENCES.get(name);
    if (known !== undefined) {
      expect(actual.equals(expected)).toBe(false);
      return;
    }
    // Compared readably first (the message points at the field), then byte for byte.
    expect(show(actual, protocol)).toBe(show(expected, protocol));
    expect(actual.toString('latin1')).toBe(expected.toString('latin1'));
  });

  test('COMMAND INFO of all of them at once, and COMMAND DOCS of all of them at once', async () => {
    for (const sub of ['INFO', 'DOCS']) {
      const expected = await callBytes(theirs, 'COMMAND', sub, ...names);
      const actual = await callBytes(mine, 'COMMAND', sub, ...names);
      expect(actual.toString('latin1')).toBe(expected.toString('latin1'));
    }
  });
});

describe('the documentation table', () => {
  test('names only registered commands, each with something to add', () => {
    for (const [name, docs] of redisDocs) {
      expect(commands.get(name)?.name).toBe(name);
      expect(Object.keys(docs).length).toBeGreaterThan(0);
    }
  });

  test('key arguments point at key specs that exist', () => {
    for (const [name, docs] of redisDocs) {
      const specs = commands.get(name)!.keySpecs ?? [{}];
      const visit = (args: typeof docs.arguments): void => {
        for (const arg of args ?? []) {
          if (arg.keySpecIndex !== undefined) expect(arg.keySpecIndex).toBeLessThan(specs.length);
          visit(arg.arguments);
        }
      };
      visit(docs.arguments);
    }
  });
});

describe('searchKeySpecs on the kinds of spec the data types do not use', () => {
  const args = (...words: string[]): Buffer[] => words.map((w) => Buffer.from(w, 'latin1'));
  const positions = (specs: readonly KeySpec[], words: string[]): number[] | undefined =>
    searchKeySpecs(specs, args(...words))?.map((key) => key.position);

  // XREAD's shape: STREAMS, searched forwards from argument 1, then half of what follows.
  const streams: KeySpec = { flags: ['RO', 'access'], begin: { keyword: 'STREAMS', startFrom: 1 }, find: { lastKey: -1, keyStep: 1, limit: 2 } };
  test('a keyword begin, forwards, with a range limited to a fraction of the rest', () => {
    expect(positions([streams], ['XREAD', 'COUNT', '2', 'STREAMS', 'a', 'b', '0', '0'])).toEqual([4, 5]);
    expect(positions([streams], ['XREAD', 'streams', 'a', '0'])).toEqual([2]);
    // The keyword missing: the spec finds nothing, which is not an error.
    expect(positions([streams], ['XREAD', 'COUNT', '2'])).toEqual([]);
    // The keyword as the last argument is never matched (nothing could follow it).
    expect(positions([streams], ['XREAD', 'COUNT', 'STREAMS'])).toEqual([]);
  });

  // MIGRATE's shape: KEYS, searched backwards from the end.
  const keysKeyword: KeySpec = { flags: ['RW', 'access', 'delete'], begin: { keyword: 'KEYS', startFrom: -2 }, find: { lastKey: -1 } };
  test('a keyword begin, backwards from the end', () => {
    expect(positions([keysKeyword], ['MIGRATE', 'h', 'p', '', '0', '5', 'KEYS', 'a', 'b'])).toEqual([7, 8]);
    // Backwards, the last KEYS before the end is the one found.
    expect(positions([keysKeyword], ['MIGRATE', 'KEYS', 'x', 'KEYS', 'a'])).toEqual([4]);
  });

  test('not_key specs are skipped; an incomplete or unknown spec makes the search invalid', () => {
    const notKey: KeySpec = { flags: ['not_key'], begin: { index: 1 }, find: { lastKey: 0 } };
    const key2: KeySpec = { flags: ['RW'], begin: { index: 2 }, find: { lastKey: 0 } };
    expect(positions([notKey, key2], ['CMD', 'a', 'b'])).toEqual([2]);
    expect(positions([{ ...key2, flags: ['RW', 'incomplete'] }], ['CMD', 'a', 'b'])).toBeUndefined();
    expect(positions([key2, { flags: ['RO'], begin: 'unknown', find: 'unknown' }], ['CMD', 'a', 'b'])).toBeUndefined();
  });

  test('keys beyond the arguments make the search invalid', () => {
    const pair: KeySpec = { flags: ['RW'], begin: { index: 1 }, find: { lastKey: 1 } };
    expect(positions([pair], ['CMD', 'a', 'b'])).toEqual([1, 2]);
    expect(positions([pair], ['CMD', 'a'])).toBeUndefined();
    const everyOther: KeySpec = { flags: ['RW'], begin: { index: 1 }, find: { lastKey: -1, keyStep: 2 } };
    expect(positions([everyOther], ['MSET', 'a', '1', 'b', '2'])).toEqual([1, 3]);
  });
});
