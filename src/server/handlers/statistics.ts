/**
 * `GET …/statistics?from=YYYY-MM-DD&to=YYYY-MM-DD[&by=day|hour][&format=json|csv|xlsx]` (admin):
 * aggregates only, the same figures as `terminmarke stats`.
 */
import { queryStatistics } from '../../store/statistics-query.ts';
import { routes } from '../../wire/routes.ts';
import { type Route, mount } from '../context.ts';
import { badRequest } from '../errors.ts';
import { toStatisticsCsv, toStatisticsXlsx } from '../statistics-export.ts';
import { statisticsRangeProblem } from '../statistics-range.ts';

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

const statistics = mount(routes.statistics, async (request) => {
  const params = request.url.searchParams;
  const from = params.get('from') ?? '';
  const to = params.get('to') ?? '';
  const by = params.get('by') ?? 'day';
  const format = params.get('format') ?? 'json';
  const problem = statisticsRangeProblem(from, to);
  if (problem) throw badRequest('invalid-range', `${problem}.`);
  if (by !== 'day' && by !== 'hour') throw badRequest('invalid-by', 'by: expected day or hour.');
  if (format !== 'json' && format !== 'csv' && format !== 'xlsx') {
    throw badRequest('invalid-format', 'format: expected json, csv or xlsx.');
  }
  const { office, services } = request;
  const periods = queryStatistics(services.db, {
    officeId: office.id,
    timeZone: office.timeZone,
    from,
    to,
    by,
  });
  if (format === 'json') return { status: 200, body: { periods } };
  const name = `statistik-${office.id}-${from}-${to}-${by}.${format}`;
  const bytes =
    format === 'csv'
      ? Buffer.from(toStatisticsCsv(periods), 'utf8')
      : await toStatisticsXlsx(periods, `Statistik ${office.id} ${from}–${to}`);
  request.res.writeHead(200, {
    'content-type': format === 'csv' ? 'text/csv; charset=utf-8' : XLSX_TYPE,
    'content-length': bytes.length,
    'content-disposition': `attachment; filename="${name}"`,
    'cache-control': 'no-store',
  });
  request.res.end(bytes);
  return null;
});

export const statisticsRoutes: Route[] = [statistics];
