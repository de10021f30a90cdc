// The command registry and dispatcher: name -> CommandSpec, and `execute`, which checks
// a request the way Redis's processCommand does, in the same order (unknown command,
// then arity, then the subscribed-mode restriction) so each failure gets Redis's text.

import type { Frame } from '../protocol/frame';
import { CommandSpec, ConnectionContext, ReplyError, Replies } from './command';
import { get } from './get';
import { ping } from './ping';
import { publish } from './publish';
import { quit } from './quit';
import { host, post } from './security-warning';
import { set } from './set';
import { subscribe } from './subscribe';
import { unsubscribe } from './unsubscribe';

// `CommandSpec<any>`: each spec's parse and apply agree on their own parsed type.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyCommand = CommandSpec<any>;

const specs: readonly AnyCommand[] = [get, host, ping, post, publish, quit, set, subscribe, unsubscribe];

/** Every command, by lower-case name. */
export const commands: ReadonlyMap<string, AnyCommand> = new Map(specs.map((spec) => [spec.name, spec]));

/** Runs one request (an array of bulk strings) and returns its replies. */
export function execute(request: Frame, context: ConnectionContext): Replies {
  const args = argumentsOf(request);
  if (args === undefined) return { type: 'error', value: 'ERR Protocol error: expected an array of bulk strings' };
  const name = args[0].toString('latin1');
  const spec = commands.get(name.toLowerCase());
  if (spec === undefined) return unknownCommand(args);
  const argc = args.length;
  if ((spec.arity > 0 && argc !== spec.arity) || argc < -spec.arity) {
    return { type: 'error', value: `ERR wrong number of arguments for '${spec.name}' command` };
  }
  if (context.subscriptionCount > 0 && !spec.pubsubContext) {
    return {
      type: 'error',
      value: `ERR Can't execute '${spec.name}': only (P|S)SUBSCRIBE / (P|S)UNSUBSCRIBE / PING / QUIT / RESET are allowed in this context`,
    };
  }
  const parsed: unknown = spec.parse(args.slice(1));
  if (parsed instanceof ReplyError) return parsed.frame;
  return spec.apply(parsed, context);
}

function argumentsOf(request: Frame): Buffer[] | undefined {
  if (request.type !== 'array' || request.value.length === 0) return undefined;
  const args: Buffer[] = [];
  for (const item of request.value) {
    if (item.type !== 'bulk') return undefined;
    args.push(item.value);
  }
  return args;
}

// Redis prints arguments with printf's %s, which stops at a NUL byte, and then turns
// \r and \n into spaces so the error stays one line.
const cString = (arg: Buffer): string => {
  const nul = arg.indexOf(0);
  return (nul === -1 ? arg : arg.subarray(0, nul)).toString('latin1');
};
const oneLine = (text: string): string => text.replace(/[\r\n]/g, ' ');

/** `ERR unknown command 'x', with args beginning with: 'a' 'b' `, as Redis 7 words it. */
function unknownCommand(args: readonly Buffer[]): Frame {
  let shown = '';
  for (let i = 1; i < args.length && shown.length < 128; i++) {
    shown += `'${cString(args[i]).slice(0, 128 - shown.length)}' `;
  }
  const command = cString(args[0]).slice(0, 128);
  return { type: 'error', value: oneLine(`ERR unknown command '${command}', with args beginning with: ${shown}`) };
}
