// The command registry: lower-case name -> CommandSpec. It is filled by index.ts from
// the command groups; commands that describe other commands (COMMAND INFO, COMMAND
// DOCS) read it from here, which keeps the imports one-way (no cycle through index.ts).

import type { CommandSpec } from './command';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyCommand = CommandSpec<any>;

export const registry = new Map<string, AnyCommand>();

// Clients send names in lower case (ioredis) or upper case (node-redis, redis-cli):
// both spellings are looked up directly, and only mixed case pays for toLowerCase().
const spellings = new Map<string, AnyCommand>();

export function register(specs: readonly AnyCommand[]): void {
  for (const spec of specs) {
    registry.set(spec.name, spec);
    spellings.set(spec.name, spec);
    spellings.set(spec.name.toUpperCase(), spec);
  }
}

/** The command named `name`, in any letter case. */
// The command name is looked up for every request, so the common spellings cost one
// Map.get; toLowerCase, which allocates a string, only runs for mixed case (`Get`).
export function lookup(name: string): AnyCommand | undefined {
  return spellings.get(name) ?? registry.get(name.toLowerCase());
}
