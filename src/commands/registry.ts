// The command registry: lower-case name -> CommandSpec. It is filled by index.ts from
// the command groups; commands that describe other commands (COMMAND INFO, COMMAND
// DOCS) read it from here, which keeps the imports one-way (no cycle through index.ts).

import type { CommandSpec } from './command';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyCommand = CommandSpec<any>;

export const registry = new Map<string, AnyCommand>();

export function register(specs: readonly AnyCommand[]): void {
  for (const spec of specs) registry.set(spec.name, spec);
}
