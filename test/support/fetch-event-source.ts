/**
 * A minimal EventSource over fetch for tests in Node, which has none: named events only, enough
 * for the host's `GET /host/events`. `close()` aborts the stream.
 */
export class FetchEventSource extends EventTarget {
  private readonly controller = new AbortController();
  readonly opened: Promise<void>;

  constructor(readonly url: string) {
    super();
    this.opened = this.read();
  }

  close(): void {
    this.controller.abort();
  }

  private async read(): Promise<void> {
    const response = await fetch(this.url, { signal: this.controller.signal });
    if (!response.ok || !response.body) throw new Error(`event stream answered ${response.status}`);
    const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
    let buffer = '';
    void (async () => {
      try {
        for (;;) {
          const { value, done } = await reader.read();
          if (done) return;
          buffer += value;
          let end: number;
          while ((end = buffer.indexOf('\n\n')) >= 0) {
            this.deliver(buffer.slice(0, end));
            buffer = buffer.slice(end + 2);
          }
        }
      } catch (error) {
        if (!this.controller.signal.aborted) throw error;
      }
    })();
  }

  private deliver(block: string): void {
    const name = /^event: (.*)$/m.exec(block)?.[1];
    const data = /^data: (.*)$/m.exec(block)?.[1];
    if (name && data !== undefined) this.dispatchEvent(new MessageEvent(name, { data }));
  }
}
