/**
 * One esbuild call for every web page we serve (the device screens, the office page): a single
 * ES module for modern Chromium, React's production build, no source maps, no legal comments.
 * Kept here, below host and server, so both can bundle without importing each other.
 */
import { build } from 'esbuild';

/** Bundles one entry file. e.g. (await bundleWebPage('/…/renderer/main.tsx')).length > 0 */
export async function bundleWebPage(
  entry: string,
  options: { minify?: boolean } = {},
): Promise<string> {
  const result = await build({
    entryPoints: [entry],
    bundle: true,
    write: false,
    format: 'esm',
    target: 'chrome120',
    jsx: 'automatic',
    minify: options.minify ?? true,
    legalComments: 'none',
    define: { 'process.env.NODE_ENV': '"production"' },
    logLevel: 'silent',
  });
  const output = result.outputFiles[0];
  if (!output) throw new Error(`esbuild produced no bundle for ${entry}`);
  return output.text;
}
