// redis-cli (Redis 7's own command-line client) against our server, used as people use
// it: one-shot commands (`redis-cli -p PORT get k`), commands piped on stdin, --raw and
// --no-raw, -3 (RESP3), -x, --scan, --pipe (mass insertion), `subscribe` left running,
// and the interactive prompt under a real terminal (tmux), with its hints, completion
// and `help`, which redis-cli builds from the server's COMMAND DOCS.
//
// redis-cli formats replies by where its output goes: to a pipe it prints them raw
// (`v`), to a terminal it decorates them (`"v"`, `(integer) 1`, `(error) ERR ...`), so
// both forms are tested, the terminal one under `script` (a pseudo-terminal).
//
// Every test runs against our server and against a real redis-server (the control):
// the expected texts are what redis-cli prints for Redis. A last group runs the same
// list of commands against both servers and compares what redis-cli printed, line for
// line, in each output mode.
//
// No sleeps: waits are on process output and exit; the terminal screen, which has no
// events, is polled at a short interval with an overall timeout.
import { describeTargets, startBoth, type CompatTarget } from '../support/compat-targets';
import { findRedisServer, warnRedisMissing } from '../support/real-redis';
import { findTool, runInTerminal, runTool, shellQuote, ToolProcess, warnToolMissing, type ToolExit } from '../support/tool-process';
import { TmuxSession, tmuxInstalled } from '../support/tmux';

const REDIS_CLI = findTool('redis-cli');
const SCRIPT = findTool('script');
const TMUX = tmuxInstalled();

if (REDIS_CLI === undefined) warnToolMissing('redis-cli compatibility', 'redis-cli', 'apt-get install redis-tools');
if (REDIS_CLI !== undefined && SCRIPT === undefined) {
  warnToolMissing('redis-cli on a terminal (script)', 'script', 'apt-get install bsdutils');
}
if (REDIS_CLI !== undefined && !TMUX) warnToolMissing('redis-cli interactive prompt (tmux)', 'tmux', 'apt-get install tmux');

const describeCli = REDIS_CLI === undefined ? describe.skip : describe;
const describeTerminal = REDIS_CLI !== undefined && SCRIPT !== undefined ? describe : describe.skip;
const describeInteractive = REDIS_CLI !== undefined && TMUX ? describe : describe.skip;

/** The SET hint, as redis-cli 7 builds it from COMMAND DOCS. */
const SET_HINT = 'value [NX|XX] [GET] [EX seconds|PX milliseconds|EXAT unix-time-seconds|PXAT unix-time-milliseconds|KEEPTTL]';

