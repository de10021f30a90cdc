// HELLO [protover [AUTH username password] [SETNAME clientname]]: the handshake of
// RESP3 clients (ioredis 6 and node-redis 6 send `HELLO 3` first). It switches the
// connection's protocol and answers a map describing the server; a client that gets an
// error here stays on RESP2 (ioredis) or refuses to connect (node-redis), so its
// errors must be Redis's, word for word.
//
// Options are handled in order, each one at once, exactly as Redis 7.0 does: a SETNAME
// takes effect even when a later option is a syntax error, and a failed AUTH stops
// before the options after it. The protocol changes only when everything succeeded,
// and before the reply is written, so `HELLO 3` is itself answered in RESP3.
//
// Authentication (see authentication.ts): the AUTH option logs in as AUTH does, when it
// comes in the option order. Once the options are done, a connection that still has to
// log in gets Redis's NOAUTH text, which tells the user about HELLO's AUTH option: so an
// unauthenticated `HELLO 3` does not switch the protocol (but a SETNAME before it has
// taken effect, as in Redis 7.0).

import { Frame, array, bulk, integer, map } from '../../protocol/frame';
import type { ProtocolVersion } from '../../protocol/encode';
import { parseLongLong } from '../../protocol/integer';
import { CommandSpec, ConnectionContext, ReplyError } from '../command';
import { errorArgument } from '../server/error-argument';
import { REDIS_VERSION } from '../server/redis-version';
import { WRONGPASS } from './auth';
import { credentialsValid } from './authentication';
import { INVALID_CLIENT_NAME, isValidClientAttribute } from './client/attribute';

/** One option, in the order given; a syntax error is kept in its place in that order. */
type Option =
  | { readonly kind: 'auth'; readonly username: Buffer; readonly password: Buffer }
  | { readonly kind: 'setname'; readonly name: Buffer }
  | { readonly kind: 'error'; readonly error: ReplyError };

interface Hello {
  readonly protocol?: ProtocolVersion;
  readonly options: readonly Option[];
}

const NOT_A_VERSION = new ReplyError('ERR Protocol version is not an integer or out of range');
const NOPROTO = new ReplyError('NOPROTO unsupported protocol version');
const NOAUTH = new ReplyError(
  'NOAUTH HELLO must be called with the client already authenticated, otherwise the HELLO AUTH <user> <pass> option ' +
    'can be used to authenticate the client and select the RESP protocol version at the same time',
);

function parse(args: readonly Buffer[]): Hello | ReplyError {
  if (args.length === 0) return { options: [] };
  const version = parseLongLong(args[0], 0, args[0].length);
  if (version === null) return NOT_A_VERSION;
  if (version !== 2 && version !== 3) return NOPROTO;
  const options: Option[] = [];
  for (let i = 1; i < args.length; i++) {
    const option = args[i].toString('latin1').toLowerCase();
    const more = args.length - 1 - i;
    if (option === 'auth' && more >= 2) {
      options.push({ kind: 'auth', username: args[i + 1], password: args[i + 2] });
      i += 2;
    } else if (option === 'setname' && more >= 1) {
      options.push({ kind: 'setname', name: Buffer.from(args[i + 1]) });
      i += 1;
    } else {
      options.push({ kind: 'error', error: new ReplyError(`ERR Syntax error in HELLO option '${errorArgument(args[i])}'`) });
      break;
    }
  }
  return { protocol: version, options };
}

/** Runs the options in order; the first failure is the reply. */
function applyOptions(options: readonly Option[], context: ConnectionContext): ReplyError | undefined {
  for (const option of options) {
    switch (option.kind) {
      case 'auth': {
        const { username, password } = option;
        const { auth } = context;
        const ok = auth !== undefined ? auth.login(username, password) : credentialsValid(context.server, username, password);
        if (!ok) return WRONGPASS;
        break;
      }
      case 'setname':
        if (!isValidClientAttribute(option.name)) return INVALID_CLIENT_NAME;
        context.client.name = option.name.toString('latin1');
        break;
      case 'error':
        return option.error;
    }
  }
  return undefined;
}

/** The server description, as Redis's HELLO lists it. */
export function helloReply(context: ConnectionContext): Frame {
  const field = (name: string, value: Frame): [Frame, Frame] => [bulk(name), value];
  return map([
    field('server', bulk('redis')),
    field('version', bulk(REDIS_VERSION)),
    field('proto', integer(context.protocol)),
    field('id', integer(context.client.id)),
    field('mode', bulk('standalone')),
    field('role', bulk('master')),
    field('modules', array([])),
  ]);
}

export const hello: CommandSpec<Hello> = {
  name: 'hello',
  arity: -1,
  flags: ['noscript', 'loading', 'stale', 'fast', 'no_auth', 'allow_busy'],
  categories: ['@fast', '@connection'],
  summary: 'Handshake with Redis',
  since: '6.0.0',
  group: 'connection',
  syntax: '[protover [AUTH username password] [SETNAME clientname]]',
  parse,
  apply(command, context) {
    const failure = applyOptions(command.options, context);
    if (failure !== undefined) return failure.frame;
    if (context.auth?.required === true) return NOAUTH.frame;
    if (command.protocol !== undefined) context.setProtocol(command.protocol);
    return helloReply(context);
  },
};
