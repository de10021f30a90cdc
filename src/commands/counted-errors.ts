// Error replies that INFO errorstats has counted already, where they were made: an error
// of a command inside EXEC or inside a script is counted when that command answers it
// (as Redis's afterErrorReply does for each command), so the session must not count it
// again when a script passes it on as its own reply. Kept as a WeakSet of the Frame
// objects: nothing to clean up, and only error replies are ever looked up.

import type { Frame } from '../protocol/frame';

const counted = new WeakSet<Frame>();

/** Marks `frame` as counted. */
export function markCounted(frame: Frame): Frame {
  counted.add(frame);
  return frame;
}

export function alreadyCounted(frame: Frame): boolean {
  return counted.has(frame);
}
