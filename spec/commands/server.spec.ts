// The connection and server commands whose replies cannot be compared byte for byte
// with Redis (ids, clocks, memory figures, the command table), checked for their
// structure instead: the same assertions run against our server and, where it is
// installed, a real redis-server on TCP, so a shape we assert is a shape Redis has.
// Then what only this server does (CLIENT SETINFO on a 7.0 base, one database, CONFIG
// values it refuses), the syntax-to-arguments reader behind COMMAND DOCS, and the real
// clients and tools these commands exist for (ioredis, node-redis, redis-benchmark).
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { createClient } from 'redis';
import Redis from 'ioredis';
import { startServer, type RunningServer } from '../../src/index';
import { commands } from '../../src/commands';
import { syntaxArguments } from '../../src/commands/server/command/syntax-arguments';
import { command } from '../differential/corpus';
import { RawConnection, type Endpoint } from '../support/raw-connection';
import { findRedisServer, SKIPPED_NO_REDIS, warnRedisMissing } from '../support/real-redis';
import { startRealRedisTcp, type RealRedisTcp } from '../support/real-redis-tcp';
import { readReply, type Resp3Reply } from '../support/resp3-reader';

const WAIT_MS = 3000;

/** A connection that sends one command at a time and reads its one reply. */
class Conn {
  private constructor(readonly raw: RawConnection) {}

  static async open(to: Endpoint): Promise<Conn> {
    return new Conn(await RawConnection.connect(to, WAIT_MS));
  }

  async call(...args: string[]): Promise<Resp3Reply> {
    await this.raw.send(command(...args), WAIT_MS);
    return readReply(await this.raw.readReplies(1, WAIT_MS))!.reply;
  }

  /** The reply as text: a bulk, verbatim or simple string, or an error's message. */
  async text(...args: string[]): Promise<string> {
    return textOf(await this.call(...args));
  }

  async integer(...args: string[]): Promise<number> {
    const reply = await this.call(...args);
    if (reply.kind !== 'integer') throw new Error(`expected an integer, got ${JSON.stringify(reply)}`);
    return Number(reply.value);
  }

  close(): void {
    this.raw.destroy();
  }
}

function textOf(reply: Resp3Reply): string {
  switch (reply.kind) {
    case 'bulk':
      return reply.bytes?.toString('latin1') ?? '(nil)';
    case 'verbatim':
      return reply.bytes.toString('latin1');
    case 'simple':
    case 'error':
      return reply.text;
    default:
      throw new Error(`expected text, got ${JSON.stringify(reply)}`);
  }
}

/** Items of an array, set or push. */
function items(reply: Resp3Reply): readonly Resp3Reply[] {
  if ((reply.kind === 'array' && reply.items !== null) || reply.kind === 'set' || reply.kind === 'push') return reply.items!;
  throw new Error(`expected an aggregate, got ${JSON.stringify(reply)}`);
}

/** A map (RESP3) or a flat array of pairs (RESP2), as a JS map from key text. */
function fields(reply: Resp3Reply): Map<string, Resp3Reply> {
  const pairs: (readonly [Resp3Reply, Resp3Reply])[] = [];
  if (reply.kind === 'map') pairs.push(...reply.entries);
  else {
    const list = items(reply);
    for (let i = 0; i < list.length; i += 2) pairs.push([list[i], list[i + 1]]);
  }
  return new Map(pairs.map(([k, v]) => [textOf(k), v]));
}

/** INFO's text as sections: title -> field -> value. */
function parseInfo(text: string): Map<string, Map<string, string>> {
  const sections = new Map<string, Map<string, string>>();
  let current: Map<string, string> | undefined;
  for (const line of text.split('\r\n')) {
    if (line.startsWith('# ')) sections.set(line.slice(2), (current = new Map()));
    else if (line !== '') {
      const colon = line.indexOf(':');
      current!.set(line.slice(0, colon), line.slice(colon + 1));
    }
  }
  return sections;
}

/** A CLIENT LIST line as [field, value] pairs, in order. */
const lineFields = (line: string): [string, string][] =>
  line.split(' ').map((pair) => [pair.slice(0, pair.indexOf('=')), pair.slice(pair.indexOf('=') + 1)]);

interface Target {
  readonly endpoint: Endpoint;
  stop(): Promise<void>;
}

