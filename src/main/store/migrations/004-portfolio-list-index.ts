// The library list reads every live portfolio's summary, newest first. The `scenario` column
// (tens of KB with the real brackets) sits before `revision`, `created_at` and `updated_at` in
// each row, so without this index every list walked all of it: 10,000 portfolios, ~200 MB read
// for a list (issue 10). This covering index holds every column the list and its search read,
// in the list's order, so they never touch the rows.
import type { Migration } from './types'

export const migration004: Migration = {
  version: 4,
  name: 'portfolio-list-index',
  up(db) {
    db.exec(`CREATE INDEX portfolios_list ON portfolios (updated_at, id, deleted_at, name, tags, revision, created_at)`)
  }
}
