/** `petlab shell`: placeholder until the shell lands (issue 3). */
export async function run(_args: string[]): Promise<number> {
  process.stderr.write("petlab: 'petlab shell' is not available yet\n");
  return 2;
}
