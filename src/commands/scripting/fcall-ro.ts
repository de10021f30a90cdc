// FCALL_RO: FCALL for a function flagged no-writes; any other is refused before it
// runs ("Can not execute a script with write flag using *_ro command.").

import { CommandSpec } from '../command';
import { engineNeeded } from '../../scripting/scripting';
import { type FcallRequest, fcallKeySpecs, parseFcall } from './fcall-arguments';
import { applyFcall } from './fcall';

export const fcallRo: CommandSpec<FcallRequest> = {
  name: 'fcall_ro',
  arity: -3,
  flags: ['readonly', 'noscript', 'skip_monitor', 'no_mandatory_keys', 'stale', 'movablekeys'],
  categories: ['@slow', '@scripting'],
  keySpecs: fcallKeySpecs(true),
  summary: 'Invoke a read-only function',
  since: '7.0.0',
  group: 'scripting',
  complexity: 'Depends on the function that is executed.',
  syntax: 'function numkeys [key [key ...]] [arg [arg ...]]',
  parse: parseFcall(true),
  prepare: engineNeeded,
  apply: applyFcall,
};
