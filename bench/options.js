/** The benchmark scripts' command-line options: `--name value`, or the fallback when absent. */
export function option(name, fallback) {
  const at = process.argv.indexOf(`--${name}`);
  return at > 0 ? process.argv[at + 1] : fallback;
}
