import type { ReactNode } from 'react';

/** One label and value of the status tab's fact lists (plain .ts: pure helpers build them and tests read them without JSX). */
export interface Fact {
  label: string;
  value: ReactNode;
}
