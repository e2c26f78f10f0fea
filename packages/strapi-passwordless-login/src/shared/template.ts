/**
 * Shared by the server (mailer, config checks) and the admin page (live preview), so the
 * preview is rendered by the very code that renders the email.
 *
 * Email templates: `<%= NAME %>` placeholders, substituted and never evaluated.
 * users-permissions feeds admin strings to lodash `template`, which also runs
 * `<% code %>` blocks; here anything but a known placeholder is refused at boot.
 */
export const PLACEHOLDER = /<%=\s*([A-Za-z_][A-Za-z0-9_.]*)\s*%>/g;
const ANY_TAG = /<%/g;

export const TEMPLATE_PLACEHOLDERS = ['CODE', 'URL', 'USER.username', 'USER.email', 'EXPIRES_IN_MINUTES', 'APP_NAME'] as const;
export type TemplateValues = Record<(typeof TEMPLATE_PLACEHOLDERS)[number], string>;

/** Names a template refers to that are not known placeholders, plus any non-`<%=` tag. */
export function findTemplateProblems(template: string): string[] {
  const problems: string[] = [];
  const known: readonly string[] = TEMPLATE_PLACEHOLDERS;
  let placeholders = 0;
  for (const match of template.matchAll(PLACEHOLDER)) {
    placeholders += 1;
    if (!known.includes(match[1])) problems.push(`unknown placeholder "${match[1]}"`);
  }
  const tags = template.match(ANY_TAG)?.length ?? 0;
  if (tags > placeholders) problems.push('only <%= NAME %> placeholders are allowed');
  return problems;
}

const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (char) => HTML_ESCAPES[char]);
}

/** Whether a template refers to the given placeholder. */
export function usesPlaceholder(template: string, name: string): boolean {
  return [...template.matchAll(PLACEHOLDER)].some((match) => match[1] === name);
}

/** Substitutes placeholders; in the HTML part values are escaped (a username can hold markup). */
export function renderTemplate(template: string, values: TemplateValues, options: { html: boolean }): string {
  return template.replace(PLACEHOLDER, (_match, name: keyof TemplateValues) => {
    // Own keys only: `<%= constructor %>` must not reach Object.prototype (the preview
    // renders unsaved drafts, which the server's checks have not seen yet).
    const value = Object.prototype.hasOwnProperty.call(values, name) ? values[name] : '';
    return options.html ? escapeHtml(value) : value;
  });
}
