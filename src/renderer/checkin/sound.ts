/**
 * The outcome sounds of the check-in window (WebAudio, no audio files to ship): a bright rising
 * pair for "checked in", a low falling pair for any refusal, so staff hear the result while
 * looking at the citizen. Short, so a queue of scans does not blur into noise.
 */
import type { OutcomeSound } from './outcome.ts';

export interface ToneStep {
  frequency: number;
  wave: OscillatorType;
  /** Seconds from the start of the sound. */
  start: number;
  duration: number;
}

export const OUTCOME_TONES: Record<OutcomeSound, ToneStep[]> = {
  accept: [
    { frequency: 880, wave: 'sine', start: 0, duration: 0.12 },
    { frequency: 1319, wave: 'sine', start: 0.13, duration: 0.2 },
  ],
  refuse: [
    { frequency: 330, wave: 'square', start: 0, duration: 0.2 },
    { frequency: 220, wave: 'square', start: 0.26, duration: 0.34 },
  ],
};

const PEAK_GAIN = { sine: 0.35, square: 0.12 } as Record<OscillatorType, number>;
let context: AudioContext | null = null;

/**
 * A call from a lobby kiosk: three even, mid-high beeps, unlike both outcome sounds, so staff
 * know to look up from the scanner.
 */
export const STAFF_CALL_TONES: ToneStep[] = [
  { frequency: 1047, wave: 'sine', start: 0, duration: 0.12 },
  { frequency: 1047, wave: 'sine', start: 0.2, duration: 0.12 },
  { frequency: 1047, wave: 'sine', start: 0.4, duration: 0.12 },
];

/** Plays an outcome sound; does nothing where audio is unavailable (the screen still shows it). */
export function playOutcomeSound(sound: OutcomeSound): void {
  playTones(OUTCOME_TONES[sound]);
}

/** Plays the staff-call sound; silent where audio is unavailable (the banner still shows). */
export function playStaffCallSound(): void {
  playTones(STAFF_CALL_TONES);
}

function playTones(steps: readonly ToneStep[]): void {
  try {
    context ??= new AudioContext();
    // A context created before any key press starts suspended; scans and typing are key presses.
    void context.resume();
    const begin = context.currentTime + 0.01;
    for (const step of steps) {
      const oscillator = context.createOscillator();
      const gain = context.createGain();
      oscillator.type = step.wave;
      oscillator.frequency.value = step.frequency;
      const at = begin + step.start;
      gain.gain.setValueAtTime(0.0001, at);
      gain.gain.exponentialRampToValueAtTime(PEAK_GAIN[step.wave] ?? 0.2, at + 0.015);
      gain.gain.exponentialRampToValueAtTime(0.0001, at + step.duration);
      oscillator.connect(gain).connect(context.destination);
      oscillator.start(at);
      oscillator.stop(at + step.duration + 0.02);
    }
  } catch {
    // No audio device on this PC: the screen carries the same message.
  }
}
