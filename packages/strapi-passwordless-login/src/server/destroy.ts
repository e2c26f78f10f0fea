import { getService } from './utils/get-service';

/** Lets deliveries already under way finish before the process goes, closes Redis, saves the last activity counts. */
export async function destroyPasswordless(): Promise<void> {
  await getService('passwordless').settled();
  try {
    await getService('passwordless-limits').close();
  } finally {
    await getService('passwordless-stats').stop();
  }
}
