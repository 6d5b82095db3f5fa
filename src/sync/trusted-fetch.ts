/**
 * A fetch that trusts a city CA (PEM) in addition to nothing else: the device talks to one
 * server, so its certificate must chain to that CA. Node's own fetch cannot take a CA, so this
 * uses undici (the library Node's fetch is built from) with its own agent.
 */
import { Agent, fetch as undiciFetch } from 'undici';

/** e.g. fetchTrusting(readFileSync('city-ca.pem', 'utf8'))('https://termine.stadt.example/…') */
export function fetchTrusting(caPem: string): typeof fetch {
  const dispatcher = new Agent({ connect: { ca: caPem } });
  return async (input, init) => {
    const url = input instanceof Request ? input.url : String(input);
    const response = await undiciFetch(url, {
      method: init?.method,
      headers: init?.headers as Record<string, string> | undefined,
      body: typeof init?.body === 'string' ? init.body : undefined,
      signal: init?.signal ?? undefined,
      dispatcher,
    });
    // undici's Response is the class Node's own fetch returns, from a newer release; the two
    // type declarations differ only in the generic of `body` (ReadableStream<any> vs <Uint8Array>).
    return response as unknown as Response;
  };
}