describeCli('redis-cli', () => {
  const cliPath = REDIS_CLI ?? 'redis-cli';

  describeTargets('redis-cli against each server', (target: CompatTarget) => {
    /** `redis-cli -p PORT ...args`, output to pipes. */
    const cli = (args: readonly string[], input?: string): Promise<ToolExit> =>
      runTool(cliPath, ['-p', String(target.port), ...args], { input });
    /** The same under a terminal. */
    const tty = (args: readonly string[]): Promise<ToolExit> => runInTerminal(cliPath, ['-p', String(target.port), ...args]);

    /** Runs each [args, stdout] and checks stdout, an empty stderr and exit 0. */
    async function expectOutputs(run: (args: readonly string[]) => Promise<ToolExit>, steps: ReadonlyArray<readonly [readonly string[], string]>) {
      const got: string[] = [];
      const want: string[] = [];
      for (const [args, stdout] of steps) {
        const result = await run(args);
        got.push(`$ redis-cli ${args.join(' ')}\n${result.stdout}${result.stderr ? `[stderr] ${result.stderr}` : ''}[exit ${result.code}]`);
        want.push(`$ redis-cli ${args.join(' ')}\n${stdout}[exit 0]`);
      }
      expect(got).toEqual(want);
    }

    test('one-shot commands print raw replies when the output is a pipe', () =>
      expectOutputs(cli, [
        [['ping'], 'PONG\n'],
        [['ping', 'hello world'], 'hello world\n'],
        [['set', 'cli:k', 'v'], 'OK\n'],
        [['get', 'cli:k'], 'v\n'],
        [['get', 'cli:missing'], '\n'],
        [['incr', 'cli:n'], '1\n'],
        [['incr', 'cli:n'], '2\n'],
        [['mget', 'cli:k', 'cli:missing', 'cli:n'], 'v\n\n2\n'],
        [['expire', 'cli:n', '100'], '1\n'],
        [['ttl', 'cli:n'], '100\n'],
        [['del', 'cli:k', 'cli:n', 'cli:missing'], '2\n'],
        [['-r', '3', 'incr', 'cli:repeat'], '1\n2\n3\n'],
      ]));

    test('error replies: the bare text and a blank line through a pipe, "(error) ..." with --no-raw', () =>
      expectOutputs(cli, [
        [['get'], "ERR wrong number of arguments for 'get' command\n\n"],
        [['nosuchcommand', 'a', 'b'], "ERR unknown command 'nosuchcommand', with args beginning with: 'a' 'b' \n\n"],
        [['set', 'cli:err', 'abc'], 'OK\n'],
        [['incr', 'cli:err'], 'ERR value is not an integer or out of range\n\n'],
        [['set', 'cli:err', 'v', 'NX', 'XX'], 'ERR syntax error\n\n'],
        [['--no-raw', 'get'], "(error) ERR wrong number of arguments for 'get' command\n"],
        [['--no-raw', 'incr', 'cli:err'], '(error) ERR value is not an integer or out of range\n'],
      ]));

    test('--no-raw decorates replies as on a terminal', () =>
      expectOutputs(cli, [
        [['set', 'cli:nr', 'v'], 'OK\n'],
        [['--no-raw', 'get', 'cli:nr'], '"v"\n'],
        [['--no-raw', 'get', 'cli:missing'], '(nil)\n'],
        [['--no-raw', 'incr', 'cli:nr:n'], '(integer) 1\n'],
        [['--no-raw', 'mget', 'cli:nr', 'cli:missing'], '1) "v"\n2) (nil)\n'],
        [['--no-raw', 'keys', 'cli:nothing:*'], '(empty array)\n'],
        [['--no-raw', 'set', 'cli:nr', 'w'], 'OK\n'],
      ]));

    test('keys * and --scan list the keyspace', () =>
      target.traced(async () => {
        await expectOutputs(cli, [
          [['flushall'], 'OK\n'],
          [['mset', 'k1', 'a', 'k2', 'b', 'k3', 'c'], 'OK\n'],
          [['dbsize'], '3\n'],
        ]);
        const keys = await cli(['keys', '*']);
        expect(keys.stdout.split('\n').sort()).toEqual(['', 'k1', 'k2', 'k3']);
        const scanned = await cli(['--scan', '--pattern', 'k*']);
        expect(scanned.stdout.split('\n').sort()).toEqual(['', 'k1', 'k2', 'k3']);
        expect(scanned.code).toBe(0);
      }));

    test('commands piped on stdin run in order, raw and --no-raw', async () => {
      const input = 'set cli:in 1\nget cli:in\nget\nincr cli:in\n';
      const raw = await cli([], input);
      expect(raw).toMatchObject({ code: 0, stderr: '' });
      expect(raw.stdout).toBe("OK\n1\nERR wrong number of arguments for 'get' command\n\n2\n");
      const decorated = await cli(['--no-raw'], input);
      expect(decorated.stdout).toBe(
        'OK\n"1"\n(error) ERR wrong number of arguments for \'get\' command\n(integer) 2\n',
      );
    });

    test('-3 speaks RESP3 (HELLO 3) and prints maps', async () => {
      const hello = await cli(['-3', '--no-raw', 'hello', '3']);
      expect(hello.code).toBe(0);
      expect(hello.stdout.replace(/"id" => \(integer\) \d+/, '"id" => (integer) ID').replace(/"version" => "[\d.]+"/, '"version" => "X"')).toBe(
        [
          '1# "server" => "redis"',
          '2# "version" => "X"',
          '3# "proto" => (integer) 3',
          '4# "id" => (integer) ID',
          '5# "mode" => "standalone"',
          '6# "role" => "master"',
          '7# "modules" => (empty array)',
          '',
        ].join('\n'),
      );
      await expectOutputs(cli, [
        [['-3', 'set', 'cli:r3', 'v'], 'OK\n'],
        [['-3', 'get', 'cli:r3'], 'v\n'],
        [['-3', '--no-raw', 'get', 'cli:missing'], '(nil)\n'],
        [['-3', '--no-raw', 'mget', 'cli:r3', 'cli:missing'], '1) "v"\n2) (nil)\n'],
      ]);
    });

    test('-x takes the last argument from stdin', async () => {
      expect((await cli(['-x', 'set', 'cli:x'], 'hello\n')).stdout).toBe('OK\n');
      expect((await cli(['--no-raw', 'get', 'cli:x'])).stdout).toBe('"hello\\n"\n');
    });

    test('--pipe (mass insertion) sends raw RESP and counts the replies', async () => {
      const commands = Array.from({ length: 100 }, (_, i) => {
        const [key, value] = [`cli:pipe:${i}`, String(i)];
        return `*3\r\n$3\r\nSET\r\n$${key.length}\r\n${key}\r\n$${value.length}\r\n${value}\r\n`;
      });
      const result = await cli(['--pipe'], commands.join(''));
      expect(result).toMatchObject({ code: 0, stderr: '' });
      expect(result.stdout).toBe(
        'All data transferred. Waiting for the last reply...\nLast reply received from server.\nerrors: 0, replies: 100\n',
      );
      expect((await cli(['get', 'cli:pipe:99'])).stdout).toBe('99\n');
    });

    test('subscribe prints the confirmation, then each message as it is published', async () => {
      const subscriber = new ToolProcess(cliPath, ['-p', String(target.port), 'subscribe', 'cli:ch']);
      try {
        await subscriber.waitFor('stdout', /^subscribe\ncli:ch\n1\n$/);
        expect((await cli(['publish', 'cli:ch', 'hello'])).stdout).toBe('1\n');
        await subscriber.waitFor('stdout', /^subscribe\ncli:ch\n1\nmessage\ncli:ch\nhello\n$/);
      } finally {
        await subscriber.kill();
      }
      const psubscriber = new ToolProcess(cliPath, ['-p', String(target.port), '--no-raw', 'psubscribe', 'cli:p*']);
      try {
        await psubscriber.waitFor('stdout', /1\) "psubscribe"\n2\) "cli:p\*"\n3\) \(integer\) 1\n$/);
        expect(psubscriber.stdout).toBe('Reading messages... (press Ctrl-C to quit)\n1) "psubscribe"\n2) "cli:p*"\n3) (integer) 1\n');
        expect((await cli(['publish', 'cli:pch', 'hi'])).stdout).toBe('1\n');
        await psubscriber.waitFor('stdout', /1\) "pmessage"\n2\) "cli:p\*"\n3\) "cli:pch"\n4\) "hi"\n$/);
      } finally {
        await psubscriber.kill();
      }
    });

    describeTerminal(`on a terminal (script)${SCRIPT === undefined ? ' (skipped: script not installed)' : ''}`, () => {
      test('replies are decorated; --raw turns that off', async () => {
        await cli(['set', 'cli:tty', 'v']);
        await expectOutputs(tty, [
          [['get', 'cli:tty'], '"v"\n'],
          [['get', 'cli:missing'], '(nil)\n'],
          [['incr', 'cli:tty:n'], '(integer) 1\n'],
          [['mget', 'cli:tty', 'cli:missing'], '1) "v"\n2) (nil)\n'],
          [['get'], "(error) ERR wrong number of arguments for 'get' command\n"],
          [['--raw', 'get', 'cli:tty'], 'v\n'],
          [['--raw', 'get'], "ERR wrong number of arguments for 'get' command\n\n"],
        ]);
      });
    });

    describeInteractive(`interactive, in a terminal (tmux)${TMUX ? '' : ' (skipped: tmux not installed)'}`, () => {
      let session: TmuxSession | undefined;
      const prompt = (): string => `127.0.0.1:${target.port}>`;

      beforeEach(async () => {
        session = await TmuxSession.start(`${shellQuote(cliPath)} -p ${target.port}`);
        await session.waitForScreen('the prompt', (lines) => lines[lines.length - 1] === prompt());
      });
      afterEach(() => session?.kill());

      /** Types a command, presses Enter, waits for the next prompt; returns the screen. */
      async function enter(command: string): Promise<string[]> {
        const before = (await session!.screen()).filter((line) => line.startsWith(prompt())).length;
        await session!.type(command);
        await session!.press('Enter');
        return session!.waitForScreen(
          `the prompt after "${command}"`,
          (lines) => lines.filter((line) => line.startsWith(prompt())).length === before + 1 && lines[lines.length - 1] === prompt(),
        );
      }

      test('shows the prompt, runs commands, prints decorated replies', async () => {
        const steps: Array<[string, string[]]> = [
          ['set tty:k v', ['OK']],
          ['get tty:k', ['"v"']],
          ['incr tty:k', ['(error) ERR value is not an integer or out of range']],
          ['get tty:missing', ['(nil)']],
          ['mget tty:k tty:missing', ['1) "v"', '2) (nil)']],
          ['ping', ['PONG']],
        ];
        const expected: string[] = [];
        let screen: string[] = [];
        for (const [command, output] of steps) {
          screen = await enter(command);
          expected.push(`${prompt()} ${command}`, ...output);
        }
        expect(screen).toEqual([...expected, prompt()]);
      });

      test('typing shows hints, Tab completes, help prints the docs, and the prompt survives', async () => {
        const lastLine = async (what: string, line: string): Promise<void> => {
          await session!.waitForScreen(what, (lines) => lines[lines.length - 1] === line);
        };
        await session!.type('set foo ');
        await lastLine('the SET hint', `${prompt()} set foo ${SET_HINT}`);
        await session!.press('C-u');
        await session!.type('get ');
        await lastLine('the GET hint', `${prompt()} get key`);
        await session!.press('C-u');
        await session!.type('client setn');
        await session!.press('Tab');
        await lastLine('CLIENT SETNAME completed, with its hint', `${prompt()} CLIENT SETNAME connection-name`);
        await session!.press('C-u');

        const screen = await enter('help get');
        expect(screen.slice(-8)).toEqual([
          `${prompt()} help get`,
          '',
          '  GET key',
          '  summary: Get the value of a key',
          '  since: 1.0.0',
          '  group: string',
          '',
          prompt(),
        ]);
        const after = await enter('ping');
        expect(after.slice(-2)).toEqual(['PONG', prompt()]);
      });

      test('quit ends the session', async () => {
        await session!.type('quit');
        await session!.press('Enter');
        await session!.waitForExit();
      });
    });
  });

  describe('prints the same as with redis-server, command by command', () => {
    const redisInstalled = findRedisServer() !== undefined;
    if (!redisInstalled) warnRedisMissing('redis-cli output comparison');
    const compare = redisInstalled ? test : test.skip;
    let servers: Awaited<ReturnType<typeof startBoth>> | undefined;
    beforeAll(async () => {
      if (redisInstalled) servers = await startBoth();
    });
    afterAll(() => servers?.stop());

    // Each list runs in order against both servers (both start empty), so state-changing
    // commands leave the two keyspaces alike. (`select 1` is left out on purpose: our
    // server has one database, like a Redis started with `databases 1`, so it answers
    // "ERR DB index is out of range" where a default Redis says OK; see select.ts.)
    const COMMANDS: ReadonlyArray<readonly string[]> = [
      ['ping'], ['ping', 'hi'], ['echo', 'hello world'],
      ['set', 'c:k', 'v'], ['get', 'c:k'], ['get', 'c:none'], ['set', 'c:k', 'v', 'NX'], ['set', 'c:k', 'w', 'XX', 'GET'],
      ['set', 'c:k', 'v', 'EX', '0'], ['set', 'c:k', 'v', 'PX', 'abc'], ['set', 'c:k'], ['set', 'c:k', 'v', 'NX', 'XX'],
      ['append', 'c:k', 'xyz'], ['strlen', 'c:k'], ['getrange', 'c:k', '0', '1'], ['setrange', 'c:k', '1', 'AB'], ['get', 'c:k'],
      ['incr', 'c:n'], ['incrby', 'c:n', '10'], ['decrby', 'c:n', '3'], ['incrbyfloat', 'c:f', '1.5'], ['incr', 'c:k'],
      ['incrbyfloat', 'c:k', '1'], ['incr', 'c:big'], ['incrby', 'c:big', '9223372036854775807'],
      ['mset', 'c:a', '1', 'c:b', '2'], ['mget', 'c:a', 'c:b', 'c:none'], ['msetnx', 'c:a', '1', 'c:z', '2'], ['mset', 'c:a'],
      ['exists', 'c:a', 'c:none'], ['type', 'c:a'], ['type', 'c:none'], ['expire', 'c:a', '100'], ['ttl', 'c:a'],
      ['pttl', 'c:none'], ['persist', 'c:a'], ['ttl', 'c:a'], ['expire', 'c:a', 'x'],
      ['rename', 'c:a', 'c:a2'], ['rename', 'c:none', 'c:x'], ['del', 'c:a2', 'c:b', 'c:none'],
      ['keys', 'c:z'], ['keys', 'c:nomatch*'], ['dbsize'], ['scan', '0', 'match', 'c:z'], ['scan', 'x'],
      ['publish', 'c:ch', 'msg'], ['pubsub', 'channels'], ['pubsub', 'numsub', 'c:ch'], ['pubsub', 'numpat'],
      ['get'], ['nosuchcommand', 'a', 'b'], ['client', 'getname'], ['client', 'nosuch'],
      ['client', 'setname', 'has space'], ['config', 'get', 'save'], ['config', 'get', 'appendonly'],
      ['config', 'get', 'nosuchparam'], ['select', '0'], ['select', '16'], ['select', 'x'],
      ['flushall'], ['dbsize'],
    ];
    /** A few, for the slower terminal mode. */
    const TERMINAL_COMMANDS: ReadonlyArray<readonly string[]> = [
      ['set', 't:k', 'v'], ['get', 't:k'], ['get', 't:none'], ['incr', 't:n'], ['incr', 't:k'], ['get'],
      ['mget', 't:k', 't:none', 't:n'], ['keys', 't:nomatch*'], ['nosuchcommand', 'a'], ['config', 'get', 'save'],
      ['incrbyfloat', 't:f', '0.1'], ['flushall'],
    ];

    async function transcript(port: number, mode: 'pipe' | 'no-raw' | 'terminal', commands: ReadonlyArray<readonly string[]>) {
      const lines: string[] = [];
      for (const args of commands) {
        const full = ['-p', String(port), ...(mode === 'no-raw' ? ['--no-raw'] : []), ...args];
        const result = mode === 'terminal' ? await runInTerminal(cliPath, full) : await runTool(cliPath, full);
        lines.push(`$ redis-cli ${args.map(shellQuote).join(' ')}`, result.stdout + (result.stderr ? `[stderr] ${result.stderr}` : '') + `[exit ${result.code}]`);
      }
      return lines;
    }

    for (const mode of ['pipe', 'no-raw'] as const) {
      compare(`output to a pipe${mode === 'no-raw' ? ', with --no-raw' : ''}`, async () => {
        // One server after the other: the lists change state, and both must see the same sequence.
        const ours = await transcript(servers!.ours.port, mode, COMMANDS);
        const redis = await transcript(servers!.redis!.port, mode, COMMANDS);
        expect(ours).toEqual(redis);
      });
    }
    (SCRIPT === undefined ? test.skip : compare)(`output to a terminal${SCRIPT === undefined ? ' (skipped: script not installed)' : ''}`, async () => {
      const ours = await transcript(servers!.ours.port, 'terminal', TERMINAL_COMMANDS);
      const redis = await transcript(servers!.redis!.port, 'terminal', TERMINAL_COMMANDS);
      expect(ours).toEqual(redis);
    });
  });
});
