/**
 * Text through the printer's own character generator: code page PC858 (PC850 with the euro sign
 * at 0xD5), selected with ESC t 19 (Epson ESC/POS reference, "ESC t n: Select character code
 * table", https://reference.epson-biz.com/modules/ref_escpos/index.php?content_id=32).
 * PC858 carries every German letter (ä ö ü Ä Ö Ü ß) and €; text with anything else is printed
 * as a raster image instead (see text-raster.ts), never as a silent '?'.
 */

/** ESC t n value for PC858 on Epson-compatible printers. */
export const PC858_TABLE_NUMBER = 19;

// The upper half of PC858, 0x80–0xFF, one character per byte value (IBM code page 858).
const UPPER_HALF =
  'ÇüéâäàåçêëèïîìÄÅ' +
  'ÉæÆôöòûùÿÖÜø£Ø×ƒ' +
  'áíóúñÑªº¿®¬½¼¡«»' +
  '░▒▓│┤ÁÂÀ©╣║╗╝¢¥┐' +
  '└┴┬├─┼ãÃ╚╔╩╦╠═╬¤' +
  'ðÐÊËÈ€ÍÎÏ┘┌█▄¦Ì▀' +
  'ÓßÔÒõÕµþÞÚÛÙýÝ¯´' +
  '\u00AD±‗¾¶§÷¸°¨·¹³²■\u00A0';

const ENCODE = new Map<string, number>();
for (let i = 0; i < UPPER_HALF.length; i++) ENCODE.set(UPPER_HALF[i] as string, 0x80 + i);

// Typography that the kiosk's texts use but the code page lacks; the ASCII stand-ins read the
// same on paper, so such a line stays crisp printer text instead of becoming a picture.
const STAND_INS: Record<string, string> = {
  '\u2018': "'",
  '\u2019': "'",
  '\u201A': ',',
  '\u201C': '"',
  '\u201D': '"',
  '\u201E': '"',
  '\u2013': '-',
  '\u2014': '-',
  '\u2026': '...',
  '\u2022': '*',
  '\u202F': ' ',
};

/** The text with typographic punctuation replaced by ASCII. e.g. 'Citizens’ Office' → "Citizens' Office" */
export function substituteTypography(text: string): string {
  let out = '';
  for (const char of text) out += STAND_INS[char] ?? char;
  return out;
}

/**
 * PC858 bytes for a text, or null when some character is not in the code page (after
 * typographic stand-ins). e.g. 'Bürgerbüro' → 42 81 72 67 65 72 62 81 72 6F; 'Довідка' → null
 */
export function encodePc858(text: string): Uint8Array | null {
  const bytes: number[] = [];
  for (const char of substituteTypography(text)) {
    const code = char.codePointAt(0) as number;
    // Printable ASCII only: control characters inside text would be read as commands.
    if (code >= 0x20 && code < 0x7f) bytes.push(code);
    else if (ENCODE.has(char)) bytes.push(ENCODE.get(char) as number);
    else return null;
  }
  return Uint8Array.from(bytes);
}

/** True when the printer can print the text in its code page. e.g. 'Straße' → true, 'İkamet' → false */
export function isPrintableInPc858(text: string): boolean {
  return encodePc858(text) !== null;
}

/** The character a PC858 byte prints. e.g. 0x81 → 'ü', 0x41 → 'A' */
export function decodePc858Byte(byte: number): string {
  if (byte < 0x80) return String.fromCharCode(byte);
  return UPPER_HALF[byte - 0x80] ?? '?';
}
