// CLIENT SETINFO <LIB-NAME | LIB-VER> value: a client library says who it is; CLIENT
// LIST shows it as lib-name= and lib-ver=. ioredis and node-redis send both on every
// connect. Redis 7.0 does not know the subcommand (the libraries ignore the error);
// this server answers as Redis 7.2 does, so the information is kept instead of lost.
// An empty value clears the attribute.

import { OK } from '../../../protocol/frame';
import { CommandSpec, ReplyError } from '../../command';
import { errorArgument } from '../../server/error-argument';
import { isValidClientAttribute } from './attribute';

interface SetInfo {
  readonly attribute: 'libName' | 'libVersion';
  readonly value: string;
}

function parse(args: readonly Buffer[]): SetInfo | ReplyError {
  const name = args[0].toString('latin1').toLowerCase();
  const attribute = name === 'lib-name' ? 'libName' : name === 'lib-ver' ? 'libVersion' : undefined;
  if (attribute === undefined) return new ReplyError(`ERR Unrecognized option '${errorArgument(args[0])}'`);
  if (!isValidClientAttribute(args[1])) {
    return new ReplyError(`ERR ${errorArgument(args[0])} cannot contain spaces, newlines or special characters.`);
  }
  return { attribute, value: args[1].toString('latin1') };
}

export const clientSetinfo: CommandSpec<SetInfo> = {
  name: 'client|setinfo',
  arity: 4,
  flags: ['noscript', 'loading', 'stale'],
  categories: ['@slow', '@connection'],
  summary: 'Set client or connection specific info',
  since: '7.2.0',
  group: 'connection',
  syntax: 'LIB-NAME libname | LIB-VER libver',
  parse,
  apply({ attribute, value }, { client }) {
    client[attribute] = value;
    return OK;
  },
};
