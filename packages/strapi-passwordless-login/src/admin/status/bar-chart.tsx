import { Box, Flex, Typography } from '@strapi/design-system';

import type { StatsHour } from '../../shared/admin-api';
import { hourLabel, totalOf, type SeriesName } from './stats-series';

const BAR = 8;
const GAP = 2;
const HEIGHT = 48;

/**
 * One counter over 24 hours as plain SVG bars (no chart library in the admin bundle).
 * The SVG is hidden from assistive technology: the total is in the text and the hourly
 * numbers are in the visually-hidden table next to the charts.
 */
export function BarChart(props: { hours: StatsHour[]; series: SeriesName; label: string; color: string }): JSX.Element {
  const { hours, series, label, color } = props;
  const max = Math.max(1, ...hours.map((hour) => hour[series]));
  const width = hours.length * (BAR + GAP);
  return (
    <Box>
      <Flex justifyContent="space-between" paddingBottom={1}>
        <Typography variant="pi" fontWeight="bold">
          {label}
        </Typography>
        <Typography variant="pi">{totalOf(hours, series)}</Typography>
      </Flex>
      <svg viewBox={`0 0 ${width} ${HEIGHT}`} width="100%" height={HEIGHT} preserveAspectRatio="none" aria-hidden="true" focusable="false">
        <line x1={0} x2={width} y1={HEIGHT - 0.5} y2={HEIGHT - 0.5} stroke="#dcdce4" strokeWidth={1} />
        {hours.map((hour, index) => {
          const height = hour[series] === 0 ? 0 : Math.max(2, (hour[series] / max) * (HEIGHT - 2));
          return <rect key={hour.hour} x={index * (BAR + GAP)} y={HEIGHT - height} width={BAR} height={height} fill={color} rx={1} />;
        })}
      </svg>
      {hours.length > 0 ? (
        <Flex justifyContent="space-between" aria-hidden="true">
          <Typography variant="pi" textColor="neutral600">
            {hourLabel(hours[0].hour)}
          </Typography>
          <Typography variant="pi" textColor="neutral600">
            {hourLabel(hours[hours.length - 1].hour)}
          </Typography>
        </Flex>
      ) : null}
    </Box>
  );
}
