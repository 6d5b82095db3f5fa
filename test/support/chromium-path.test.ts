import { describe, expect, it } from 'vitest';
import { chromiumPath, missingChromiumAdvice } from './chromium-path.ts';

describe('finding Chromium for the end-to-end tests', () => {
  it("takes TERMINMARKE_CHROMIUM, then CHROMIUM_PATH, then Debian's path", () => {
    expect(chromiumPath({ TERMINMARKE_CHROMIUM: '/opt/a', CHROMIUM_PATH: '/opt/b' })).toBe(
      '/opt/a',
    );
    expect(chromiumPath({ CHROMIUM_PATH: '/opt/b' })).toBe('/opt/b');
    expect(chromiumPath({})).toBe('/usr/bin/chromium');
  });

  it('says in one line what to install when the executable is missing', () => {
    const advice = missingChromiumAdvice({ TERMINMARKE_CHROMIUM: '/nonexistent/chromium' });
    expect(advice).toContain('/nonexistent/chromium');
    expect(advice).toContain('apt-get install chromium');
    expect(advice).not.toContain('\n');
  });

  it('is silent when the executable is there', () => {
    expect(missingChromiumAdvice({ TERMINMARKE_CHROMIUM: process.execPath })).toBeNull();
  });
});
