// CONFIG SET parameter value [parameter value ...]: change parameters at run time, all
// or none. As in Redis, the names are checked first, in order (unknown, immutable,
// given twice), then the values, in order; the first failure is the answer and nothing
// is changed. The values' checks and texts are in parameters.ts.

import { OK } from '../../../protocol/frame';
import { CommandSpec, ReplyError, SYNTAX_ERROR } from '../../command';
import { errorArgument } from '../error-argument';
import { Parameter, configValue, parameterNamed, storeValue } from './parameters';

interface Change {
  readonly name: Buffer;
  readonly value: string;
}

const failed = (argument: string, reason: string): ReplyError =>
  new ReplyError(`ERR CONFIG SET failed (possibly related to argument '${argument}') - ${reason}`);

function parse(args: readonly Buffer[]): Change[] | ReplyError {
  if (args.length % 2 !== 0) return SYNTAX_ERROR;
  const changes: Change[] = [];
  for (let i = 0; i < args.length; i += 2) changes.push({ name: args[i], value: args[i + 1].toString('latin1') });
  return changes;
}

export const configSet: CommandSpec<Change[]> = {
  name: 'config|set',
  arity: -4,
  flags: ['admin', 'noscript', 'loading', 'stale'],
  categories: ['@admin', '@slow', '@dangerous'],
  summary: 'Set configuration parameters to the given values',
  since: '2.0.0',
  group: 'server',
  syntax: 'parameter value [parameter value ...]',
  parse,
  apply(changes, context) {
    const parameters: Parameter[] = [];
    for (const { name } of changes) {
      const parameter = parameterNamed(name.toString('latin1'));
      if (parameter === undefined) {
        return new ReplyError(`ERR Unknown option or number of arguments for CONFIG SET - '${errorArgument(name)}'`).frame;
      }
      if (parameter.validate === undefined) return failed(errorArgument(name), "can't set immutable config").frame;
      if (parameters.includes(parameter)) return failed(errorArgument(name), 'duplicate parameter').frame;
      parameters.push(parameter);
    }
    const values: string[] = [];
    for (const [i, parameter] of parameters.entries()) {
      const checked = parameter.validate!(changes[i].value, configValue(context, parameter));
      if ('error' in checked) return failed(parameter.name, checked.error).frame;
      values.push(checked.value);
    }
    parameters.forEach((parameter, i) => storeValue(context, parameter, values[i]));
    return OK;
  },
};
