/** The counters of StatsHour, with the colour each is drawn in (design-system 600 tones). */
import type { StatsHour } from '../../shared/admin-api';
import type { MessageKey } from '../translations';

export type SeriesName = 'requested' | 'succeeded' | 'failed' | 'locked' | 'limited';

export const SERIES: Array<{ name: SeriesName; label: MessageKey; color: string }> = [
  { name: 'requested', label: 'stats.requested', color: '#4945ff' },
  { name: 'succeeded', label: 'stats.succeeded', color: '#328048' },
  { name: 'failed', label: 'stats.failed', color: '#be5d01' },
  { name: 'locked', label: 'stats.locked', color: '#d02b20' },
  { name: 'limited', label: 'stats.limited', color: '#666687' },
];

export function totalOf(hours: StatsHour[], name: SeriesName): number {
  return hours.reduce((sum, hour) => sum + hour[name], 0);
}

/** "14:00" in UTC, as the server counts hours in UTC. */
export function hourLabel(iso: string): string {
  return `${iso.slice(11, 13)}:00`;
}
