/**
 * Fills `{name}` placeholders of a catalogue text; an unknown placeholder stays visible so a
 * missing value shows up in review rather than as an empty gap.
 * e.g. fillTemplate('Wartende: {count}', { count: 4 }) → 'Wartende: 4'
 */
export function fillTemplate(
  template: string,
  params: Record<string, string | number> = {},
): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in params ? String(params[name]) : whole,
  );
}
