// Follows a few storage keys and re-reads what they hold after each change: a burst of changes
// (one write touching several keys, two tabs at once) coalesces into one read at a time, and the
// last read always comes after the last change. The pin store and the knowledge store use it.
import { storage } from '@wxt-dev/storage';

type Key = Parameters<typeof storage.watch>[0];

export function watchAndRead<T>(
  keys: readonly Key[],
  read: () => Promise<T>,
  cb: (value: T) => void,
): () => void {
  let stopped = false;
  let running = false;
  let again = false;
  const refresh = () => {
    if (running) {
      again = true;
      return;
    }
    running = true;
    void (async () => {
      try {
        do {
          again = false;
          const value = await read();
          if (!stopped) cb(value);
        } while (again && !stopped);
      } finally {
        running = false;
      }
    })();
  };
  const stops = keys.map((key) => storage.watch(key, refresh));
  return () => {
    stopped = true;
    for (const stop of stops) stop();
  };
}
