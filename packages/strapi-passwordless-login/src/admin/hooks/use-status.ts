import type { StatsResponse, StatusResponse } from '../../shared/admin-api';
import { useAdminApi } from '../api/client';
import { API } from '../api/paths';
import { useLoad, type Loaded } from './use-load';

export interface StatusData {
  status: Loaded<StatusResponse>;
  stats: Loaded<StatsResponse>;
}

/** Status and stats load apart: a failing stats query must not hide the setup facts. */
export function useStatus(options: { enabled: boolean }): StatusData {
  const { get } = useAdminApi().client;
  const status = useLoad(async () => (await get<StatusResponse>(API.status)).data, options);
  const stats = useLoad(async () => (await get<StatsResponse>(API.stats)).data, options);
  return { status, stats };
}
