/** What init sets up, in order. A new concern is a new file here and one line in this list. */
import type { Step } from '../types';
import { extensionShimStep } from './extension-shim';
import { pluginsConfigStep } from './plugins-config';
import { envStep } from './env';
import { gitignoreStep } from './gitignore';
import { envExampleStep } from './env-example';
import { adminAppStep } from './admin-app';

export const INIT_STEPS: readonly Step[] = [extensionShimStep, pluginsConfigStep, envStep, gitignoreStep, envExampleStep, adminAppStep];
