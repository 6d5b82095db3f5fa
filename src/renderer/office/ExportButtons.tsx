/**
 * The daily figures of the chosen range as the server writes them (CSV, XLSX, JSON), fetched with
 * the token in its header and handed to the browser's download.
 */
import { useState } from 'react';
import type { PanelProps } from './Dashboard.tsx';
import { saveFile } from './download.ts';
import { OfficeApiError, getFile } from './office-api.ts';
import type { StatisticsRange } from './StatisticsPanel.tsx';
import { ProblemLine } from './ProblemLine.tsx';

const FORMATS = [
  { format: 'csv', key: 'office.stats.exportCsv' },
  { format: 'xlsx', key: 'office.stats.exportXlsx' },
  { format: 'json', key: 'office.stats.exportJson' },
] as const;

export function ExportButtons(props: PanelProps & { range: StatisticsRange }) {
  const { session, range, words, onAuthFailure } = props;
  const { t } = words;
  const [problem, setProblem] = useState<string | null>(null);
  const download = (format: (typeof FORMATS)[number]['format']) => {
    const name = `statistik-${session.office}-${range.from}-${range.to}-day.${format}`;
    const path = `statistics?from=${range.from}&to=${range.to}&by=day&format=${format}`;
    setProblem(null);
    getFile(session, path, name).then(
      (file) => saveFile(file.blob, file.name),
      (error: unknown) => {
        if (error instanceof OfficeApiError && error.isAuthFailure) return onAuthFailure(error);
        setProblem(
          t('office.stats.exportFailed', {
            message: error instanceof Error ? error.message : String(error),
          }),
        );
      },
    );
  };
  return (
    <div role="group" aria-labelledby="export-label" className="of-export">
      <span id="export-label">{t('office.stats.export')}</span>
      {FORMATS.map(({ format, key }) => (
        <button key={format} type="button" className="of-button" onClick={() => download(format)}>
          {t(key)}
        </button>
      ))}
      <ProblemLine text={problem} />
    </div>
  );
}
