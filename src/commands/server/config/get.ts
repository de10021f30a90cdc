// CONFIG GET parameter [parameter ...]: parameter names and values, a map in RESP3
// (a flat array in RESP2). Each argument is a name (any case, echoed as given) or a
// glob pattern (matched without case, answered with the canonical names). A parameter
// asked for twice is answered once, the first time.
//
// Redis collects the matches in a hash table, so with several arguments its order is
// the table's; here it is the order of the arguments, then of the parameter table.

import { Frame, bulk, map } from '../../../protocol/frame';
import { globMatch } from '../../../db/glob';
import { CommandSpec } from '../../command';
import { PARAMETERS, configValue, parameterNamed } from './parameters';

const isGlob = (pattern: string): boolean => /[[*?]/.test(pattern);

export const configGet: CommandSpec<readonly string[]> = {
  name: 'config|get',
  arity: -3,
  flags: ['admin', 'noscript', 'loading', 'stale'],
  categories: ['@admin', '@slow', '@dangerous'],
  summary: 'Get the values of configuration parameters',
  since: '2.0.0',
  group: 'server',
  syntax: 'parameter [parameter ...]',
  parse: (args) => args.map((arg) => arg.toString('latin1')),
  apply(patterns, context) {
    // Names are compared without case (CONFIG GET MAXCLIENTS finds maxclients), so the
    // set of names already answered is kept in lower case.
    const seen = new Set<string>();
    const entries: [Frame, Frame][] = [];
    const add = (shownAs: string, value: string): void => {
      if (seen.has(shownAs.toLowerCase())) return;
      seen.add(shownAs.toLowerCase());
      entries.push([bulk(Buffer.from(shownAs, 'latin1')), bulk(value)]);
    };
    for (const pattern of patterns) {
      if (!isGlob(pattern)) {
        const parameter = parameterNamed(pattern);
        if (parameter !== undefined) add(pattern, configValue(context, parameter));
        continue;
      }
      for (const parameter of PARAMETERS) {
        if (globMatch(pattern, parameter.name, true)) add(parameter.name, configValue(context, parameter));
      }
    }
    return map(entries);
  },
};
