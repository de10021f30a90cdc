// SCRIPT FLUSH [ASYNC|SYNC]: empties the script cache and starts a new interpreter
// (globals a script left behind go too). Both modes flush at once here: there is no
// background thread to free memory on, and nothing observable depends on it.

import { CommandSpec, ReplyError } from '../../command';
import { OK } from '../../../protocol/frame';
import { scriptingOf } from '../../../scripting/scripting';

const ONLY_SYNC_ASYNC = new ReplyError('ERR SCRIPT FLUSH only support SYNC|ASYNC option');

export const scriptFlush: CommandSpec = {
  name: 'script|flush',
  arity: -2,
  flags: ['noscript'],
  categories: ['@slow', '@scripting'],
  tips: ['request_policy:all_nodes', 'response_policy:all_succeeded'],
  summary: 'Remove all the scripts from the script cache.',
  since: '2.6.0',
  group: 'scripting',
  complexity: 'O(N) with N being the number of scripts in cache',
  syntax: '[ASYNC | SYNC]',
  history: [['6.2.0', 'Added the `ASYNC` and `SYNC` flushing mode modifiers.']],
  parse(args) {
    if (args.length === 0) return args;
    const mode = args[0].toString('latin1').toLowerCase();
    if (args.length === 1 && (mode === 'sync' || mode === 'async')) return args;
    return ONLY_SYNC_ASYNC;
  },
  apply(_args, { server }) {
    scriptingOf(server).scripts.flush();
    return OK;
  },
};
