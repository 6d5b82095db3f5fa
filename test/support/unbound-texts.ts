/**
 * The paths of a bound text object (a screen's words, a ticket's phrases) that hold no text:
 * a field typed as a string whose catalogue message takes arguments is left out by
 * `plainTexts`, and must be bound by hand instead. e.g. ({ a: 'x', b: { c: undefined } }) → ['b.c']
 */
export function unboundTexts(value: unknown, path = ''): string[] {
  if (typeof value === 'string') return value === '' ? [path] : [];
  if (typeof value === 'function') return [];
  if (typeof value !== 'object' || value === null) return [path];
  return Object.entries(value).flatMap(([key, inner]) =>
    unboundTexts(inner, path ? `${path}.${key}` : key),
  );
}
