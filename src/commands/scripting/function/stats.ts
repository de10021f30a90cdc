// FUNCTION STATS: the running function (never one here: see kill.ts) and, per engine,
// how many libraries and functions are loaded.

import { CommandSpec, rawArguments } from '../../command';
import { scriptingOf } from '../../../scripting/scripting';

export const functionStats: CommandSpec = {
  name: 'function|stats',
  arity: 2,
  flags: ['noscript', 'allow_busy'],
  categories: ['@slow', '@scripting'],
  tips: ['nondeterministic_output', 'request_policy:all_shards', 'response_policy:special'],
  summary: 'Return information about the function currently running (name, description, duration)',
  since: '7.0.0',
  group: 'scripting',
  complexity: 'O(1)',
  parse: rawArguments,
  apply(_args, { server }) {
    const functions = scriptingOf(server).functions;
    return {
      type: 'map',
      value: [
        [{ type: 'latin1', value: 'running_script' }, { type: 'null' }],
        [
          { type: 'latin1', value: 'engines' },
          {
            type: 'map',
            value: [
              [
                { type: 'latin1', value: 'LUA' },
                {
                  type: 'map',
                  value: [
                    [{ type: 'latin1', value: 'libraries_count' }, { type: 'integer', value: functions.libraries.size }],
                    [{ type: 'latin1', value: 'functions_count' }, { type: 'integer', value: functions.functionCount }],
                  ],
                },
              ],
            ],
          },
        ],
      ],
    };
  },
};
