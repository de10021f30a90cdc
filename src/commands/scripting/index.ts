// The scripting commands: EVAL and its kin, and SCRIPT (FUNCTION and FCALL join them).
// The interpreter, the cache and the conversions are in src/scripting.

import type { AnyCommand } from '../registry';
import { evalCommand } from './eval';
import { evalRo } from './eval-ro';
import { evalsha } from './evalsha';
import { evalshaRo } from './evalsha-ro';
import { script } from './script/script';

export const scriptingCommands: readonly AnyCommand[] = [evalCommand, evalsha, evalRo, evalshaRo, script];
