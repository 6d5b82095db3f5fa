/**
 * The package's Electron fuses, read and validated by electron-builder itself (its own config
 * loader and schema), since `npm run dist:linux` cannot run without Electron's binary here.
 */
import { describe, expect, it } from 'vitest';
import { getConfig, validateConfiguration } from 'app-builder-lib/out/util/config/config.js';
// electron-builder's own loader and schema check (its packages, present with electron-builder).
import { DebugLogger } from 'builder-util/out/DebugLogger.js';

describe('electron-builder.yml', () => {
  it('is a valid electron-builder configuration that flips the hardening fuses', async () => {
    const config = await getConfig(process.cwd(), 'electron-builder.yml', null);
    await validateConfiguration(config, new DebugLogger(false));
    expect(config.electronFuses).toEqual({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      enableCookieEncryption: true,
      grantFileProtocolExtraPrivileges: false,
    });
    // The fuse that limits loading to app.asar needs the app packed as one.
    expect(config.asar ?? true).not.toBe(false);
  });
});
