// One script invocation in progress (Redis's scriptRunCtx): who called it, under which
// rules (read-only, its protocol after redis.setresp), whether it wrote yet, and when it
// started. The `redis.call` bridge reads it; the instruction hook reads `startedAt`.

import type { ConnectionContext } from '../commands/command';
import type { ScriptResp } from './lua-reply';
import { scriptContext } from './script-context';

export class ScriptRun {
  /** The protocol of the script's own client: 2 until redis.setresp(3). */
  resp: ScriptResp = 2;
  /** A write command ran (Redis's SCRIPT_WRITE_DIRTY). */
  wrote = false;
  readonly startedAt = Date.now();
  /** What redis.call runs commands with: the caller's Db and server, a client of its own. */
  readonly context: ConnectionContext;

  constructor(
    /** The connection that ran EVAL / FCALL. */
    readonly caller: ConnectionContext,
    /** `f_<sha>` for EVAL, the function's name for FCALL: the name in error texts. */
    readonly name: string,
    /** EVAL_RO, FCALL_RO, or a script flagged no-writes. */
    readonly readOnly: boolean,
    /** EVAL (true) or FCALL (false): the texts of some errors differ. */
    readonly evalMode: boolean,
  ) {
    this.context = scriptContext(caller, () => this.resp);
  }
}
