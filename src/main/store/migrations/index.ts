// The schema's history, oldest first. Append only: a released migration is never edited.
import { migration001 } from './001-portfolios'
import { migration002 } from './002-market-snapshots'
import { migration003 } from './003-app-state'
import { migration004 } from './004-portfolio-list-index'
import type { Migration } from './types'

export type { Migration } from './types'

export const MIGRATIONS: readonly Migration[] = [migration001, migration002, migration003, migration004]
