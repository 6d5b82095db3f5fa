/**
 * A pass that runs one at a time and never misses a request: a call while a pass runs gets the
 * running pass's promise and makes it go round once more, because the running pass may have
 * read its input (the outbox, the feed) before the caller's change was there.
 */

/**
 * e.g. const pull = oneAtATime(pullPages); pull(); pull() → one pass, then one more
 * `goOn(result)` may refuse the extra round, e.g. after a pass that could not finish.
 */
export function oneAtATime<T>(
  pass: () => Promise<T>,
  goOn: (result: T) => boolean = () => true,
): () => Promise<T> {
  let running: Promise<T> | null = null;
  let again = false;
  return () => {
    if (running) {
      again = true;
      return running;
    }
    running = (async () => {
      try {
        let result: T;
        do {
          again = false;
          result = await pass();
        } while (again && goOn(result));
        return result;
      } finally {
        running = null;
      }
    })();
    return running;
  };
}
