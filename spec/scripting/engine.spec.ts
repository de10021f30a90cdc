// What scripting does here that the differential corpus cannot compare with Redis:
// the Lua engine loads only when the first script needs it (and a transaction whose
// EVAL was queued before it loaded waits for it, then runs as one batch), and a
// runaway script is stopped by the interpreter once it passes busy-reply-threshold
// (Redis instead answers others -BUSY and waits for SCRIPT KILL: see the README).
import { startServer, type RunningServer } from '../../src/server/run';
import { loadedLuaModule } from '../../src/scripting/engine';
import { RawConnection } from '../support/raw-connection';
import { call as call2, pipeline as pipeline2 } from '../support/resp2-call';
import type { Resp2Reply } from '../support/resp2-reader';

type Plain = string | number | null | { error: string } | Plain[];
/** A reply as a plain value: strings, numbers, null, { error }, arrays. */
function plain(reply: Resp2Reply): Plain {
  switch (reply.kind) {
    case 'simple':
      return reply.text;
    case 'error':
      return { error: reply.text };
    case 'integer':
      return Number(reply.value);
    case 'bulk':
      return reply.bytes === null ? null : reply.bytes.toString('latin1');
    case 'array':
      return reply.items === null ? null : reply.items.map(plain);
  }
}
const call = async (c: RawConnection, ...args: string[]): Promise<Plain> => plain(await call2(c, ...args));
const pipeline = async (c: RawConnection, commands: readonly (readonly string[])[]): Promise<Plain[]> => (await pipeline2(c, commands)).map(plain);

let server: RunningServer;
let conn: RawConnection;

beforeAll(async () => {
  server = await startServer({ port: 0, host: '127.0.0.1' });
  conn = await RawConnection.connect({ port: server.port, host: '127.0.0.1' });
});

afterAll(async () => {
  conn.destroy();
  await server.close();
});

describe('the Lua engine', () => {
  it('is not loaded until a script needs it, and a MULTI queued before it loads waits for it at EXEC', async () => {
    // Nothing has run a script in this process's module registry yet.
    expect(loadedLuaModule()).toBeUndefined();
    expect(await call(conn, 'SET', 'counter', '1')).toBe('OK');
    expect(loadedLuaModule()).toBeUndefined();
    const replies = await pipeline(conn, [
      ['MULTI'],
      ['EVAL', "return redis.call('incr', KEYS[1])", '1', 'counter'],
      ['INCR', 'counter'],
      ['EXEC'],
      ['GET', 'counter'],
    ]);
    expect(replies).toEqual(['OK', 'QUEUED', 'QUEUED', [2, 3], '3']);
    expect(loadedLuaModule()).toBeDefined();
  });

  it('keeps the order of a pipeline around the first EVAL', async () => {
    const replies = await pipeline(conn, [['SET', 'k', 'a'], ['EVAL', "return redis.call('append', 'k', 'b')", '0'], ['GET', 'k']]);
    expect(replies).toEqual(['OK', 2, 'ab']);
  });
});

describe('a runaway script', () => {
  it('is stopped past busy-reply-threshold with the error of a killed script, and the server goes on', async () => {
    expect(await call(conn, 'CONFIG', 'SET', 'busy-reply-threshold', '50')).toBe('OK');
    expect(await call(conn, 'CONFIG', 'GET', 'lua-time-limit')).toEqual(['lua-time-limit', '50']);
    const reply = await call(conn, 'EVAL', 'local i = 0 while true do i = i + 1 end', '0');
    expect(reply).toEqual({ error: expect.stringMatching(/^ERR Script killed by user with SCRIPT KILL\.\.\. script: [0-9a-f]{40}, on @user_script:1\.$/) });
    // A pcall loop cannot swallow the stop: the hook raises on every line from then on.
    const swallowed = await call(conn, 'EVAL', 'while true do pcall(function() while true do end end) end', '0');
    expect(swallowed).toEqual({ error: expect.stringContaining('Script killed by user with SCRIPT KILL...') });
    expect(await call(conn, 'EVAL', 'return 1', '0')).toBe(1);
    expect(await call(conn, 'CONFIG', 'SET', 'busy-reply-threshold', '5000')).toBe('OK');
  });
});

describe('INFO errorstats', () => {
  it("counts a command's error inside a script once, and a script's own error once (as Redis 7.0 does)", async () => {
    expect(await call(conn, 'CONFIG', 'RESETSTAT')).toBe('OK');
    expect(await call(conn, 'SET', 'es:str', 'x')).toBe('OK');
    await call(conn, 'EVAL', "return redis.error_reply('MY_ERR_CODE custom msg')", '0');
    await call(conn, 'EVAL', "return redis.call('incr', KEYS[1])", '1', 'es:str');
    await call(conn, 'EVAL', "return redis.pcall('incr', KEYS[1])", '1', 'es:str');
    await call(conn, 'EVAL', "error('x')", '0');
    await pipeline(conn, [['MULTI'], ['INCR', 'es:str'], ['EXEC']]);
    const info = String(await call(conn, 'INFO', 'errorstats'));
    expect(info.split('\r\n').filter((line) => line.startsWith('errorstat_'))).toEqual(['errorstat_ERR:count=4', 'errorstat_MY_ERR_CODE:count=1']);
    expect(String(await call(conn, 'INFO', 'stats'))).toContain('total_error_replies:5\r\n');
  });
});
