// AUTH [username] password: log in. The only user is `default` (see authentication.ts).
// With `requirepass` set, AUTH password and AUTH default password check it (in constant
// time) and authenticate the connection. Without one, the default user is `nopass`:
// AUTH default <anything> succeeds, and the one-argument form (the pre-ACL "AUTH
// password") gets Redis's warning that no password is configured, which ioredis
// recognises and turns into a console warning instead of a failed connection.
// Any other user does not exist: WRONGPASS, the same answer as a wrong password, so a
// stranger cannot tell which of the two was wrong.

import { OK } from '../../protocol/frame';
import { CommandSpec, ReplyError, SYNTAX_ERROR } from '../command';
import { credentialsValid, requiredPassword } from './authentication';

const NO_PASSWORD = new ReplyError(
  'ERR AUTH <password> called without any password configured for the default user. Are you sure your configuration is correct?',
);
export const WRONGPASS = new ReplyError('WRONGPASS invalid username-password pair or user is disabled.');

const DEFAULT_USER = Buffer.from('default');

interface Credentials {
  /** Undefined for the one-argument form, which means the default user. */
  readonly username?: Buffer;
  readonly password: Buffer;
}

export const auth: CommandSpec<Credentials> = {
  name: 'auth',
  arity: -2,
  flags: ['noscript', 'loading', 'stale', 'fast', 'no_auth', 'allow_busy'],
  categories: ['@fast', '@connection'],
  summary: 'Authenticate to the server',
  since: '1.0.0',
  group: 'connection',
  syntax: '[username] password',
  parse: (args) => (args.length > 2 ? SYNTAX_ERROR : args.length === 2 ? { username: args[0], password: args[1] } : { password: args[0] }),
  apply({ username, password }, context) {
    if (username === undefined && requiredPassword(context.server) === '') return NO_PASSWORD.frame;
    const user = username ?? DEFAULT_USER;
    // A context with no login state (a unit test's) can only check the credentials.
    const ok = context.auth !== undefined ? context.auth.login(user, password) : credentialsValid(context.server, user, password);
    return ok ? OK : WRONGPASS.frame;
  },
};
