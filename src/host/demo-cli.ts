/** Placeholder until this subcommand is built (see the open issues). */
export async function run(_args: string[]): Promise<number> {
  console.error('terminmarke: this command is not built yet');
  return 1;
}
