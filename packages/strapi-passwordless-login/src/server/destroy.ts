import { getService } from './utils/get-service';

/** Lets deliveries already under way finish before the process goes, then closes Redis. */
export async function destroyPasswordless(): Promise<void> {
  await getService('passwordless').settled();
  await getService('passwordless-limits').close();
}
