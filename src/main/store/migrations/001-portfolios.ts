// Portfolios and their revisions. The scenario is stored as canonical JSON text (writeScenario),
// so every amount stays a decimal string; name, tags and symbols are copied into indexed
// columns/tables for search.
import type { Migration } from './types'

export const migration001: Migration = {
  version: 1,
  name: 'portfolios',
  up(db) {
    db.exec(`
      CREATE TABLE portfolios (
        id         INTEGER PRIMARY KEY AUTOINCREMENT,
        name       TEXT NOT NULL,
        tags       TEXT NOT NULL DEFAULT '[]',
        scenario   TEXT NOT NULL,
        revision   INTEGER NOT NULL,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        deleted_at TEXT
      );
      CREATE INDEX portfolios_name ON portfolios (name COLLATE NOCASE);

      CREATE TABLE portfolio_revisions (
        portfolio_id INTEGER NOT NULL REFERENCES portfolios (id) ON DELETE CASCADE,
        revision     INTEGER NOT NULL,
        reason       TEXT NOT NULL,
        name         TEXT NOT NULL,
        tags         TEXT NOT NULL,
        scenario     TEXT NOT NULL,
        saved_at     TEXT NOT NULL,
        PRIMARY KEY (portfolio_id, revision)
      );

      CREATE TABLE portfolio_tags (
        portfolio_id INTEGER NOT NULL REFERENCES portfolios (id) ON DELETE CASCADE,
        tag          TEXT NOT NULL COLLATE NOCASE,
        PRIMARY KEY (portfolio_id, tag)
      );
      CREATE INDEX portfolio_tags_tag ON portfolio_tags (tag);

      CREATE TABLE portfolio_symbols (
        portfolio_id INTEGER NOT NULL REFERENCES portfolios (id) ON DELETE CASCADE,
        symbol       TEXT NOT NULL COLLATE NOCASE,
        PRIMARY KEY (portfolio_id, symbol)
      );
      CREATE INDEX portfolio_symbols_symbol ON portfolio_symbols (symbol);
    `)
  }
}
