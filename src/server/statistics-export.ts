/**
 * Statistics in the three forms an office head asks for: JSON (`{"periods":[…]}`), CSV (a header
 * row of exactly the field names, `period` first) and XLSX (one sheet, the same header and rows,
 * written with ExcelJS so Excel and LibreOffice open it without a warning).
 */
import ExcelJS from 'exceljs';
import { type PeriodStatistics, STATISTICS_FIELDS } from '../core/statistics.ts';

export type StatisticsFormat = 'json' | 'csv' | 'xlsx';

export const STATISTICS_COLUMNS = ['period', ...STATISTICS_FIELDS] as const;

/** e.g. toStatisticsJson(periods) → '{"periods":[{"period":"2026-11-24",…}]}' */
export function toStatisticsJson(periods: readonly PeriodStatistics[]): string {
  return JSON.stringify({ periods });
}

/** RFC 4180 CSV with a header row; empty cells for "no value" (a median with nothing to take). */
export function toStatisticsCsv(periods: readonly PeriodStatistics[]): string {
  const rows = periods.map((p) => STATISTICS_COLUMNS.map((column) => csvCell(p[column])).join(','));
  return `${[STATISTICS_COLUMNS.join(','), ...rows].join('\r\n')}\r\n`;
}

/** The XLSX bytes: one sheet "Statistik" with a frozen header row. */
export async function toStatisticsXlsx(
  periods: readonly PeriodStatistics[],
  title: string,
): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Terminmarke';
  workbook.title = title;
  const sheet = workbook.addWorksheet('Statistik', { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = STATISTICS_COLUMNS.map((column) => ({
    header: column,
    key: column,
    width: Math.max(12, column.length + 2),
  }));
  sheet.getRow(1).font = { bold: true };
  for (const period of periods) sheet.addRow(period);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

function csvCell(value: string | number | null): string {
  if (value === null) return '';
  const text = String(value);
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}
