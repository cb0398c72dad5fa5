// What a CLI command gets and how it reports bad input.

export interface CliIo {
  out: (text: string) => void
  err: (text: string) => void
}

/** A command: the words after its name; resolves to the exit code. */
export type Command = (args: string[], io: CliIo) => Promise<number>

/** Bad input: exit 2, each line on stderr, nothing on stdout. */
export class BadInput extends Error {
  constructor(readonly lines: string[]) {
    super(lines.join('\n'))
  }
}

/** Splits `--flag value` / `--switch` options from positional words. */
export function parseArgs(args: string[], valued: string[], switches: string[]): { positional: string[]; options: Map<string, string | true> } {
  const positional: string[] = []
  const options = new Map<string, string | true>()
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!
    if (a.startsWith('--')) {
      if (valued.includes(a)) {
        const v = args[++i]
        if (v === undefined) throw new BadInput([`${a} needs a value`])
        options.set(a, v)
      } else if (switches.includes(a)) options.set(a, true)
      else throw new BadInput([`unknown option ${a}`])
    } else positional.push(a)
  }
  return { positional, options }
}
