/**
 * The screens' JavaScript bundle, built with esbuild from `src/renderer/main.tsx` — at host start
 * in browser mode (about a second), or ahead of time for Electron packages.
 */
import { build } from 'esbuild';
import { fileURLToPath } from 'node:url';

export const RENDERER_DIR = fileURLToPath(new URL('../renderer/', import.meta.url));

export interface RendererBundle {
  javascript: string;
}

/** Bundles the renderer for modern Chromium. e.g. (await buildRendererBundle()).javascript.length > 0 */
export async function buildRendererBundle(
  options: { minify?: boolean } = {},
): Promise<RendererBundle> {
  const result = await build({
    entryPoints: [`${RENDERER_DIR}main.tsx`],
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
  if (!output) throw new Error('esbuild produced no renderer bundle');
  return { javascript: output.text };
}
