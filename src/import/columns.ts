/**
 * Recognises what a table column or an aggregate row stands for, from the words authors
 * actually use: `Human Est.`, `Supv.`, `LF`, `SLF`, `Sup. Factor`, `Weeks`, `Total tokens`,
 * `Weighted average supervisory leverage factor`, … Matching is case-insensitive and ignores
 * punctuation.
 */
import type { AggregateKind } from './model.js';

export type ColumnRole =
  | 'index'
  | 'task'
  | 'human'
  | 'claude'
  | 'supervision'
  | 'leverage'
  | 'supervisoryLeverage'
  | 'weeks'
  | 'project';

/** Column roles by position; null for a column the importer does not use. */
export type ColumnMap = Partial<Record<ColumnRole, number>>;

/** Lower case, every run of other characters than letters and digits turned into one space. */
export function normalizeLabel(text: string): string {
  return text.toLowerCase().replace(/[^a-z0-9#]+/g, ' ').trim();
}

function words(text: string): string[] {
  return normalizeLabel(text).split(' ').filter(Boolean);
}

const SUPERVISION_WORDS = ['sup', 'supv', 'supervision', 'supervisory', 'supervised', 'supervisor', 'steering'];
const FACTOR_WORDS = ['factor', 'leverage', 'x', 'ratio', 'multiplier'];

export function columnRole(header: string): ColumnRole | null {
  const normalized = normalizeLabel(header);
  const w = words(header);
  const has = (...candidates: string[]): boolean => candidates.some((c) => w.includes(c));
  if (normalized === '' || normalized === '#' || (w.length === 1 && has('no', 'num', 'number'))) return 'index';
  if (normalized === 'slf' || (has(...SUPERVISION_WORDS) && has(...FACTOR_WORDS))) return 'supervisoryLeverage';
  if (normalized === 'lf' || has(...FACTOR_WORDS)) return 'leverage';
  if (has('week', 'weeks', 'wk', 'wks')) return 'weeks';
  if (has(...SUPERVISION_WORDS)) return 'supervision';
  if (has('human', 'est', 'estimate', 'estimated', 'engineer')) return 'human';
  if (has('claude', 'assistant', 'ai', 'agent')) return 'claude';
  if (has('task', 'tasks', 'description', 'work', 'what')) return 'task';
  if (has('project', 'repo', 'area')) return 'project';
  return null;
}

export function columnMap(headers: readonly string[]): ColumnMap {
  const map: ColumnMap = {};
  headers.forEach((header, index) => {
    const role = columnRole(header);
    if (role !== null && map[role] === undefined) map[role] = index;
  });
  return map;
}

/** A task table has a task, a human and an assistant column. */
export function isTaskTable(map: ColumnMap): boolean {
  return map.task !== undefined && map.human !== undefined && map.claude !== undefined;
}

/** What an aggregate row's label stands for, or null. */
export function aggregateKind(label: string): AggregateKind | null {
  const w = words(label);
  const has = (...candidates: string[]): boolean => candidates.some((c) => w.includes(c));
  if (w.length === 0) return null;
  if (has(...SUPERVISION_WORDS) && has(...FACTOR_WORDS)) return 'supervisoryLeverage';
  if (has(...FACTOR_WORDS)) return 'leverage';
  if (has('token', 'tokens')) return 'tokens';
  if (has('task', 'tasks', 'rows', 'categories')) return 'tasksCompleted';
  if (has(...SUPERVISION_WORDS)) return 'supervision';
  if (has('human', 'engineer', 'engineering') || has('equivalent')) {
    return has('week', 'weeks') && !has('hour', 'hours') ? 'humanWeeks' : 'human';
  }
  if (has('claude', 'assistant', 'ai', 'agent', 'wall', 'clock')) return 'claude';
  if (has('week', 'weeks')) return 'humanWeeks';
  return null;
}
