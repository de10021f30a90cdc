// SCRIPT LOAD script: compiles and caches a script without running it; answers its sha1.

import { CommandSpec, rawArguments } from '../../command';
import { engineNeeded, scriptingOf } from '../../../scripting/scripting';

export const scriptLoad: CommandSpec = {
  name: 'script|load',
  arity: 3,
  flags: ['noscript', 'stale'],
  categories: ['@slow', '@scripting'],
  tips: ['request_policy:all_nodes', 'response_policy:all_succeeded'],
  summary: 'Load the specified Lua script into the script cache.',
  since: '2.6.0',
  group: 'scripting',
  complexity: 'O(N) with N being the length in bytes of the script body.',
  syntax: 'script',
  parse: rawArguments,
  prepare: engineNeeded,
  apply([body], { server }) {
    const loaded = scriptingOf(server).scripts.load(body);
    return 'error' in loaded ? loaded.error : { type: 'latin1', value: loaded.sha };
  },
};
