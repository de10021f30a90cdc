// FUNCTION FLUSH [ASYNC|SYNC]: deletes every library. Both modes flush at once here
// (no background thread to free memory on). EVAL's script cache is not touched.

import { CommandSpec, ReplyError, SUBCOMMAND_SYNTAX_ERROR } from '../../command';
import { OK } from '../../../protocol/frame';
import { scriptingOf } from '../../../scripting/scripting';

const ONLY_SYNC_ASYNC = new ReplyError('ERR FUNCTION FLUSH only supports SYNC|ASYNC option');

export const functionFlush: CommandSpec = {
  name: 'function|flush',
  arity: -2,
  flags: ['noscript', 'write'],
  categories: ['@write', '@slow', '@scripting'],
  tips: ['request_policy:all_shards', 'response_policy:all_succeeded'],
  summary: 'Deleting all functions',
  since: '7.0.0',
  group: 'scripting',
  complexity: 'O(N) where N is the number of functions deleted',
  syntax: '[ASYNC | SYNC]',
  parse(args) {
    if (args.length > 1) return SUBCOMMAND_SYNTAX_ERROR;
    if (args.length === 0) return args;
    const mode = args[0].toString('latin1').toLowerCase();
    return mode === 'sync' || mode === 'async' ? args : ONLY_SYNC_ASYNC;
  },
  apply(_args, { server }) {
    scriptingOf(server).functions.flush();
    return OK;
  },
};
