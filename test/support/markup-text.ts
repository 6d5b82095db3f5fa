/**
 * The words of server-rendered markup as a person reads them: tags dropped, white space
 * collapsed. e.g. textOf('<p>Erledigt <b>(2)</b></p>') → 'Erledigt (2)'
 */
export function textOf(html: string): string {
  return html
    .replace(/<[^>]+>/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}
