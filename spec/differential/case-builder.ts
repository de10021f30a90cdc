// How a differential corpus file declares its cases: `kase(name, build)` appends one
// named Case whose steps `build` writes, handing it a `key` function that makes the
// keys of that case (`<prefix>-<name>:<suffix>`).
//
// Why keys are derived from the case's name: every case of a corpus runs on the same
// pair of servers, one after another, so two cases must never touch the same key; a
// key that names its case is unique by construction, and a failing reply shows which
// case wrote it. Names are therefore checked here: kebab-case (they go into keys) and
// unique within the builder (a second case of a name would share the first's keys).
import type { Case, Key, Step } from './corpus';

export interface CaseBuilder {
  /** The cases declared so far, in declaration order. */
  readonly cases: Case[];
  /** Declares the case `name`, with the steps `build` returns. */
  kase(name: string, build: (key: Key) => Step[]): void;
}

/** A new, empty list of cases whose keys start with `prefix`. */
export function builder(prefix: string): CaseBuilder {
  const cases: Case[] = [];
  const kase = (name: string, build: (key: Key) => Step[]): void => {
    if (!/^[a-z0-9-]+$/.test(name)) throw new Error(`case names are kebab-case (they prefix keys): ${name}`);
    if (cases.some((c) => c.name === name)) throw new Error(`duplicate case name ${name}`);
    const key: Key = (suffix = 'k') => `${prefix}-${name}:${suffix}`;
    cases.push({ name, steps: build(key) });
  };
  return { cases, kase };
}
