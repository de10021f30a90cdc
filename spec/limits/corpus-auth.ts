// Differential corpus for authentication and for the limit parameters, played against
// real redis-server and against our server (auth.differential.spec.ts).
//
// AUTH_CASES run against servers started with the password PASSWORD. Every connection
// of a case ends authenticated or closed: the harness's trailer (a PING that must be
// answered PONG) would otherwise wait forever on a NOAUTH.
//
// CONFIG_CASES run against servers without a password, and put back every parameter
// they change before they end (the servers are shared by the cases of the file).

import { ask, closes, command, type Case, type Step } from '../differential/corpus';

export const PASSWORD = 'secret';

const login = (conn: string): Step => ask(conn, command('AUTH', PASSWORD));

function cases(list: ReadonlyArray<readonly [string, Step[]] | readonly [string, Step[], { bytewise: false }]>): Case[] {
  return list.map(([name, steps, options]) => ({ name, steps, ...options }));
}

const ECHO_16384 = command('ECHO', 'x'.repeat(16384));
const ECHO_16385 = command('ECHO', 'x'.repeat(16385));

export const AUTH_CASES: readonly Case[] = cases([
  [
    'noauth-before-login',
    [
      ask('a', command('PING')),
      ask('a', command('GET', 'k')),
      ask('a', command('SET', 'k', 'v')),
      ask('a', command('CONFIG', 'GET', 'requirepass')),
      ask('a', command('SUBSCRIBE', 'c')),
      ask('a', 'PING\r\n'),
      login('a'),
      ask('a', command('PING')),
    ],
  ],
  [
    // Unknown commands and arity come first, as in processCommand.
    'noauth-after-lookup-and-arity',
    [
      ask('a', command('FOO', 'bar')),
      ask('a', command('GET')),
      ask('a', command('CLIENT')),
      ask('a', command('CLIENT', 'FOO')),
      ask('a', command('CONFIG', 'NOSUCH')),
      ask('a', command('AUTH')),
      login('a'),
    ],
  ],
  [
    'auth-wrong-then-right',
    [
      ask('a', command('AUTH', 'wrong')),
      ask('a', command('AUTH', 'default', 'wrong')),
      ask('a', command('AUTH', 'bob', PASSWORD)),
      ask('a', command('AUTH', 'default', PASSWORD.toUpperCase())),
      ask('a', command('AUTH', '')),
      ask('a', command('AUTH', 'a', 'b', 'c')),
      ask('a', command('PING')),
      login('a'),
      ask('a', command('PING')),
    ],
  ],
  ['auth-default-user', [ask('a', command('AUTH', 'default', PASSWORD)), ask('a', command('PING')), ask('a', command('auth', 'DEFAULT', PASSWORD))]],
  ['auth-lowercase', [ask('a', command('auth', PASSWORD)), ask('a', command('ping'))]],
  // A failed AUTH does not log an authenticated connection out.
  ['auth-failure-keeps-login', [login('a'), ask('a', command('AUTH', 'wrong')), ask('a', command('PING'))]],
  ['auth-each-connection', [login('a'), ask('b', command('PING')), ask('a', command('PING')), login('b')]],
  [
    'auth-pipelined',
    [ask('a', command('AUTH', PASSWORD) + command('PING') + command('SET', 'auth-pipelined:k', 'v') + command('GET', 'auth-pipelined:k'), 4)],
  ],
  ['auth-pipelined-wrong', [ask('a', command('AUTH', 'wrong') + command('PING') + command('GET', 'k'), 3), login('a')]],
  ['auth-inline', [ask('a', `AUTH ${PASSWORD}\r\nPING\r\n`, 2)]],
  [
    'hello-before-login',
    [
      ask('a', command('HELLO')),
      ask('a', command('HELLO', '3')),
      ask('a', command('HELLO', '2')),
      // SETNAME runs before the NOAUTH check: the name is set.
      ask('a', command('HELLO', '3', 'SETNAME', 'early')),
      login('a'),
      ask('a', command('CLIENT', 'GETNAME')),
      // Still RESP2: the unauthenticated HELLO 3 did not switch the protocol.
      ask('a', command('CONFIG', 'GET', 'timeout')),
    ],
  ],
  ['hello-auth', [ask('a', command('HELLO', '3', 'AUTH', 'default', PASSWORD)), ask('a', command('PING')), ask('a', command('CONFIG', 'GET', 'timeout'))]],
  ['hello-auth-resp2', [ask('a', command('HELLO', '2', 'AUTH', 'default', PASSWORD)), ask('a', command('PING'))]],
  [
    'hello-auth-setname',
    [ask('a', command('hello', '3', 'auth', 'default', PASSWORD, 'setname', 'named')), ask('a', command('CLIENT', 'GETNAME'))],
  ],
  [
    'hello-auth-wrong',
    [
      ask('a', command('HELLO', '3', 'AUTH', 'default', 'wrong')),
      ask('a', command('HELLO', '3', 'AUTH', 'bob', PASSWORD)),
      ask('a', command('HELLO', '3', 'AUTH', 'default')),
      ask('a', command('HELLO', '4', 'AUTH', 'default', PASSWORD)),
      ask('a', command('HELLO', 'x', 'AUTH', 'default', PASSWORD)),
      ask('a', command('HELLO', '3', 'AUTH', 'default', PASSWORD, 'FOO')),
      ask('a', command('PING')),
    ],
  ],
  ['quit-before-login', [closes('a', command('QUIT'))]],
  ['reset-before-login', [ask('a', command('RESET')), ask('a', command('PING')), login('a')]],
  // RESET logs the connection out: the default user has a password.
  ['reset-logs-out', [login('a'), ask('a', command('RESET')), ask('a', command('PING')), login('a'), ask('a', command('PING'))]],
  ['post-before-login', [closes('a', 'POST / HTTP/1.1\r\n')]],
  // Redis's smaller limits before login: at most 10 arguments, 16384 bytes each.
  ['unauth-multibulk-count', [closes('a', '*11\r\n')]],
  ['unauth-multibulk-count-huge', [closes('a', '*1000000\r\n')]],
  ['unauth-multibulk-ten', [ask('a', command('PING', '1', '2', '3', '4', '5', '6', '7', '8', '9')), login('a')]],
  ['unauth-bulk-length', [closes('a', '*2\r\n$4\r\nECHO\r\n$16385\r\n')]],
  ['unauth-bulk-length-huge', [closes('a', '*2\r\n$4\r\nECHO\r\n$536870912\r\n')]],
  ['unauth-bulk-16384', [ask('a', ECHO_16384), login('a')]],
  ['unauth-bulk-first-argument', [closes('a', '*1\r\n$20000\r\n')]],
  ['unauth-after-a-command', [closes('a', command('PING') + '*12\r\n')], { bytewise: false }],
  // Inline requests have no argument limit in Redis.
  ['unauth-inline-many-arguments', [ask('a', 'PING 1 2 3 4 5 6 7 8 9 10 11 12\r\n'), login('a')]],
  // After a successful login, the normal limits: even pipelined in the same write.
  ['auth-then-large-pipelined', [ask('a', command('AUTH', PASSWORD) + ECHO_16385, 2)]],
  [
    'auth-then-many-pipelined',
    [ask('a', command('AUTH', PASSWORD) + command('ECHO', 'a') + command('MSET', ...Array.from({ length: 12 }, (_, i) => `auth-many:${i}`)), 3)],
  ],
  ['auth-then-large', [login('a'), ask('a', ECHO_16385), ask('a', command('PING', 'a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i', 'j', 'k'))]],
  // A wrong password pipelined with a large complete request: Redis parses it after the
  // failed AUTH ran, so it is refused with the protocol error.
  ['auth-wrong-then-large-pipelined', [closes('a', command('AUTH', 'wrong') + ECHO_16385)], { bytewise: false }],
  ['auth-wrong-then-many-pipelined', [closes('a', command('AUTH', 'wrong') + command('DEL', ...Array(11).fill('k')))], { bytewise: false }],
  ['config-get-requirepass', [login('a'), ask('a', command('CONFIG', 'GET', 'requirepass'))]],
]);

