// AUTH [username] password: log in. This server has no passwords: it behaves like a
// Redis whose only user, `default`, is `nopass`. So AUTH default <anything> succeeds,
// any other user does not exist, and the one-argument form (the pre-ACL "AUTH
// password") gets Redis's warning that no password is configured, which ioredis
// recognises and turns into a console warning instead of a failed connection.

import { OK } from '../../protocol/frame';
import { CommandSpec, ReplyError, SYNTAX_ERROR } from '../command';

const NO_PASSWORD = new ReplyError(
  'ERR AUTH <password> called without any password configured for the default user. Are you sure your configuration is correct?',
);
export const WRONGPASS = new ReplyError('WRONGPASS invalid username-password pair or user is disabled.');

export const auth: CommandSpec<string | undefined> = {
  name: 'auth',
  arity: -2,
  flags: ['noscript', 'loading', 'stale', 'fast', 'no_auth', 'allow_busy'],
  categories: ['@fast', '@connection'],
  summary: 'Authenticate to the server',
  since: '1.0.0',
  group: 'connection',
  syntax: '[username] password',
  // The user name, or undefined for the one-argument form.
  parse: (args) => (args.length > 2 ? SYNTAX_ERROR : args.length === 2 ? args[0].toString('latin1') : undefined),
  apply(username) {
    if (username === undefined) return NO_PASSWORD.frame;
    return username === 'default' ? OK : WRONGPASS.frame;
  },
};
