// FUNCTION KILL: stops the running function. A function runs synchronously here, so
// when this command is read none is running: the answer is NOTBUSY, as SCRIPT KILL's.

import { CommandSpec, rawArguments } from '../../command';

export const functionKill: CommandSpec = {
  name: 'function|kill',
  arity: 2,
  flags: ['noscript', 'allow_busy'],
  categories: ['@slow', '@scripting'],
  tips: ['request_policy:all_shards', 'response_policy:one_succeeded'],
  summary: 'Kill the function currently in execution.',
  since: '7.0.0',
  group: 'scripting',
  complexity: 'O(1)',
  parse: rawArguments,
  apply: () => ({ type: 'error', value: 'NOTBUSY No scripts in execution right now.' }),
};
