/** A QR code drawn as SVG from its module matrix; dark on light in every mode so phones read it. */
import { useMemo } from 'react';
import { createQrSvg } from '../qr-svg.ts';

/** The QR code of a text, as an image with an accessible name. */
export function QrCode({ text, label }: { text: string; label: string }) {
  const { size, path } = useMemo(() => createQrSvg(text), [text]);
  return (
    <svg
      className="qr"
      viewBox={`0 0 ${size} ${size}`}
      role="img"
      aria-label={label}
      shapeRendering="crispEdges"
    >
      <rect width={size} height={size} fill="#fff" />
      <path d={path} fill="#000" />
    </svg>
  );
}
