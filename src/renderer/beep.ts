/** A short two-tone beep with WebAudio, for the idle warning (docs/domain.md, "The citizen's screen": warn by sound). */

let context: AudioContext | null = null;

/** Play two soft tones; silently does nothing where audio is unavailable. */
export function playBeep(): void {
  try {
    context ??= new AudioContext();
    // Kiosk pages may start with a suspended context until a touch; the warning follows touches.
    void context.resume();
    const start = context.currentTime;
    for (const [offset, frequency] of [
      [0, 660],
      [0.28, 880],
    ] as const) {
      const oscillator = context.createOscillator();
      const gain = context.createGain();
      oscillator.frequency.value = frequency;
      gain.gain.setValueAtTime(0.0001, start + offset);
      gain.gain.exponentialRampToValueAtTime(0.3, start + offset + 0.02);
      gain.gain.exponentialRampToValueAtTime(0.0001, start + offset + 0.22);
      oscillator.connect(gain).connect(context.destination);
      oscillator.start(start + offset);
      oscillator.stop(start + offset + 0.25);
    }
  } catch {
    // No audio device: the on-screen warning still shows.
  }
}
