/**
 * config/plugins.{js,ts}: the `passwordless` block under 'users-permissions'.config.
 * Created when absent, edited only in the generated shape, printed otherwise.
 */
import * as path from 'node:path';
import { createFile, readLanguageVariants, replaceFile } from '../files';
import { hasPasswordlessConfig, hasUsersPermissionsKey, insertUsersPermissionsEntry } from '../plugins-config-edit';
import { checkSyntax, type SyntaxCheck } from '../syntax-check';
import { renderPasswordlessBlock, renderPluginsConfig, renderUsersPermissionsEntry } from '../templates';
import type { Change, Project, Step } from '../types';

const WHOLE_ENTRY_HINT = '// Add as a property of the object your config returns; the exported function must receive ({ env }):';

export const pluginsConfigStep: Step = {
  name: 'plugin config',
  plan(project: Project): Change[] {
    const existing = readLanguageVariants(project.root, 'config/plugins');

    if (existing.length === 0) {
      const file = `config/plugins.${project.language}`;
      return [
        {
          status: 'create',
          path: file,
          reason: "passwordless config under 'users-permissions', read from .env",
          write: () => createFile(path.join(project.root, file), renderPluginsConfig(project.language)),
        },
      ];
    }
    const configured = existing.find((candidate) => hasPasswordlessConfig(candidate.text));
    if (configured) {
      return [{ status: 'in place', path: configured.file, reason: "'users-permissions' already has a passwordless block" }];
    }
    if (existing.length > 1) {
      return [
        manual(
          'config/plugins.{js,ts}',
          'both files exist; left untouched. Add this to the one your project loads:',
          wholeEntry()
        ),
      ];
    }

    const { language, file, text } = existing[0];
    if (hasUsersPermissionsKey(text)) {
      return [
        manual(
          file,
          "already configures 'users-permissions'; left untouched. Add this inside its config: { ... }:",
          renderPasswordlessBlock()
        ),
      ];
    }
    const edit = insertUsersPermissionsEntry(text, language);
    if (edit.kind === 'refused') return [manual(file, `left untouched: ${edit.why}. Add this entry:`, wholeEntry())];
    if (checkSyntax(edit.text, language, project.root) !== 'parses') {
      return [
        manual(
          file,
          `left untouched: ${unparsableBecause(checkSyntax(text, language, project.root))}. Add this entry:`,
          wholeEntry()
        ),
      ];
    }
    return [
      {
        status: 'update',
        path: file,
        reason: `added 'users-permissions'.config.passwordless as the first entry${
          edit.addedEnvParameter ? ' and the ({ env }) parameter it reads' : ''
        }; the rest is unchanged`,
        write: () => replaceFile(path.join(project.root, file), { before: text, after: edit.text }),
      },
    ];
  },
};

/** Why the edit was not checked true, judged by how the file parses as it is. */
function unparsableBecause(original: SyntaxCheck): string {
  if (original === 'syntax error') return 'it does not parse as it is';
  if (original === 'unverifiable')
    return "it uses TypeScript syntax and the project's typescript package, needed to check the edit, was not found";
  return 'the edited file would not parse';
}

function wholeEntry(): string {
  return `${WHOLE_ENTRY_HINT}\n${renderUsersPermissionsEntry()}`;
}

function manual(file: string, reason: string, lines: string): Change {
  return { status: 'action needed', path: file, reason, manual: lines };
}
