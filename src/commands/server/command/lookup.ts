// Finds a command by the name a client gives: `get`, `GET`, or a subcommand as
// `config|get` (Redis's fully qualified form), any case.

import { AnyCommand, registry } from '../../registry';

export function lookupCommand(name: string): AnyCommand | undefined {
  const [container, sub, ...rest] = name.toLowerCase().split('|');
  const spec = registry.get(container);
  if (sub === undefined) return spec;
  if (rest.length > 0) return undefined;
  return spec?.subcommands?.find((s) => s.name === `${container}|${sub}`);
}

/** Every command, each container followed by its subcommands. */
export function everyCommand(): AnyCommand[] {
  return [...registry.values()].flatMap((spec) => [spec, ...(spec.subcommands ?? [])]);
}