const startOurs = async (): Promise<Target> => {
  const server: RunningServer = await startServer({ port: 0, host: '127.0.0.1' });
  return { endpoint: { port: server.port, host: '127.0.0.1' }, stop: () => server.close() };
};
const startRedis = async (): Promise<Target> => {
  const redis = (await startRealRedisTcp()) as RealRedisTcp;
  return { endpoint: { port: redis.port, host: redis.host }, stop: () => redis.stop() };
};

const redisInstalled = findRedisServer() !== undefined;
if (!redisInstalled) warnRedisMissing('server commands: structure checked against redis-server too');
const TARGETS: [string, () => Promise<Target>][] = [['our server', startOurs]];
if (redisInstalled) TARGETS.push(['redis-server', startRedis]);
else describe.skip(`server commands on redis-server ${SKIPPED_NO_REDIS}`, () => test('structure', () => undefined));

// ---------------------------------------------------------------------------
// The same structure on both servers

describe.each(TARGETS)('%s', (_name, start) => {
  let target: Target;
  const open: Conn[] = [];
  const connect = async (): Promise<Conn> => {
    const conn = await Conn.open(target.endpoint);
    open.push(conn);
    return conn;
  };
  beforeAll(async () => {
    target = await start();
  });
  afterEach(() => {
    for (const conn of open.splice(0)) conn.close();
  });
  afterAll(() => target.stop());

  test("HELLO 3 answers Redis's server map, with this connection's id", async () => {
    const c = await connect();
    const id = await c.integer('CLIENT', 'ID');
    const hello = await c.call('HELLO', '3');
    expect(hello.kind).toBe('map');
    const map = fields(hello);
    expect([...map.keys()]).toEqual(['server', 'version', 'proto', 'id', 'mode', 'role', 'modules']);
    expect(textOf(map.get('server')!)).toBe('redis');
    expect(textOf(map.get('version')!)).toBe('7.0.15');
    expect(map.get('proto')).toEqual({ kind: 'integer', value: 3n });
    expect(map.get('id')).toEqual({ kind: 'integer', value: BigInt(id) });
    expect(textOf(map.get('mode')!)).toBe('standalone');
    expect(textOf(map.get('role')!)).toBe('master');
    expect(items(map.get('modules')!)).toEqual([]);
  });

  test('CLIENT ID is a positive number, different for each connection and growing', async () => {
    const a = await connect();
    const b = await connect();
    const first = await a.integer('CLIENT', 'ID');
    const second = await b.integer('CLIENT', 'ID');
    expect(first).toBeGreaterThan(0);
    expect(second).toBeGreaterThan(first);
  });

  test("INFO: the default sections in Redis's order and line format, with sane figures", async () => {
    const c = await connect();
    await c.call('SET', 'info-structure:k', 'v', 'EX', '100');
    const text = await c.text('INFO');
    expect(text.endsWith('\r\n')).toBe(true);
    // Sections are separated by one empty line; every other line is `# Title` or `field:value`.
    for (const line of text.split('\r\n').slice(0, -1)) expect(line).toMatch(/^(# [A-Za-z]+|[a-z0-9_]+:[^\r\n]*|)$/);
    const info = parseInfo(text);
    const titles = [...info.keys()];
    const expectedOrder = ['Server', 'Clients', 'Memory', 'Persistence', 'Stats', 'Replication', 'CPU', 'Modules', 'Cluster', 'Keyspace'];
    expect(titles.filter((t) => expectedOrder.includes(t))).toEqual(expectedOrder);

    const server = info.get('Server')!;
    expect(server.get('redis_version')).toBe('7.0.15');
    expect(server.get('redis_mode')).toBe('standalone');
    expect(server.get('arch_bits')).toMatch(/^(32|64)$/);
    expect(server.get('process_id')).toMatch(/^[1-9][0-9]*$/);
    expect(server.get('run_id')).toMatch(/^[0-9a-f]{40}$/);
    expect(server.get('tcp_port')).toBe(String((target.endpoint as { port: number }).port));
    expect(Number(server.get('uptime_in_seconds'))).toBeGreaterThanOrEqual(0);
    expect(Number(info.get('Clients')!.get('connected_clients'))).toBeGreaterThanOrEqual(1);
    expect(Number(info.get('Memory')!.get('used_memory'))).toBeGreaterThan(0);
    expect(info.get('Memory')!.get('used_memory_human')).toMatch(/^[0-9.]+[BKMGTP]$/);
    expect(info.get('Memory')!.get('maxmemory_policy')).toBe('noeviction');
    expect(info.get('Persistence')!.get('loading')).toBe('0');
    expect(Number(info.get('Stats')!.get('total_connections_received'))).toBeGreaterThanOrEqual(1);
    expect(Number(info.get('Stats')!.get('total_commands_processed'))).toBeGreaterThanOrEqual(1);
    expect(info.get('Replication')!.get('role')).toBe('master');
    expect(info.get('CPU')!.get('used_cpu_user')).toMatch(/^[0-9]+\.[0-9]{6}$/);
    expect(info.get('Cluster')!.get('cluster_enabled')).toBe('0');
    expect(info.get('Keyspace')!.get('db0')).toMatch(/^keys=[1-9][0-9]*,expires=[1-9][0-9]*,avg_ttl=[0-9]+$/);
  });

  test('INFO names sections in any case and any order, and prints them in its own order', async () => {
    const c = await connect();
    const info = parseInfo(await c.text('INFO', 'KEYSPACE', 'server', 'nosuch', 'Clients'));
    expect([...info.keys()]).toEqual(['Server', 'Clients', 'Keyspace']);
    expect([...parseInfo(await c.text('INFO', 'everything')).keys()]).toEqual(expect.arrayContaining(['Server', 'Keyspace']));
  });

  test('INFO counts commands and connections as they happen', async () => {
    const c = await connect();
    const count = async (): Promise<number> => Number(parseInfo(await c.text('INFO', 'stats')).get('Stats')!.get('total_commands_processed'));
    const before = await count();
    await c.call('PING');
    await c.call('PING');
    // The two PINGs and the INFO that read `before`.
    expect((await count()) - before).toBe(3);
    const clients = async (): Promise<number> => Number(parseInfo(await c.text('INFO', 'clients')).get('Clients')!.get('connected_clients'));
    const alone = await clients();
    await connect().then((other) => other.call('PING'));
    expect(await clients()).toBe(alone + 1);
  });

  test('INFO is a verbatim txt string in RESP3', async () => {
    const c = await connect();
    await c.call('HELLO', '3');
    const reply = await c.call('INFO', 'server');
    expect(reply.kind).toBe('verbatim');
    expect(reply.kind === 'verbatim' && reply.format).toBe('txt');
    expect(textOf(reply)).toMatch(/^# Server\r\nredis_version:7\.0\.15\r\n/);
  });

  test("CLIENT LIST: one line per connection, Redis's fields in Redis's order", async () => {
    const a = await connect();
    const b = await connect();
    const ids = [await a.integer('CLIENT', 'ID'), await b.integer('CLIENT', 'ID')];
    await b.call('CLIENT', 'SETNAME', 'second');
    const text = await a.text('CLIENT', 'LIST');
    expect(text.endsWith('\n')).toBe(true);
    const lines = text.slice(0, -1).split('\n');
    const byId = new Map(lines.map((line) => [Number(lineFields(line)[0][1]), new Map(lineFields(line))]));
    for (const id of ids) expect(byId.has(id)).toBe(true);
    const mine = byId.get(ids[0])!;
    const theirs = byId.get(ids[1])!;
    expect(theirs.get('name')).toBe('second');
    expect(mine.get('cmd')).toBe('client|list');
    expect(theirs.get('cmd')).toBe('client|setname');
    expect(mine.get('addr')).toMatch(/^127\.0\.0\.1:[0-9]+$/);
    expect(mine.get('laddr')).toBe(`127.0.0.1:${(target.endpoint as { port: number }).port}`);
    expect(mine.get('resp')).toBe('2');
    expect(mine.get('db')).toBe('0');
    expect(Number(mine.get('age'))).toBeGreaterThanOrEqual(0);
    // Redis 7.0's fields, in its order; a server may add fields after them (7.2 adds lib-name, lib-ver).
    const names = lineFields(lines[0]).map(([name]) => name);
    const redis70 =
      'id addr laddr fd name age idle flags db sub psub ssub multi qbuf qbuf-free argv-mem multi-mem rbs rbp obl oll omem tot-mem events cmd user redir resp'.split(' ');
    expect(names.slice(0, redis70.length)).toEqual(redis70);
  });

  test('CLIENT LIST ID and TYPE select connections', async () => {
    const a = await connect();
    const sub = await connect();
    const subId = await sub.integer('CLIENT', 'ID');
    await sub.call('SUBSCRIBE', 'client-list-type:ch');
    const aId = await a.integer('CLIENT', 'ID');
    const one = await a.text('CLIENT', 'LIST', 'ID', String(subId));
    expect(one.split('\n').filter((l) => l !== '')).toHaveLength(1);
    expect(one).toMatch(new RegExp(`^id=${subId} .* flags=P .* sub=1 psub=0 `));
    const both = await a.text('CLIENT', 'LIST', 'ID', String(aId), String(subId));
    expect(both.split('\n').filter((l) => l !== '').map((l) => Number(lineFields(l)[0][1]))).toEqual([aId, subId]);
    const pubsub = await a.text('CLIENT', 'LIST', 'TYPE', 'pubsub');
    expect(pubsub).toContain(`id=${subId} `);
    expect(pubsub).not.toContain(`id=${aId} `);
    expect(await a.text('CLIENT', 'LIST', 'TYPE', 'normal')).toContain(`id=${aId} `);
  });

  test("CLIENT INFO is this connection's line, a verbatim string in RESP3", async () => {
    const c = await connect();
    const id = await c.integer('CLIENT', 'ID');
    await c.call('HELLO', '3');
    const reply = await c.call('CLIENT', 'INFO');
    expect(reply.kind).toBe('verbatim');
    const line = new Map(lineFields(textOf(reply).trimEnd()));
    expect(line.get('id')).toBe(String(id));
    expect(line.get('cmd')).toBe('client|info');
    expect(line.get('resp')).toBe('3');
    expect(textOf(reply).endsWith('\n')).toBe(true);
  });

  test('CLIENT KILL ID closes another connection and counts it', async () => {
    const killer = await connect();
    const victim = await connect();
    const id = await victim.integer('CLIENT', 'ID');
    expect(await killer.integer('CLIENT', 'KILL', 'ID', String(id))).toBe(1);
    await victim.raw.readUntilClosed(WAIT_MS);
    expect(await killer.text('PING')).toBe('PONG');
  });

  test('CLIENT KILL by ADDR, new form and old form', async () => {
    const killer = await connect();
    const first = await connect();
    const second = await connect();
    const address = async (c: Conn): Promise<string> => new Map(lineFields((await c.text('CLIENT', 'INFO')).trimEnd())).get('addr')!;
    expect(await killer.integer('CLIENT', 'KILL', 'ADDR', await address(first))).toBe(1);
    await first.raw.readUntilClosed(WAIT_MS);
    expect(await killer.text('CLIENT', 'KILL', await address(second))).toBe('OK');
    await second.raw.readUntilClosed(WAIT_MS);
  });

  test('CLIENT KILL skips the caller unless SKIPME no, and then answers before closing', async () => {
    const c = await connect();
    const id = String(await c.integer('CLIENT', 'ID'));
    expect(await c.integer('CLIENT', 'KILL', 'ID', id)).toBe(0);
    await c.raw.send(command('CLIENT', 'KILL', 'ID', id, 'SKIPME', 'no'));
    expect((await c.raw.readUntilClosed(WAIT_MS)).toString('latin1')).toBe(':1\r\n');
  });

  test('TIME is [unix seconds, microseconds], two bulk strings, now', async () => {
    const c = await connect();
    const reply = items(await c.call('TIME'));
    expect(reply.map((r) => r.kind)).toEqual(['bulk', 'bulk']);
    const [seconds, micros] = reply.map((r) => Number(textOf(r)));
    expect(Math.abs(seconds - Date.now() / 1000)).toBeLessThan(5);
    expect(micros).toBeGreaterThanOrEqual(0);
    expect(micros).toBeLessThan(1_000_000);
    expect(textOf(reply[1])).toMatch(/^(0|[1-9][0-9]*)$/);
  });

  test('COMMAND describes every command: as many as COMMAND COUNT, ten fields each', async () => {
    const c = await connect();
    const count = await c.integer('COMMAND', 'COUNT');
    const all = items(await c.call('COMMAND'));
    expect(all).toHaveLength(count);
    for (const entry of all) expect(items(entry)).toHaveLength(10);
    expect(items(await c.call('COMMAND', 'INFO'))).toHaveLength(count);
  });

  test("COMMAND INFO get: Redis's shape, in RESP2 and RESP3", async () => {
    const c = await connect();
    for (const protocol of ['2', '3']) {
      await c.call('HELLO', protocol);
      const [get] = items(await c.call('COMMAND', 'INFO', 'GET'));
      const [name, arity, flags, first, last, step, categories, tips, keySpecs, subcommands] = items(get);
      expect(textOf(name)).toBe('get');
      expect(arity).toEqual({ kind: 'integer', value: 2n });
      expect(flags.kind).toBe(protocol === '3' ? 'set' : 'array');
      expect(items(flags).map(textOf)).toEqual(expect.arrayContaining(['readonly', 'fast']));
      expect([first, last, step]).toEqual([1n, 1n, 1n].map((value) => ({ kind: 'integer', value })));
      expect(items(categories).map(textOf)).toEqual(expect.arrayContaining(['@read', '@string', '@fast']));
      expect(items(tips)).toEqual([]);
      const spec = fields(items(keySpecs)[0]);
      expect(fields(fields(spec.get('begin_search')!).get('spec')!).get('index')).toEqual({ kind: 'integer', value: 1n });
      expect(textOf(fields(spec.get('find_keys')!).get('type')!)).toBe('range');
      expect(items(subcommands)).toEqual([]);
    }
  });

  test('COMMAND INFO of a container lists its subcommands', async () => {
    const c = await connect();
    const [config] = items(await c.call('COMMAND', 'INFO', 'config'));
    const subs = items(items(config)[9]).map((sub) => textOf(items(sub)[0]));
    expect(subs).toEqual(expect.arrayContaining(['config|get', 'config|set']));
  });

  test('COMMAND DOCS: summary, since, group and arguments, as redis-cli reads them', async () => {
    const c = await connect();
    for (const protocol of ['2', '3']) {
      await c.call('HELLO', protocol);
      const docs = fields(await c.call('COMMAND', 'DOCS', 'get', 'client', 'nosuch'));
      expect([...docs.keys()]).toEqual(['get', 'client']);
      const get = fields(docs.get('get')!);
      expect(textOf(get.get('summary')!)).not.toBe('');
      expect(textOf(get.get('since')!)).toBe('1.0.0');
      expect(textOf(get.get('group')!)).toBe('string');
      const [key] = items(get.get('arguments')!).map(fields);
      expect(textOf(key.get('name')!)).toBe('key');
      expect(textOf(key.get('type')!)).toBe('key');
      const client = fields(docs.get('client')!);
      expect([...fields(client.get('subcommands')!).keys()]).toEqual(expect.arrayContaining(['client|setname', 'client|list']));
    }
  });

  test('COMMAND LIST names commands and subcommands', async () => {
    const c = await connect();
    const names = items(await c.call('COMMAND', 'LIST')).map(textOf);
    expect(names).toEqual(expect.arrayContaining(['get', 'client', 'client|setname', 'config|get', 'command|docs']));
    const connection = items(await c.call('COMMAND', 'LIST', 'FILTERBY', 'ACLCAT', 'connection')).map(textOf);
    expect(connection).toEqual(expect.arrayContaining(['hello', 'echo', 'client|setname']));
    expect(connection).not.toContain('get');
  });

  test('COMMAND GETKEYSANDFLAGS gives the keys with their access flags', async () => {
    const c = await connect();
    const [[key, flags]] = items(await c.call('COMMAND', 'GETKEYSANDFLAGS', 'get', 'some-key')).map(items);
    expect(textOf(key)).toBe('some-key');
    expect(items(flags).map(textOf)).toEqual(expect.arrayContaining(['RO', 'access']));
  });

  test("CONFIG GET port is the port INFO reports; save and appendonly are what redis-benchmark expects", async () => {
    const c = await connect();
    const port = textOf(fields(await c.call('CONFIG', 'GET', 'port')).get('port')!);
    expect(port).toBe(parseInfo(await c.text('INFO', 'server')).get('Server')!.get('tcp_port'));
    expect(textOf(fields(await c.call('CONFIG', 'GET', 'save')).get('save')!)).toBe('');
    expect(textOf(fields(await c.call('CONFIG', 'GET', 'appendonly')).get('appendonly')!)).toBe('no');
  });

  test('CONFIG RESETSTAT zeroes the command counter', async () => {
    const c = await connect();
    await c.call('PING');
    expect(await c.text('CONFIG', 'RESETSTAT')).toBe('OK');
    const processed = Number(parseInfo(await c.text('INFO', 'stats')).get('Stats')!.get('total_commands_processed'));
    // RESETSTAT itself may count or not; the INFO that reads the counter does.
    expect(processed).toBeLessThanOrEqual(2);
  });

  test('RESET: back to RESP2, no name, no subscriptions, same connection id', async () => {
    const c = await connect();
    const id = await c.integer('CLIENT', 'ID');
    await c.call('HELLO', '3', 'SETNAME', 'before-reset');
    await c.call('SUBSCRIBE', 'reset-structure:ch');
    expect(await c.text('RESET')).toBe('RESET');
    const line = new Map(lineFields((await c.text('CLIENT', 'INFO')).trimEnd()));
    expect([line.get('id'), line.get('name'), line.get('resp'), line.get('sub'), line.get('flags')]).toEqual([String(id), '', '2', '0', 'N']);
  });
});

// ---------------------------------------------------------------------------
// What only this server does, or does differently

describe('our server', () => {
  let server: RunningServer;
  const open: Conn[] = [];
  const connect = async (): Promise<Conn> => {
    const conn = await Conn.open({ port: server.port, host: '127.0.0.1' });
    open.push(conn);
    return conn;
  };
  beforeAll(async () => {
    server = await startServer({ port: 0, host: '127.0.0.1' });
  });
  afterEach(() => {
    for (const conn of open.splice(0)) conn.close();
  });
  afterAll(() => server.close());

  test('COMMAND COUNT is the size of the registry, and COMMAND describes each registered command', async () => {
    const c = await connect();
    expect(await c.integer('COMMAND', 'COUNT')).toBe(commands.size);
    const names = items(await c.call('COMMAND')).map((entry) => textOf(items(entry)[0]));
    expect(names.sort()).toEqual([...commands.keys()].sort());
  });

  test('COMMAND DOCS documents every command (redis-cli needs summary, since and group)', async () => {
    const c = await connect();
    const docs = fields(await c.call('COMMAND', 'DOCS'));
    expect([...docs.keys()].sort()).toEqual([...commands.keys()].sort());
    for (const doc of docs.values()) {
      const map = fields(doc);
      for (const name of ['summary', 'since', 'group']) expect(map.get(name)?.kind).toBe('bulk');
    }
  });

  test('one database: SELECT 0 is fine, any other index is out of range, as with `databases 1`', async () => {
    const c = await connect();
    expect(await c.text('SELECT', '0')).toBe('OK');
    expect(await c.text('SELECT', '1')).toBe('ERR DB index is out of range');
    expect(await c.text('SELECT', '15')).toBe('ERR DB index is out of range');
    expect(textOf(fields(await c.call('CONFIG', 'GET', 'databases')).get('databases')!)).toBe('1');
  });

  test('CLIENT SETINFO stores lib-name and lib-ver as Redis 7.2 does, and CLIENT LIST shows them', async () => {
    const c = await connect();
    expect(await c.text('CLIENT', 'SETINFO', 'LIB-NAME', 'my-lib')).toBe('OK');
    expect(await c.text('CLIENT', 'SETINFO', 'lib-ver', '1.2.3')).toBe('OK');
    const line = new Map(lineFields((await c.text('CLIENT', 'INFO')).trimEnd()));
    expect([line.get('lib-name'), line.get('lib-ver')]).toEqual(['my-lib', '1.2.3']);
    expect(await c.text('CLIENT', 'SETINFO', 'lib-ver', '')).toBe('OK');
    expect(new Map(lineFields((await c.text('CLIENT', 'INFO')).trimEnd())).get('lib-ver')).toBe('');
    expect(await c.text('CLIENT', 'SETINFO', 'lib-color', 'x')).toBe("ERR Unrecognized option 'lib-color'");
    expect(await c.text('CLIENT', 'SETINFO', 'LIB-NAME', 'a b')).toBe('ERR LIB-NAME cannot contain spaces, newlines or special characters.');
    expect(await c.text('CLIENT', 'SETINFO', 'lib-ver', 'x\ny')).toBe('ERR lib-ver cannot contain spaces, newlines or special characters.');
    expect(await c.text('CLIENT', 'SETINFO', 'lib-name')).toBe("ERR wrong number of arguments for 'client|setinfo' command");
    // RESET keeps them: they describe the library, not the session.
    await c.call('RESET');
    expect(new Map(lineFields((await c.text('CLIENT', 'INFO')).trimEnd())).get('lib-name')).toBe('my-lib');
  });

  test('CLIENT HELP lists only subcommands this server has', async () => {
    const c = await connect();
    const lines = items(await c.call('CLIENT', 'HELP')).map(textOf);
    expect(lines[0]).toBe('CLIENT <subcommand> [<arg> [value] [opt] ...]. Subcommands are:');
    const listed = lines
      .slice(1)
      .filter((line) => /^[A-Z]/.test(line))
      .map((line) => line.split(' ')[0].toLowerCase());
    const client = commands.get('client')!;
    for (const sub of listed) expect(client.subcommands!.map((s) => s.name)).toContain(`client|${sub}`);
    expect(listed).toEqual(expect.arrayContaining(['setinfo', 'setname', 'list', 'kill']));
  });

  test('CONFIG SET refuses what this server cannot honour, with the reason', async () => {
    const c = await connect();
    expect(await c.text('CONFIG', 'SET', 'appendonly', 'yes')).toBe(
      "ERR CONFIG SET failed (possibly related to argument 'appendonly') - this server keeps no data on disk, so only 'no' is supported",
    );
    expect(await c.text('CONFIG', 'SET', 'save', '3600 1')).toMatch(/argument 'save'\) - this server keeps no data on disk/);
    expect(await c.text('CONFIG', 'SET', 'maxmemory', '1gb')).toMatch(/argument 'maxmemory'\) - this server has no memory limit/);
    expect(await c.text('CONFIG', 'SET', 'notify-keyspace-events', 'KEA')).toMatch(/no keyspace notifications/);
    expect(await c.text('CONFIG', 'SET', 'port', '1')).toBe("ERR CONFIG SET failed (possibly related to argument 'port') - can't set immutable config");
    // Nothing refused was stored.
    expect(textOf(fields(await c.call('CONFIG', 'GET', 'appendonly')).get('appendonly')!)).toBe('no');
  });

  test('CONFIG SET stores what it accepts, for every connection to see', async () => {
    const a = await connect();
    const b = await connect();
    expect(await a.text('CONFIG', 'SET', 'maxmemory-policy', 'allkeys-lru')).toBe('OK');
    expect(textOf(fields(await b.call('CONFIG', 'GET', 'maxmemory-policy')).get('maxmemory-policy')!)).toBe('allkeys-lru');
    expect(parseInfo(await b.text('INFO', 'memory')).get('Memory')!.get('maxmemory_policy')).toBe('allkeys-lru');
    expect(await a.text('CONFIG', 'SET', 'maxmemory-policy', 'noeviction')).toBe('OK');
  });

  test('CONFIG GET with several patterns answers in the order asked, each parameter once', async () => {
    const c = await connect();
    const reply = fields(await c.call('CONFIG', 'GET', 'save', 'maxmemory*', 'SAVE', 'port'));
    expect([...reply.keys()]).toEqual(['save', 'maxmemory', 'maxmemory-policy', 'port']);
  });
});

// ---------------------------------------------------------------------------
// COMMAND DOCS's arguments, read from the one-line syntax

describe('syntaxArguments', () => {
  const shape = (syntax: string): string =>
    syntaxArguments(syntax)
      .map(function render(arg): string {
        const flags = arg.flags.length > 0 ? `(${arg.flags.join(',')})` : '';
        const token = arg.token !== undefined ? `${arg.token}:` : '';
        const inner = arg.arguments !== undefined ? `{${arg.arguments.map(render).join(' ')}}` : '';
        return `${token}${arg.name}/${arg.type}${flags}${inner}`;
      })
      .join(' ');

  test.each([
    ['key', 'key/key'],
    ['key value', 'key/key value/string'],
    ['key [key ...]', 'key/key(multiple)'],
    ['[channel [channel ...]]', 'channel/string(optional,multiple)'],
    ['pattern [pattern ...]', 'pattern/pattern(multiple)'],
    ['key seconds value', 'key/key seconds/integer value/string'],
    ['[NX | XX]', 'nx_xx/oneof(optional){NX:nx/pure-token XX:xx/pure-token}'],
    ['[GET]', 'GET:get/pure-token(optional)'],
    ['[EX seconds | KEEPTTL]', 'seconds_keepttl/oneof(optional){EX:seconds/integer KEEPTTL:keepttl/pure-token}'],
    ['key [key value ...]', 'key/key key/block(optional,multiple){key/key value/string}'],
    ['parameter value [parameter value ...]', 'parameter/string value/string parameter/block(optional,multiple){parameter/string value/string}'],
    ['LIB-NAME libname | LIB-VER libver', 'libname_libver/oneof{LIB-NAME:libname/string LIB-VER:libver/string}'],
    ['[TYPE <NORMAL | PUBSUB>]', 'TYPE:normal_pubsub/oneof(optional){NORMAL:normal/pure-token PUBSUB:pubsub/pure-token}'],
    [
      '[protover [AUTH username password] [SETNAME clientname]]',
      'protover/block(optional){protover/integer AUTH:auth/block(optional){username/string password/string} SETNAME:clientname/string(optional)}',
    ],
    ['', ''],
  ])('%j', (syntax, expected) => {
    expect(shape(syntax)).toBe(expected);
  });

  test('every registered syntax reads without losing a word', () => {
    for (const spec of [...commands.values()].flatMap((s) => [s, ...(s.subcommands ?? [])])) {
      if (spec.syntax === undefined) continue;
      const words = spec.syntax.match(/[A-Za-z][\w:-]*/g) ?? [];
      const rendered = shape(spec.syntax);
      for (const word of words) expect(rendered).toContain(word.toUpperCase() === word ? `${word}:` : word);
    }
  });
});

// ---------------------------------------------------------------------------
// The clients and tools these commands are for, with their default options

describe('real clients and tools', () => {
  let server: RunningServer;
  beforeAll(async () => {
    server = await startServer({ port: 0, host: '127.0.0.1' });
  });
  afterAll(() => server.close());

  const clientLines = async (): Promise<Map<string, string>[]> => {
    const c = await Conn.open({ port: server.port, host: '127.0.0.1' });
    try {
      return (await c.text('CLIENT', 'LIST')).trimEnd().split('\n').map((line) => new Map(lineFields(line)));
    } finally {
      c.close();
    }
  };

  test('ioredis connects in RESP3 (HELLO 3, CLIENT SETINFO, INFO ready check) and names itself', async () => {
    const client = new Redis({ port: server.port, host: '127.0.0.1', connectionName: 'ioredis-conn', lazyConnect: true });
    try {
      await client.connect();
      expect(await client.set('real-client:io', 'v')).toBe('OK');
      expect(await client.get('real-client:io')).toBe('v');
      const line = (await clientLines()).find((l) => l.get('name') === 'ioredis-conn');
      expect(line?.get('resp')).toBe('3');
      expect(line?.get('lib-name')).toBe('ioredis');
      expect(line?.get('lib-ver')).toMatch(/^[0-9]+\./);
    } finally {
      client.disconnect();
    }
  });

  test('node-redis connects in RESP3 (HELLO 3 SETNAME, CLIENT SETINFO, CLIENT MAINT_NOTIFICATIONS refused)', async () => {
    const client = createClient({ socket: { port: server.port, host: '127.0.0.1' }, name: 'node-redis-conn' });
    const errors: Error[] = [];
    client.on('error', (err: Error) => errors.push(err));
    try {
      await client.connect();
      expect(await client.set('real-client:nr', 'v')).toBe('OK');
      expect(await client.get('real-client:nr')).toBe('v');
      expect(await client.clientGetName()).toBe('node-redis-conn');
      const line = (await clientLines()).find((l) => l.get('name') === 'node-redis-conn');
      expect(line?.get('resp')).toBe('3');
      expect(line?.get('lib-name')).toBe('node-redis');
      expect(errors).toEqual([]);
    } finally {
      await client.quit();
    }
  });

  const benchmark = findRedisServer() === undefined ? undefined : 'redis-benchmark';
  (benchmark ? test : test.skip)(
    benchmark ? 'redis-benchmark reads CONFIG without a warning' : `redis-benchmark reads CONFIG without a warning ${SKIPPED_NO_REDIS}`,
    async () => {
      // Asynchronous: the server under test runs in this very process.
      const run = await promisify(execFile)(
        'redis-benchmark',
        ['-h', '127.0.0.1', '-p', String(server.port), '-n', '20', '-c', '1', '-t', 'ping', '-q'],
        { encoding: 'utf8', timeout: 15_000 },
      );
      expect(`${run.stdout}${run.stderr}`).not.toContain('WARNING');
      expect(run.stdout).toContain('PING');
    },
  );
});
