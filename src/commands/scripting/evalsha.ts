// EVALSHA: runs a script cached by SCRIPT LOAD or an earlier EVAL, by its sha1 (NOSCRIPT when it is not there). The work is in src/scripting (eval-scripts.ts, lua-state.ts).
// The Lua engine loads on the first script: `prepare` makes the dispatcher wait for it
// (src/scripting/engine.ts), after which every call runs synchronously.

import { CommandSpec } from '../command';
import type { EvalRequest } from '../../scripting/eval-scripts';
import { engineNeeded, scriptingOf } from '../../scripting/scripting';
import { parseEval, scriptKeySpecs } from './eval-arguments';

export const evalsha: CommandSpec<EvalRequest> = {
  name: 'evalsha',
  arity: -3,
  flags: ['noscript', 'stale', 'skip_monitor', 'no_mandatory_keys', 'movablekeys'],
  categories: ['@slow', '@scripting'],
  keySpecs: scriptKeySpecs(false, false),
  summary: 'Execute a Lua script server side',
  since: '2.6.0',
  group: 'scripting',
  complexity: 'Depends on the script that is executed.',
  syntax: 'sha1 numkeys [key [key ...]] [arg [arg ...]]',
  parse: parseEval(true, false),
  prepare: engineNeeded,
  apply: (request, context) => scriptingOf(context.server).scripts.eval(request, context),
};
