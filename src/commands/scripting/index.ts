// The scripting commands: EVAL and its kin, SCRIPT, FUNCTION, FCALL and FCALL_RO.
// The interpreter, the cache and the conversions are in src/scripting.

import type { AnyCommand } from '../registry';
import { evalCommand } from './eval';
import { evalRo } from './eval-ro';
import { evalsha } from './evalsha';
import { evalshaRo } from './evalsha-ro';
import { fcall } from './fcall';
import { fcallRo } from './fcall-ro';
import { functionCommand } from './function/function';
import { script } from './script/script';

export const scriptingCommands: readonly AnyCommand[] = [evalCommand, evalsha, evalRo, evalshaRo, script, functionCommand, fcall, fcallRo];
