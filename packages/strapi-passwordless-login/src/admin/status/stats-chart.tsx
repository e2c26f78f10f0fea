import { Typography, VisuallyHidden } from '@strapi/design-system';

import type { StatsHour } from '../../shared/admin-api';
import { useKit } from '../kit/kit-context';
import type { Translate } from '../use-messages';
import { BarChart } from './bar-chart';
import { hourLabel, SERIES, totalOf } from './stats-series';

/** The last 24 hours: a sentence with the totals, four small charts, and the numbers as a table for screen readers. */
export function StatsChart({ hours, t }: { hours: StatsHour[]; t: Translate }): JSX.Element {
  const { Grid, GridItem } = useKit();
  const totals = Object.fromEntries(SERIES.map(({ name }) => [name, totalOf(hours, name)]));
  return (
    <>
      <Typography id="passwordless-stats-summary">{t('stats.summary', totals)}</Typography>
      <Grid gap={6}>
        {SERIES.map((series) => (
          <GridItem key={series.name} col={6} s={12}>
            <BarChart hours={hours} series={series.name} label={t(series.label)} color={series.color} />
          </GridItem>
        ))}
      </Grid>
      <VisuallyHidden>
        <table>
          <caption>{t('stats.table')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('stats.hour')}</th>
              {SERIES.map((series) => (
                <th key={series.name} scope="col">
                  {t(series.label)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {hours.map((hour) => (
              <tr key={hour.hour}>
                <th scope="row">{hourLabel(hour.hour)}</th>
                {SERIES.map((series) => (
                  <td key={series.name}>{hour[series.name]}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </VisuallyHidden>
    </>
  );
}
