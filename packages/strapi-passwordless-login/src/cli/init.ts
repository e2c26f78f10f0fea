/**
 * `init`: every step plans against the files as they are, then the planned writes
 * run. Nothing is written before all steps have looked, and nothing on --dry-run.
 */
import { detectProject } from './project';
import { renderNextSteps } from './next-steps';
import { renderChange, renderSummary } from './report';
import { INIT_STEPS } from './steps';
import type { Change, CliIo } from './types';

export interface InitOptions {
  dryRun: boolean;
}

export async function runInit(io: CliIo, options: InitOptions): Promise<number> {
  const detection = detectProject(io);
  if (detection.kind === 'refused') {
    io.stderr.write(`${detection.message}\n`);
    return 1;
  }
  const { project } = detection;
  const language = project.language === 'ts' ? 'TypeScript' : 'JavaScript';
  io.stdout.write(
    `Strapi ${project.strapiVersion} project (${language}) in ${project.root}${options.dryRun ? ' (dry run)' : ''}\n\n`
  );

  const changes: Change[] = [];
  for (const step of INIT_STEPS) changes.push(...(await step.plan(project)));

  for (const change of changes) {
    if (!options.dryRun) change.write?.();
    io.stdout.write(renderChange(change, { dryRun: options.dryRun }));
  }
  io.stdout.write(`\n${renderSummary(changes, { dryRun: options.dryRun })}\n${renderNextSteps(project)}`);
  return 0;
}
