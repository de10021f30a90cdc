// The command-line flags the benchmark entry points (run.ts, client-bench.ts) read the
// same way: `--name` switches, `--name value` options, and the two that set how long a
// run takes, --quick and --rounds N (or the BENCH_ROUNDS environment variable; 1 round
// with --quick, else 5). Kept in one place so that `npm run bench -- --client` and
// running client-bench.ts alone understand the same words.

export interface BenchArgs {
  /** True if the switch `name` (e.g. `--quick`) is present. */
  flag(name: string): boolean;
  /** The word after the option `name` (e.g. `--port 6380`), or undefined. */
  value(name: string): string | undefined;
  readonly quick: boolean;
  /** Rounds to run, a positive integer. */
  readonly rounds: number;
}

/** Reads `argv` (this process's arguments by default); throws on a bad --rounds. */
export function benchArgs(argv: readonly string[] = process.argv.slice(2)): BenchArgs {
  const flag = (name: string): boolean => argv.includes(name);
  const value = (name: string): string | undefined => {
    const i = argv.indexOf(name);
    return i === -1 ? undefined : argv[i + 1];
  };
  const quick = flag('--quick');
  const rounds = Number(value('--rounds') ?? process.env.BENCH_ROUNDS ?? (quick ? 1 : 5));
  if (!Number.isInteger(rounds) || rounds < 1) throw new Error(`--rounds must be a positive integer, got ${rounds}`);
  return { flag, value, quick, rounds };
}
