/**
 * config/plugins.{js,ts}: the `passwordless` block under 'users-permissions'.config.
 * Created when absent, edited only in the generated shape, printed otherwise. Strapi 5's
 * generator writes a 'users-permissions' entry already: the block goes inside its config.
 */
import * as path from 'node:path';
import type { ConfigEdit } from '../config-function';
import { createFile, readLanguageVariants, replaceFile } from '../files';
import { hasPasswordlessConfig, hasUsersPermissionsKey, insertUsersPermissionsEntry } from '../plugins-config-edit';
import { checkSyntax, type SyntaxCheck } from '../syntax-check';
import { renderPasswordlessBlock, renderPluginsConfig, renderUsersPermissionsEntry, TYPED_ENV_PARAMETER } from '../templates';
import type { Change, Language, Project, Step } from '../types';
import { insertPasswordlessBlock } from '../users-permissions-config-edit';

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
          write: () => createFile(path.join(project.root, file), renderPluginsConfig(project.language, project.strapiMajor)),
        },
      ];
    }
    const configured = existing.find((candidate) => hasPasswordlessConfig(candidate.text));
    if (configured) {
      return [{ status: 'in place', path: configured.file, reason: "'users-permissions' already has a passwordless block" }];
    }
    if (existing.length > 1) {
      const lines = wholeEntry(project, project.language);
      return [
        manual('config/plugins.{js,ts}', 'both files exist; left untouched. Add this to the one your project loads:', lines),
      ];
    }
    return [planEdit(project, existing[0])];
  },
};

function planEdit(project: Project, { language, file, text }: { language: Language; file: string; text: string }): Change {
  const intoEntry = hasUsersPermissionsKey(text);
  // Strapi 4 keeps to what init always did: a configured 'users-permissions' is the user's to edit.
  if (intoEntry && project.strapiMajor === 4) {
    return manual(
      file,
      "already configures 'users-permissions'; left untouched. Add this inside its config: { ... }:",
      renderPasswordlessBlock()
    );
  }
  const lines = intoEntry ? blockWithHint(project, language) : wholeEntry(project, language);
  const addThis = intoEntry ? "Add this inside its 'users-permissions' config: { ... }:" : 'Add this entry:';
  const edit: ConfigEdit = intoEntry
    ? insertPasswordlessBlock(text, language)
    : insertUsersPermissionsEntry(text, language, { declarationsBefore: project.strapiMajor === 5 });

  if (edit.kind === 'refused') return manual(file, `left untouched: ${edit.why}. ${addThis}`, lines);
  if (edit.addedEnvParameter && language === 'ts' && project.strapiMajor === 5) {
    const why = 'its function has no { env } parameter, and an untyped one fails the strict TypeScript build of Strapi 5';
    return manual(file, `left untouched: ${why}. ${addThis}`, lines);
  }
  if (checkSyntax(edit.text, language, project.root) !== 'parses') {
    const why = unparsableBecause(checkSyntax(text, language, project.root));
    return manual(file, `left untouched: ${why}. ${addThis}`, lines);
  }
  const what = intoEntry
    ? "added passwordless inside 'users-permissions'.config"
    : "added 'users-permissions'.config.passwordless";
  return {
    status: 'update',
    path: file,
    reason: `${what} as the first entry${
      edit.addedEnvParameter ? ' and the ({ env }) parameter it reads' : ''
    }; the rest is unchanged`,
    write: () => replaceFile(path.join(project.root, file), { before: text, after: edit.text }),
  };
}

/** Why the edit was not checked true, judged by how the file parses as it is. */
function unparsableBecause(original: SyntaxCheck): string {
  if (original === 'syntax error') return 'it does not parse as it is';
  if (original === 'unverifiable')
    return "it uses TypeScript syntax and the project's typescript package, needed to check the edit, was not found";
  return 'the edited file would not parse';
}

/** The parameter the printed lines need, as the project's compiler will accept it. */
function envParameter(project: Project, language: Language): string {
  return language === 'ts' && project.strapiMajor === 5 ? TYPED_ENV_PARAMETER : '({ env })';
}

function wholeEntry(project: Project, language: Language): string {
  const parameter = envParameter(project, language);
  return `// Add as a property of the object your config returns; the exported function must receive ${parameter}:\n${renderUsersPermissionsEntry()}`;
}

function blockWithHint(project: Project, language: Language): string {
  return `// The exported function must receive ${envParameter(project, language)}:\n${renderPasswordlessBlock()}`;
}

function manual(file: string, reason: string, lines: string): Change {
  return { status: 'action needed', path: file, reason, manual: lines };
}
