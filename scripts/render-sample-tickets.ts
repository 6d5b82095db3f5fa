/**
 * Renders the sample pictures of a printed Terminmarke under docs/: a German ticket and one for
 * an Arabic-speaking citizen, 80 mm paper, drawn from the exact ESC/POS bytes the printer gets
 * (the virtual printer's picture). Run: node bin/run-ts.js scripts/render-sample-tickets.ts
 */
import { writeFile } from 'node:fs/promises';
import { renderEscPosPicture } from '../src/printer/escpos-picture.ts';
import { makeSampleTicket } from '../src/printer/sample-ticket.ts';
import { renderTicketBytes } from '../src/printer/ticket-printer.ts';

const SAMPLES = [
  { file: 'docs/ticket-de.png', language: 'de' },
  { file: 'docs/ticket-ar.png', language: 'ar' },
] as const;

for (const { file, language } of SAMPLES) {
  const began = performance.now();
  const bytes = renderTicketBytes(makeSampleTicket({ language }), 80);
  const encoded = performance.now();
  const png = await renderEscPosPicture(bytes, 80);
  await writeFile(file, png);
  const layoutMs = (encoded - began).toFixed(1);
  const pictureMs = (performance.now() - encoded).toFixed(1);
  console.log(
    `${file}: ${bytes.length} bytes ESC/POS (${layoutMs} ms), picture ${png.length} bytes (${pictureMs} ms)`,
  );
}
