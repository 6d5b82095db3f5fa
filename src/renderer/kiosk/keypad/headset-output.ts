/**
 * Private listening: the speech goes to the headset, not the lobby speaker. Where the page can
 * name the headset among its audio outputs it plays there (`setSinkId`); otherwise the sound
 * system's own jack switching must do it (ALSA auto-mute, PulseAudio/PipeWire port switching),
 * which city IT checks once per kiosk model (README, "Keypad and headset").
 */
import type { HostSpeech } from '../../speech.ts';

/** Plays into a headset output if the page can see one; says in the log when it cannot. */
export async function routeToHeadset(speech: HostSpeech): Promise<void> {
  const devices = navigator.mediaDevices
    ? await navigator.mediaDevices.enumerateDevices().catch(() => [])
    : [];
  const headset = devices.find(
    (device) => device.kind === 'audiooutput' && /head(phone|set)|kopfh/i.test(device.label),
  );
  if (!headset) {
    console.info('keypad: no headset output visible to the page; the jack switching routes it');
    return;
  }
  await speech.setOutput(headset.deviceId);
}
