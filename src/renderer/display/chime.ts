/** The call chime: a soft three-tone gong with WebAudio, played before each announcement. */

let context: AudioContext | null = null;

/** Notes of the chime (E5, C5, G4 — the familiar public-address descent) and their spacing. */
const NOTES = [659.25, 523.25, 392.0] as const;
const SPACING_S = 0.45;
export const CHIME_MS = Math.round((NOTES.length * SPACING_S + 0.8) * 1000);

/** Plays the chime; resolves when it has sounded. No audio device: resolves at once. */
export async function playChime(): Promise<void> {
  try {
    context ??= new AudioContext();
    // A wall display has nobody to touch it: the browser must allow autoplay (see README).
    void context.resume();
    const start = context.currentTime + 0.05;
    NOTES.forEach((frequency, index) => {
      if (!context) return;
      const at = start + index * SPACING_S;
      const oscillator = context.createOscillator();
      const gain = context.createGain();
      oscillator.type = 'sine';
      oscillator.frequency.value = frequency;
      gain.gain.setValueAtTime(0.0001, at);
      gain.gain.exponentialRampToValueAtTime(0.35, at + 0.03);
      gain.gain.exponentialRampToValueAtTime(0.0001, at + 1.1);
      oscillator.connect(gain).connect(context.destination);
      oscillator.start(at);
      oscillator.stop(at + 1.2);
    });
  } catch (error) {
    console.warn('chime not played:', error);
    return;
  }
  await new Promise((resolve) => setTimeout(resolve, CHIME_MS));
}
