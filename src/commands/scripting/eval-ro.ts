// EVAL_RO: runs a script given in full; it is compiled on first use and cached by its sha1, refusing every write command. The work is in src/scripting (eval-scripts.ts, lua-state.ts).
// The Lua engine loads on the first script: `prepare` makes the dispatcher wait for it
// (src/scripting/engine.ts), after which every call runs synchronously.

import { CommandSpec } from '../command';
import type { EvalRequest } from '../../scripting/eval-scripts';
import { engineNeeded, scriptingOf } from '../../scripting/scripting';
import { parseEval, scriptKeySpecs } from './eval-arguments';

export const evalRo: CommandSpec<EvalRequest> = {
  name: 'eval_ro',
  arity: -3,
  flags: ['readonly', 'noscript', 'stale', 'skip_monitor', 'no_mandatory_keys', 'movablekeys'],
  categories: ['@slow', '@scripting'],
  keySpecs: scriptKeySpecs(true, true),
  summary: 'Execute a read-only Lua script server side',
  since: '7.0.0',
  group: 'scripting',
  complexity: 'Depends on the script that is executed.',
  syntax: 'script numkeys [key [key ...]] [arg [arg ...]]',
  parse: parseEval(false, true),
  prepare: engineNeeded,
  apply: (request, context) => scriptingOf(context.server).scripts.eval(request, context),
};
