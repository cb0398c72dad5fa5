// The library: one SQLite file holding portfolios (with revisions and a trash) and market
// snapshots. Synchronous (better-sqlite3); one instance per process, closed on quit.
import { openDatabase, type Db, type OpenOptions } from './database'
import { Portfolios } from './portfolios'
import { Snapshots, applySnapshot } from './snapshots'
import type { ApplySummary, PortfolioId } from '../../shared/ipc/library-types'

export interface LibraryOptions extends OpenOptions {
  /** ISO time source (tests pin it). */
  now?: () => string
}

export class Library {
  readonly portfolios: Portfolios
  readonly snapshots: Snapshots

  private constructor(
    readonly db: Db,
    readonly path: string,
    now: () => string
  ) {
    this.portfolios = new Portfolios(db, now)
    this.snapshots = new Snapshots(db, now)
  }

  static open(path: string, options: LibraryOptions = {}): Library {
    return new Library(openDatabase(path, options), path, options.now ?? (() => new Date().toISOString()))
  }

  applySnapshot(snapshotId: number, portfolioId: PortfolioId): ApplySummary {
    return applySnapshot(this.portfolios, this.snapshots.get(snapshotId), portfolioId)
  }

  close(): void {
    if (this.db.open) this.db.close()
  }
}
