/**
 * Global setup of the e2e project: stop before the first browser test with one line saying what
 * to install, instead of a Playwright launch error in every file.
 */
import { missingChromiumAdvice } from './chromium-path.ts';

export default function requireChromium(): void {
  const advice = missingChromiumAdvice();
  if (advice) throw new Error(advice);
}
