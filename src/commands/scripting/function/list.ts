// FUNCTION LIST [LIBRARYNAME pattern] [WITHCODE]: each library (those whose name
// matches the glob, case-insensitively, if a pattern is given), its engine and its
// functions with their descriptions and flags, and its code on request.

import { CommandSpec, ReplyError } from '../../command';
import type { Frame } from '../../../protocol/frame';
import { globMatch } from '../../../db/glob';
import { scriptingOf } from '../../../scripting/scripting';
import { FLAG_NAMES } from '../../../scripting/shebang';
import { oneLine } from '../../../protocol/one-line';

interface ListRequest {
  readonly pattern: string | undefined;
  readonly withCode: boolean;
}

const text = (value: string): Frame => ({ type: 'latin1', value });

export const functionList: CommandSpec<ListRequest> = {
  name: 'function|list',
  arity: -2,
  flags: ['noscript'],
  categories: ['@slow', '@scripting'],
  tips: ['nondeterministic_output_order'],
  summary: 'List information about all the functions',
  since: '7.0.0',
  group: 'scripting',
  complexity: 'O(N) where N is the number of functions',
  syntax: '[LIBRARYNAME library-name-pattern] [WITHCODE]',
  // Each option once (functionListCommand): a second one is an "Unknown argument".
  parse(args) {
    let withCode = false;
    let pattern: string | undefined;
    for (let i = 0; i < args.length; i++) {
      const option = args[i].toString('latin1');
      const lower = option.toLowerCase();
      if (!withCode && lower === 'withcode') {
        withCode = true;
        continue;
      }
      if (pattern === undefined && lower === 'libraryname') {
        if (i >= args.length - 1) return new ReplyError('ERR library name argument was not given');
        pattern = args[++i].toString('latin1');
        continue;
      }
      return new ReplyError(oneLine(`ERR Unknown argument ${option}`));
    }
    return { pattern, withCode };
  },
  apply({ pattern, withCode }, { server }) {
    const libraries: Frame[] = [];
    for (const library of scriptingOf(server).functions.libraries.values()) {
      if (pattern !== undefined && !globMatch(pattern, library.name, true)) continue;
      const functions: Frame[] = [...library.functions.values()].map((fn) => ({
        type: 'map',
        value: [
          [text('name'), text(fn.name)],
          [text('description'), fn.description === undefined ? { type: 'null' } : { type: 'bulk', value: fn.description }],
          [text('flags'), { type: 'set', value: FLAG_NAMES.filter(([, key]) => fn.flags[key]).map(([name]) => ({ type: 'simple', value: name })) }],
        ],
      }));
      const entries: (readonly [Frame, Frame])[] = [
        [text('library_name'), text(library.name)],
        [text('engine'), text('LUA')],
        [text('functions'), { type: 'array', value: functions }],
      ];
      if (withCode) entries.push([text('library_code'), { type: 'bulk', value: library.code }]);
      libraries.push({ type: 'map', value: entries });
    }
    return { type: 'array', value: libraries };
  },
};
