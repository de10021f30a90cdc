// FUNCTION DELETE library-name: removes a library and every function it registered.

import { CommandSpec, rawArguments } from '../../command';
import { OK } from '../../../protocol/frame';
import { scriptingOf } from '../../../scripting/scripting';

export const functionDelete: CommandSpec = {
  name: 'function|delete',
  arity: 3,
  flags: ['noscript', 'write'],
  categories: ['@write', '@slow', '@scripting'],
  tips: ['request_policy:all_shards', 'response_policy:all_succeeded'],
  summary: 'Delete a function by name',
  since: '7.0.0',
  group: 'scripting',
  complexity: 'O(1)',
  syntax: 'library-name',
  parse: rawArguments,
  apply([name], { server }) {
    return scriptingOf(server).functions.delete(name.toString('latin1')) ? OK : { type: 'error', value: 'ERR Library not found' };
  },
};
