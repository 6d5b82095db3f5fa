/**
 * A pass that runs one at a time and never misses a request: a call while a pass runs gets the
 * running pass's promise and makes it go round once more, because the running pass may have
 * read its input (the outbox, the feed) before the caller's change was there.
 */

export interface OneAtATime<T> {
  /** Runs a pass, or joins the running one and makes it go round once more. */
  run(): Promise<T>;
  /** From inside a pass: go round once more after it (it left work behind itself). */
  again(): void;
}

/**
 * e.g. const pull = oneAtATime(pullPages); pull.run(); pull.run() → one pass, then one more
 * `goOn(result)` may refuse the extra round, e.g. after a pass that could not finish.
 */
export function oneAtATime<T>(
  pass: () => Promise<T>,
  goOn: (result: T) => boolean = () => true,
): OneAtATime<T> {
  let running: Promise<T> | null = null;
  let again = false;
  return {
    run() {
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
    },
    again() {
      again = true;
    },
  };
}
