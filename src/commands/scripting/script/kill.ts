// SCRIPT KILL: stops the running script. A script runs synchronously here, so by the
// time this command is read no script is ever running: the answer is NOTBUSY. (A script
// past busy-reply-threshold is stopped by the interpreter itself; see lua-state.ts.)

import { CommandSpec, rawArguments } from '../../command';

export const scriptKill: CommandSpec = {
  name: 'script|kill',
  arity: 2,
  flags: ['noscript', 'allow_busy'],
  categories: ['@slow', '@scripting'],
  tips: ['request_policy:all_shards', 'response_policy:one_succeeded'],
  summary: 'Kill the script currently in execution.',
  since: '2.6.0',
  group: 'scripting',
  complexity: 'O(1)',
  parse: rawArguments,
  apply: () => ({ type: 'error', value: 'NOTBUSY No scripts in execution right now.' }),
};
