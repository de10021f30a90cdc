// The reply of a container's HELP subcommand (CLIENT HELP, CONFIG HELP, COMMAND HELP),
// laid out as Redis's addReplyHelp lays it out: one status line per row, a title line
// first and HELP's own entry last. Status lines, not one bulk string, so that
// redis-cli prints them one per line in both protocols.

import { Frame, array, simple } from '../../protocol/frame';

/** `lines`: alternating usage lines and their indented explanations, as in Redis. */
export function helpReply(container: string, lines: readonly string[]): Frame {
  return array(
    [
      `${container} <subcommand> [<arg> [value] [opt] ...]. Subcommands are:`,
      ...lines,
      'HELP',
      '    Prints this help.',
    ].map(simple),
  );
}
