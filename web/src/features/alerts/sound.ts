/**
 * The alert tone, synthesised with Web Audio (no sound file to fetch, nothing to fail to load). Browsers
 * only let a page make sound after the user interacted with it; before that the tone is silently skipped
 * and the overlay offers a button to play it.
 */

type AudioContextClass = typeof AudioContext;

let shared: AudioContext | null = null;

function contextClass(): AudioContextClass | undefined {
  const w = window as { AudioContext?: AudioContextClass; webkitAudioContext?: AudioContextClass };
  return w.AudioContext ?? w.webkitAudioContext;
}

function audio(): AudioContext | null {
  if (shared) return shared;
  const Ctor = contextClass();
  if (!Ctor) return null;
  try {
    shared = new Ctor();
  } catch {
    return null;
  }
  return shared;
}

/** True when the browser would play the tone now (an earlier click or key press unlocked audio). */
export function canPlaySound(): boolean {
  const ctx = audio();
  if (!ctx) return false;
  return ctx.state === 'running' || navigator.userActivation?.hasBeenActive === true;
}

/**
 * Plays `count` two-tone beeps (a real alert rises, a drill is softer). Resolves false when the browser
 * refused audio (no user gesture yet), true when the tone was scheduled.
 */
export async function playAlertTone(options: { drill: boolean; count?: number }): Promise<boolean> {
  const ctx = audio();
  if (!ctx) return false;
  if (ctx.state !== 'running') {
    // Without a prior user gesture resume() stays pending forever; do not wait for it.
    if (navigator.userActivation && !navigator.userActivation.hasBeenActive) return false;
    try {
      await Promise.race([ctx.resume(), new Promise((resolve) => setTimeout(resolve, 300))]);
    } catch {
      return false;
    }
    // resume() changed the state behind TypeScript's narrowing: read it again.
    if ((ctx.state as AudioContextState) !== 'running') return false;
  }
  const count = options.count ?? 3;
  const volume = options.drill ? 0.12 : 0.25;
  const [low, high] = options.drill ? [660, 880] : [880, 1320];
  const start = ctx.currentTime + 0.05;
  for (let i = 0; i < count; i += 1) {
    for (const [offset, frequency] of [
      [0, low],
      [0.22, high],
    ] as const) {
      const at = start + i * 0.7 + offset;
      const osc = ctx.createOscillator();
      const gain = ctx.createGain();
      osc.type = 'square';
      osc.frequency.setValueAtTime(frequency, at);
      gain.gain.setValueAtTime(0.0001, at);
      gain.gain.exponentialRampToValueAtTime(volume, at + 0.02);
      gain.gain.exponentialRampToValueAtTime(0.0001, at + 0.2);
      osc.connect(gain).connect(ctx.destination);
      osc.start(at);
      osc.stop(at + 0.21);
    }
  }
  return true;
}
