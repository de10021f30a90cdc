// FUNCTION RESTORE payload [FLUSH|APPEND|REPLACE]: the libraries of a FUNCTION DUMP
// payload, checked (version, CRC64) and loaded, then added to the current ones by the
// policy: FLUSH drops the current ones first; APPEND (the default) fails on a library
// that exists; REPLACE replaces it. Either all are restored or nothing changes.

import { CommandSpec, ReplyError, SUBCOMMAND_SYNTAX_ERROR } from '../../command';
import { OK } from '../../../protocol/frame';
import { readPayload, verifyPayload } from '../../../scripting/function-dump';
import type { RestorePolicy } from '../../../scripting/functions';
import { engineNeeded, scriptingOf } from '../../../scripting/scripting';
import { oneLine } from '../../../protocol/one-line';

interface RestoreRequest {
  readonly payload: Buffer;
  readonly policy: RestorePolicy;
}

const BAD_POLICY = new ReplyError('ERR Wrong restore policy given, value should be either FLUSH, APPEND or REPLACE.');

export const functionRestore: CommandSpec<RestoreRequest> = {
  name: 'function|restore',
  arity: -3,
  flags: ['noscript', 'write', 'denyoom'],
  categories: ['@write', '@slow', '@scripting'],
  tips: ['request_policy:all_shards', 'response_policy:all_succeeded'],
  summary: 'Restore all the functions on the given payload',
  since: '7.0.0',
  group: 'scripting',
  complexity: 'O(N) where N is the number of functions on the payload',
  syntax: 'serialized-value [FLUSH | APPEND | REPLACE]',
  parse(args) {
    if (args.length > 2) return SUBCOMMAND_SYNTAX_ERROR;
    let policy: RestorePolicy = 'append';
    if (args.length === 2) {
      const given = args[1].toString('latin1').toLowerCase();
      if (given !== 'append' && given !== 'replace' && given !== 'flush') return BAD_POLICY;
      policy = given;
    }
    return { payload: args[0], policy };
  },
  prepare: engineNeeded,
  apply({ payload, policy }, { server }) {
    if (!verifyPayload(payload)) return { type: 'error', value: 'ERR DUMP payload version or checksum are wrong' };
    const read = readPayload(payload);
    if ('error' in read) return { type: 'error', value: `ERR ${read.error}` };
    const error = scriptingOf(server).functions.restore(read.codes, policy);
    return error === undefined ? OK : { type: 'error', value: oneLine(`ERR ${error}`) };
  },
};
