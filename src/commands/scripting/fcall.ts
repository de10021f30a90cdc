// FCALL function numkeys [key ...] [arg ...]: runs a function a library registered
// (FUNCTION LOAD). The work is in src/scripting/functions.ts; the Lua engine loads on
// first use, which `prepare` waits for, as EVAL's does.

import { CommandSpec, ReplyError } from '../command';
import type { Replies } from '../command';
import type { ConnectionContext } from '../command';
import { engineNeeded, scriptingOf } from '../../scripting/scripting';
import { type FcallRequest, fcallKeySpecs, parseFcall, splitKeys } from './fcall-arguments';

/** FCALL and FCALL_RO: the function found first, then numkeys checked, then the run. */
export function applyFcall(request: FcallRequest, context: ConnectionContext): Replies {
  const functions = scriptingOf(context.server).functions;
  if (functions.find(request.name) === undefined) return { type: 'error', value: 'ERR Function not found' };
  const split = splitKeys(request);
  if (split instanceof ReplyError) return split.frame;
  return functions.fcall(request.name, split.keys, split.args, request.readOnly, context);
}

export const fcall: CommandSpec<FcallRequest> = {
  name: 'fcall',
  arity: -3,
  flags: ['noscript', 'skip_monitor', 'may_replicate', 'no_mandatory_keys', 'stale', 'movablekeys'],
  categories: ['@slow', '@scripting'],
  keySpecs: fcallKeySpecs(false),
  summary: 'Invoke a function',
  since: '7.0.0',
  group: 'scripting',
  complexity: 'Depends on the function that is executed.',
  syntax: 'function numkeys [key [key ...]] [arg [arg ...]]',
  parse: parseFcall(false),
  prepare: engineNeeded,
  apply: applyFcall,
};
