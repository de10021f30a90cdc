// FUNCTION DUMP: every library's code in one binary payload (see
// src/scripting/function-dump.ts) that FUNCTION RESTORE takes back.

import { CommandSpec, rawArguments } from '../../command';
import { dumpPayload } from '../../../scripting/function-dump';
import { scriptingOf } from '../../../scripting/scripting';

export const functionDump: CommandSpec = {
  name: 'function|dump',
  arity: 2,
  flags: ['noscript'],
  categories: ['@slow', '@scripting'],
  summary: 'Dump all functions into a serialized binary payload',
  since: '7.0.0',
  group: 'scripting',
  complexity: 'O(N) where N is the number of functions',
  parse: rawArguments,
  apply(_args, { server }) {
    const codes = [...scriptingOf(server).functions.libraries.values()].map((library) => library.code);
    return { type: 'bulk', value: dumpPayload(codes) };
  },
};
