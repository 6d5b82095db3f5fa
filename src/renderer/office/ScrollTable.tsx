/** A wide table that scrolls sideways inside its panel; the scroll area takes keyboard focus. */
import type { ReactNode } from 'react';

interface ScrollTableProps {
  /** The panel: its heading `<area>-heading` names the table, test id `<area>-table`. */
  area: 'devices' | 'queue';
  /** The column headings, in order. */
  headings: readonly string[];
  /** The body rows. */
  children: ReactNode;
}

/** e.g. <ScrollTable area="queue" headings={['Nummer', …]}>…</ScrollTable> */
export function ScrollTable({ area, headings, children }: ScrollTableProps) {
  return (
    <div className="of-scroll" role="group" tabIndex={0} aria-labelledby={`${area}-heading`}>
      <table data-testid={`${area}-table`}>
        <thead>
          <tr>
            {headings.map((heading) => (
              <th scope="col" key={heading}>
                {heading}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>{children}</tbody>
      </table>
    </div>
  );
}
