// Named, dated market snapshots: marks, index prices, buffers and bracket tables, stored as
// JSON text of market-shaped data (decimal strings throughout).
import type { Migration } from './types'

export const migration002: Migration = {
  version: 2,
  name: 'market-snapshots',
  up(db) {
    db.exec(`
      CREATE TABLE market_snapshots (
        id           INTEGER PRIMARY KEY AUTOINCREMENT,
        name         TEXT NOT NULL,
        kind         TEXT NOT NULL,
        as_of        TEXT NOT NULL,
        source       TEXT,
        market       TEXT NOT NULL,
        symbol_count INTEGER NOT NULL,
        asset_count  INTEGER NOT NULL,
        created_at   TEXT NOT NULL
      );
      CREATE INDEX market_snapshots_as_of ON market_snapshots (as_of);
    `)
  }
}
