/**
 * The screens' JavaScript bundle, built with esbuild from `src/renderer/main.tsx` — at host start
 * in browser mode (about a second), or ahead of time for Electron packages.
 */
import { fileURLToPath } from 'node:url';
import { bundleWebPage } from '../platform/web-bundle.ts';

export const RENDERER_DIR = fileURLToPath(new URL('../renderer/', import.meta.url));

export interface RendererBundle {
  javascript: string;
}

/** Bundles the renderer for modern Chromium. e.g. (await buildRendererBundle()).javascript.length > 0 */
export async function buildRendererBundle(
  options: { minify?: boolean } = {},
): Promise<RendererBundle> {
  return { javascript: await bundleWebPage(`${RENDERER_DIR}main.tsx`, options) };
}
