/**
 * The command lines of `terminmarke token …` and `terminmarke key …`: a subcommand word, then
 * options; unknown options are refused by `parseArgs`.
 */
import { type ParseArgsConfig, parseArgs } from 'node:util';

/** e.g. (['rotate', '--db', 'x.db'], { db: { type: 'string' } }) → { action: 'rotate', values: { db: 'x.db' } } */
export function parseSubcommand<O extends NonNullable<ParseArgsConfig['options']>>(
  argv: readonly string[],
  options: O,
) {
  const [action, ...args] = argv;
  const { values } = parseArgs({ args, options, strict: true });
  return { action, values };
}
