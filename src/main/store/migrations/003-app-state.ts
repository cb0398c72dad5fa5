// Small facts the app keeps about the library itself (e.g. that the bundled examples were
// offered once), so deleting them for good is respected on the next launch.
import type { Migration } from './types'

export const migration003: Migration = {
  version: 3,
  name: 'app-state',
  up(db) {
    db.exec(`CREATE TABLE app_state (key TEXT PRIMARY KEY, value TEXT NOT NULL)`)
  }
}
