/** A wide table that scrolls sideways inside its panel; the scroll area takes keyboard focus. */
import type { ReactNode } from 'react';

interface ScrollTableProps {
  /** The id of the panel heading that names the table. */
  labelledBy: string;
  testId: string;
  /** The column headings, in order. */
  headings: readonly string[];
  /** The body rows. */
  children: ReactNode;
}

/** e.g. <ScrollTable labelledBy="queue-heading" testId="queue-table" headings={['Nummer', …]}>…</ScrollTable> */
export function ScrollTable({ labelledBy, testId, headings, children }: ScrollTableProps) {
  return (
    <div className="of-scroll" role="group" tabIndex={0} aria-labelledby={labelledBy}>
      <table data-testid={testId}>
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