export const CONFIG_CASES: readonly Case[] = cases([
  [
    'config-get-limits',
    [
      ask('a', command('CONFIG', 'GET', 'timeout')),
      ask('a', command('CONFIG', 'GET', 'requirepass')),
      ask('a', command('CONFIG', 'GET', 'protected-mode')),
      ask('a', command('CONFIG', 'GET', 'client-query-buffer-limit')),
      ask('a', command('CONFIG', 'GET', 'client-output-buffer-limit')),
    ],
  ],
  [
    'config-set-timeout',
    [
      ask('a', command('CONFIG', 'SET', 'timeout', '300')),
      ask('a', command('CONFIG', 'GET', 'timeout')),
      ask('a', command('CONFIG', 'SET', 'timeout', '-1')),
      ask('a', command('CONFIG', 'SET', 'timeout', '2147483648')),
      ask('a', command('CONFIG', 'SET', 'timeout', '1x')),
      ask('a', command('CONFIG', 'SET', 'timeout', '0')),
      ask('a', command('CONFIG', 'GET', 'timeout')),
    ],
  ],
  [
    'config-set-maxclients',
    [
      ask('a', command('CONFIG', 'SET', 'maxclients', '0')),
      ask('a', command('CONFIG', 'SET', 'maxclients', 'abc')),
      ask('a', command('CONFIG', 'SET', 'maxclients', '-5')),
      ask('a', command('CONFIG', 'SET', 'maxclients', '4294967296')),
    ],
  ],
  [
    'config-set-protected-mode',
    [
      ask('a', command('CONFIG', 'SET', 'protected-mode', 'NO')),
      ask('a', command('CONFIG', 'GET', 'protected-mode')),
      ask('a', command('CONFIG', 'SET', 'protected-mode', 'maybe')),
      ask('a', command('CONFIG', 'SET', 'protected-mode', 'yes')),
      ask('a', command('CONFIG', 'GET', 'protected-mode')),
    ],
  ],
  [
    'config-set-client-query-buffer-limit',
    [
      ask('a', command('CONFIG', 'SET', 'client-query-buffer-limit', '2mb')),
      ask('a', command('CONFIG', 'GET', 'client-query-buffer-limit')),
      ask('a', command('CONFIG', 'SET', 'client-query-buffer-limit', '100')),
      ask('a', command('CONFIG', 'SET', 'client-query-buffer-limit', '1x')),
      ask('a', command('CONFIG', 'SET', 'client-query-buffer-limit', '1GB')),
      ask('a', command('CONFIG', 'GET', 'client-query-buffer-limit')),
    ],
  ],
  [
    'config-set-client-output-buffer-limit',
    [
      ask('a', command('CONFIG', 'SET', 'client-output-buffer-limit', 'pubsub 1mb 512kb 5')),
      ask('a', command('CONFIG', 'GET', 'client-output-buffer-limit')),
      ask('a', command('CONFIG', 'SET', 'client-output-buffer-limit', 'normal 1 2 3 replica 4 5 6')),
      ask('a', command('CONFIG', 'GET', 'client-output-buffer-limit')),
      ask('a', command('CONFIG', 'SET', 'client-output-buffer-limit', 'SLAVE 1k 1K 1 PUBSUB 2gb 1g 9999999999')),
      ask('a', command('CONFIG', 'GET', 'client-output-buffer-limit')),
      ask('a', command('CONFIG', 'SET', 'client-output-buffer-limit', 'pubsub  1 1')),
      ask('a', command('CONFIG', 'GET', 'client-output-buffer-limit')),
      ask('a', command('CONFIG', 'SET', 'client-output-buffer-limit', '')),
      ask('a', command('CONFIG', 'GET', 'client-output-buffer-limit')),
      ask('a', command('CONFIG', 'SET', 'client-output-buffer-limit', 'normal 0 0 0 slave 268435456 67108864 60 pubsub 32mb 8mb 60')),
      ask('a', command('CONFIG', 'GET', 'client-output-buffer-limit')),
    ],
  ],
  [
    'config-set-client-output-buffer-limit-errors',
    [
      ask('a', command('CONFIG', 'SET', 'client-output-buffer-limit', 'pubsub 1mb 512kb')),
      ask('a', command('CONFIG', 'SET', 'client-output-buffer-limit', 'foo 1 1 1')),
      ask('a', command('CONFIG', 'SET', 'client-output-buffer-limit', 'master 1 1 1')),
      ask('a', command('CONFIG', 'SET', 'client-output-buffer-limit', 'pubsub 1x 1 1')),
      ask('a', command('CONFIG', 'SET', 'client-output-buffer-limit', 'pubsub -1 1 1')),
      ask('a', command('CONFIG', 'SET', 'client-output-buffer-limit', 'pubsub 1 1 -1')),
      ask('a', command('CONFIG', 'SET', 'client-output-buffer-limit', 'pubsub 1 1 1.5')),
      ask('a', command('CONFIG', 'SET', 'client-output-buffer-limit', 'pubsub 1 1 99999999999999999999')),
      ask('a', command('CONFIG', 'SET', 'client-output-buffer-limit', 'pubsub 1x 1 1 foo 1 1 1')),
      ask('a', command('CONFIG', 'SET', 'client-output-buffer-limit', 'foo 1 1 1 pubsub 1x 1 1')),
      ask('a', command('CONFIG', 'SET', 'client-output-buffer-limit', ' pubsub 1 1 1')),
      ask('a', command('CONFIG', 'GET', 'client-output-buffer-limit')),
    ],
  ],
  [
    // A password set at run time: connections already open stay logged in, new ones
    // must log in; removing it lets the unauthenticated ones run commands again.
    'config-set-requirepass',
    [
      ask('a', command('CONFIG', 'SET', 'requirepass', 'pw')),
      ask('a', command('PING')),
      ask('b', command('PING')),
      ask('b', command('AUTH', 'wrong')),
      ask('c', command('PING')),
      ask('b', command('AUTH', 'pw')),
      ask('b', command('CONFIG', 'GET', 'requirepass')),
      ask('a', command('CONFIG', 'SET', 'requirepass', '')),
      ask('c', command('PING')),
      ask('c', command('AUTH', 'pw')),
    ],
  ],
]);
