// SCRIPT EXISTS sha1 [sha1 ...]: 1 or 0 for each, whether the cache holds it, in any
// letter case (Redis's script dict compares sha1s case-insensitively).

import { CommandSpec, rawArguments } from '../../command';
import { scriptingOf } from '../../../scripting/scripting';

export const scriptExists: CommandSpec = {
  name: 'script|exists',
  arity: -3,
  flags: ['noscript'],
  categories: ['@slow', '@scripting'],
  tips: ['request_policy:all_shards', 'response_policy:agg_logical_and'],
  summary: 'Check existence of scripts in the script cache.',
  since: '2.6.0',
  group: 'scripting',
  complexity: 'O(N) with N being the number of scripts to check (so checking a single script is an O(1) operation).',
  syntax: 'sha1 [sha1 ...]',
  parse: rawArguments,
  apply(shas, { server }) {
    const scripts = scriptingOf(server).scripts;
    return { type: 'array', value: shas.map((sha) => ({ type: 'integer', value: scripts.has(sha.toString('latin1')) ? 1 : 0 })) };
  },
};
