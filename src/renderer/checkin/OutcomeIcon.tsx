/** The outcome's icon: a second channel beside colour and words (never colour alone). */
import type { OutcomeIconName } from './outcome.ts';

const PATHS: Record<OutcomeIconName | 'ready', string[]> = {
  check: ['M14 33 L27 46 L50 19'],
  cross: ['M18 18 L46 46', 'M46 18 L18 46'],
  clock: ['M32 8 A24 24 0 1 1 31.9 8', 'M32 18 L32 33 L42 40'],
  question: ['M22 24 C22 12 42 12 42 24 C42 32 32 32 32 40', 'M32 50 L32 51'],
  ready: [
    'M10 22 L10 10 L22 10',
    'M42 10 L54 10 L54 22',
    'M54 42 L54 54 L42 54',
    'M22 54 L10 54 L10 42',
  ],
};

/** A 64-unit line drawing in the current text colour; decorative (aria-hidden). */
export function OutcomeIcon({ name }: { name: OutcomeIconName | 'ready' }) {
  return (
    <svg
      className={`ci-icon ci-icon--${name}`}
      viewBox="0 0 64 64"
      aria-hidden="true"
      focusable="false"
      fill="none"
      stroke="currentColor"
      strokeWidth={7}
      strokeLinecap="round"
      strokeLinejoin="round"
    >
      {PATHS[name].map((d) => (
        <path key={d} d={d} />
      ))}
    </svg>
  );
}
