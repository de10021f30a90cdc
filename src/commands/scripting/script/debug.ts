// SCRIPT DEBUG YES|SYNC|NO: Redis's Lua debugger (LDB) is not part of this server.
// NO is accepted (debugging is off); YES and SYNC say so with an error.

import { CommandSpec, rawArguments } from '../../command';
import { OK } from '../../../protocol/frame';

export const scriptDebug: CommandSpec = {
  name: 'script|debug',
  arity: 3,
  flags: ['noscript'],
  categories: ['@slow', '@scripting'],
  summary: 'Set the debug mode for executed scripts.',
  since: '3.2.0',
  group: 'scripting',
  complexity: 'O(1)',
  syntax: '<YES | SYNC | NO>',
  parse: rawArguments,
  apply([mode]) {
    const text = mode.toString('latin1').toLowerCase();
    if (text === 'no') return OK;
    if (text === 'yes' || text === 'sync') return { type: 'error', value: 'ERR SCRIPT DEBUG is not supported by this server' };
    return { type: 'error', value: 'ERR Use SCRIPT DEBUG YES/SYNC/NO' };
  },
};
