// The package version, read from package.json at run time (so it is never out of date).

import { readFileSync } from 'node:fs';
import { join } from 'node:path';

function findVersion(): string {
  // From src/cli (ts-node, jest) or dist/src/cli (compiled), package.json is up the tree.
  for (const up of ['../..', '../../..']) {
    try {
      const pkg = JSON.parse(readFileSync(join(__dirname, up, 'package.json'), 'utf8')) as { name?: string; version?: string };
      if (pkg.name === 'mini-redis-rx' && pkg.version) return pkg.version;
    } catch {
      // not here: look one level up
    }
  }
  return '0.0.0';
}

export const version = findVersion();
