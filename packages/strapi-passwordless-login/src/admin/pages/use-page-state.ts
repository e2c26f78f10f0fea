import { useEffect, useState } from 'react';
import { useNotifyAT } from '@strapi/design-system';

import { useAdminApi } from '../api/client';
import { useAccessEditor, type AccessEditor } from '../hooks/use-access-editor';
import { useStatus, type StatusData } from '../hooks/use-status';
import { useTemplatesEditor, type TemplatesEditor } from '../hooks/use-templates-editor';
import { useMessages, type Translate } from '../use-messages';

export type TabName = 'status' | 'templates' | 'access';

/** What the signed-in admin may do here, from users-permissions' own admin actions (permissions.ts). */
export interface PageRights {
  loading: boolean;
  canReadTemplates: boolean;
  canUpdateTemplates: boolean;
  canReadSettings: boolean;
  canUpdateSettings: boolean;
}

/** PageRights from helper-plugin's useRBAC(RBAC_CHECKS) on Strapi 4 (a missing action is not allowed). */
export function rightsOf(rbac: { isLoading: boolean; allowedActions: Record<string, boolean | undefined> }): PageRights {
  const can = (name: string): boolean => Boolean(rbac.allowedActions[name]);
  return {
    loading: rbac.isLoading,
    canReadTemplates: can('canReadTemplates'),
    canUpdateTemplates: can('canUpdateTemplates'),
    canReadSettings: can('canReadSettings'),
    canUpdateSettings: can('canUpdateSettings'),
  };
}

export interface PageState {
  t: Translate;
  rights: PageRights;
  /** The tabs this admin may read, in order. */
  tabs: TabName[];
  current: TabName | undefined;
  select: (tab: TabName) => void;
  status: StatusData;
  templates: TemplatesEditor;
  access: AccessEditor;
  /** The editor the header's Save button saves (none on the status tab). */
  editor: TemplatesEditor | AccessEditor | null;
  canSave: boolean;
  save: () => Promise<void>;
}

/**
 * Everything the page does apart from drawing it, for both majors' pages: which tabs
 * show (each with its read permission), the data, and the header's Save button, as on
 * users-permissions' own settings pages.
 */
export function usePageState(rights: PageRights): PageState {
  const t = useMessages();
  const { notify } = useAdminApi();
  const { notifyStatus } = useNotifyAT();
  const { loading, canReadTemplates, canUpdateTemplates, canReadSettings, canUpdateSettings } = rights;

  const status = useStatus({ enabled: !loading && canReadSettings });
  const templates = useTemplatesEditor({ enabled: !loading && canReadTemplates });
  const access = useAccessEditor({ enabled: !loading && canReadSettings });

  const tabs: TabName[] = [
    ...(canReadSettings ? (['status'] as const) : []),
    ...(canReadTemplates ? (['templates'] as const) : []),
    ...(canReadSettings ? (['access'] as const) : []),
  ];
  // Screen readers hear when the data is in, as on users-permissions' pages.
  const firstData = status.status.data ?? templates.loaded.data;
  useEffect(() => {
    if (firstData) notifyStatus(t('page.loaded'));
  }, [firstData !== null]); // eslint-disable-line react-hooks/exhaustive-deps

  const [selected, select] = useState<TabName | undefined>(undefined);
  // Until the admin picks one (or when the picked one is not allowed), the first allowed tab.
  const current = selected && tabs.includes(selected) ? selected : tabs[0];

  const editor = current === 'templates' ? templates : current === 'access' ? access : null;
  const canSave =
    editor !== null &&
    editor.dirty &&
    Boolean(editor.loaded.data?.editable) &&
    (current === 'templates' ? canUpdateTemplates : canUpdateSettings);

  const save = async (): Promise<void> => {
    if (!editor) return;
    const error = await editor.save();
    notify(error ? { type: 'error', message: `${t('save.error')} ${error.message}` } : { type: 'success', message: t('saved') });
  };

  return { t, rights, tabs, current, select, status, templates, access, editor, canSave, save };
}
