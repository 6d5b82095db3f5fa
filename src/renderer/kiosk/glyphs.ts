/**
 * Pictograms and icons drawn for the kiosk as SVG path data: stroked in the text colour so
 * they follow the contrast mode, `fill` parts solid; `mask` parts are filled and `knockout`
 * parts stroked in the background colour, to cut shapes out of what lies beneath.
 * Pictograms use a 64-unit box, icons a 24-unit box.
 */

export interface Shape {
  d: string;
  kind?: 'stroke' | 'fill' | 'mask' | 'knockout';
}

/** A full circle as path data. e.g. (12, 12, 2) → 'M14 12a2 2 0 1 1 -4 0a2 2 0 1 1 4 0z' */
export function circle(cx: number, cy: number, r: number): string {
  return `M${cx + r} ${cy}a${r} ${r} 0 1 1 ${-2 * r} 0a${r} ${r} 0 1 1 ${2 * r} 0z`;
}

const DOCUMENT: Shape[] = [
  { d: 'M16 6H40L50 16V58H16Z' },
  { d: 'M40 6V16H50' },
  { d: 'M23 27H43M23 35H43M23 43H36' },
];

/** Pictograms of the demo office's short concerns, by service id (LeiKa key or slug). */
export const PICTOGRAMS: Record<string, Shape[]> = {
  // Meldebescheinigung: a house and the certificate about it.
  '99115003012000': [
    { d: 'M5 31L27 12L45 27' },
    { d: 'M11 26V56H31' },
    { d: 'M19 56V44H26V56' },
    { d: 'M33 28H49L57 36V58H33Z', kind: 'mask' },
    { d: 'M33 28H49L57 36V58H33Z' },
    { d: 'M49 28V36H57M39 44H51M39 51H51' },
  ],
  // Führungszeugnis: a document with a seal.
  fuehrungszeugnis: [
    { d: 'M12 6H36L46 16V58H12Z' },
    { d: 'M36 6V16H46M19 26H39M19 33H39M19 40H29' },
    { d: circle(44, 46, 11), kind: 'fill' },
    { d: 'M38.5 46L42.5 50L49.5 42', kind: 'knockout' },
  ],
  // PIN of the online ID: an ID card with hidden digits.
  '99008004011001': [
    { d: 'M5 14H59V50H5Z' },
    { d: 'M11 22H25V40H11Z' },
    { d: `${circle(34, 30, 3)}${circle(43, 30, 3)}${circle(52, 30, 3)}`, kind: 'fill' },
    { d: 'M31 40H55' },
  ],
  // Parking permit for disabled people: the P sign and the wheelchair symbol.
  'parkausweis-verlaengern': [
    { d: 'M6 6H58V58H6Z' },
    { d: 'M14 46V18H23A7 7 0 0 1 23 32H14' },
    { d: circle(42, 18, 3.5), kind: 'fill' },
    { d: 'M41 25V37H50L53 46' },
    { d: 'M35 33A9 9 0 1 0 48 44' },
  ],
  // Address in the vehicle registration: a car and a location pin.
  'fahrzeugschein-adresse': [
    { d: 'M47 4A8 8 0 0 1 55 12C55 18 47 26 47 26C47 26 39 18 39 12A8 8 0 0 1 47 4Z' },
    { d: circle(47, 12, 2.5), kind: 'fill' },
    { d: 'M5 49V41L12 38L19 30H39L47 38L58 41V49Z' },
    { d: 'M22 37L25 33H35L39 37Z' },
    { d: `${circle(17, 50, 5)}${circle(46, 50, 5)}`, kind: 'fill' },
    { d: `${circle(17, 50, 1.8)}${circle(46, 50, 1.8)}`, kind: 'mask' },
  ],
};

/** The pictogram of a concern, a plain document for services without their own. */
export function pictogramFor(serviceId: string): Shape[] {
  return PICTOGRAMS[serviceId] ?? DOCUMENT;
}

export const ICONS = {
  language: [{ d: `${circle(12, 12, 9.5)}M2.5 12H21.5M12 2.5C7 8 7 16 12 21.5C17 16 17 8 12 2.5` }],
  contrast: [{ d: circle(12, 12, 9) }, { d: 'M12 3A9 9 0 0 1 12 21Z', kind: 'fill' }],
  largeText: [{ d: 'M2.5 19L6.5 10L10.5 19M4 16H9M11 19L16 5L21 19M13 14H19' }],
  seated: [
    { d: circle(10, 4, 2), kind: 'fill' },
    { d: 'M10 7.5V14H16L18 20' },
    { d: 'M6.5 11A6 6 0 1 0 14.5 18.5' },
  ],
  speaker: [
    { d: 'M3.5 9H7.5L12.5 5V19L7.5 15H3.5Z', kind: 'fill' },
    { d: 'M15.5 9A4 4 0 0 1 15.5 15M18 6.5A8 8 0 0 1 18 17.5' },
  ],
  bell: [{ d: 'M5.5 17H18.5L17 15V10.5A5 5 0 0 0 7 10.5V15Z' }, { d: 'M10 20A2 2 0 0 0 14 20' }],
  forward: [{ d: 'M4 12H19M13 6L19 12L13 18' }],
  back: [{ d: 'M20 12H5M11 6L5 12L11 18' }],
  check: [{ d: 'M5 12.5L9.5 17L19 7' }],
  printer: [{ d: 'M7 9V3H17V9M7 18H4V10H20V18H17M7 14H17V21H7Z' }],
  home: [{ d: 'M3.5 11.5L12 4L20.5 11.5M6 9.5V20H18V9.5M10 20V14H14V20' }],
  camera: [{ d: 'M3 8H7.5L9 5.5H15L16.5 8H21V19H3Z' }, { d: circle(12, 13, 3.5) }],
  close: [{ d: 'M6 6L18 18M18 6L6 18' }],
  clock: [{ d: `${circle(12, 12, 9)}M12 7V12L15.5 14` }],
  pin: [{ d: `M12 21S5 14 5 9.5A7 7 0 0 1 19 9.5C19 14 12 21 12 21Z${circle(12, 9.5, 2.5)}` }],
  calendar: [{ d: 'M4 6H20V20H4ZM4 10H20M8 3.5V7.5M16 3.5V7.5' }],
  bag: [{ d: 'M4 8H20V20H4ZM9 8V5H15V8' }],
  erase: [{ d: 'M9 5H21V19H9L3 12ZM12 9L17 15M17 9L12 15' }],
} satisfies Record<string, Shape[]>;

export type IconName = keyof typeof ICONS;
