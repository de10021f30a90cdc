// FUNCTION LOAD [REPLACE] code: creates a library from its code (a `#!lua name=...`
// shebang, then Lua that calls redis.register_function) and answers its name. Options
// come before the code: every argument but the last must be REPLACE (functionLoadCommand).

import { CommandSpec, ReplyError } from '../../command';
import { engineNeeded, scriptingOf } from '../../../scripting/scripting';
import { oneLine } from '../../../protocol/one-line';

interface LoadRequest {
  readonly code: Buffer;
  readonly replace: boolean;
}

export const functionLoad: CommandSpec<LoadRequest> = {
  name: 'function|load',
  arity: -3,
  flags: ['noscript', 'write', 'denyoom'],
  categories: ['@write', '@slow', '@scripting'],
  tips: ['request_policy:all_shards', 'response_policy:all_succeeded'],
  summary: 'Create a function with the given arguments (name, code, description)',
  since: '7.0.0',
  group: 'scripting',
  complexity: 'O(1) (considering compilation time is redundant)',
  syntax: '[REPLACE] function-code',
  parse(args) {
    let replace = false;
    for (const option of args.slice(0, -1)) {
      if (option.toString('latin1').toLowerCase() !== 'replace') return new ReplyError(oneLine(`ERR Unknown option given: ${option.toString('latin1')}`));
      replace = true;
    }
    return { code: args[args.length - 1], replace };
  },
  prepare: engineNeeded,
  apply({ code, replace }, { server }) {
    const loaded = scriptingOf(server).functions.load(code, replace);
    return 'error' in loaded ? { type: 'error', value: oneLine(`ERR ${loaded.error}`) } : { type: 'latin1', value: loaded.name };
  },
};

/** An error reply is one line: Redis turns CR and LF in its text into spaces (addReplyErrorLength). */
