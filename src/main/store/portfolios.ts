// Portfolios and their revisions. The current scenario lives in `portfolios`; every version ever
// saved (the current one included) is a row of `portfolio_revisions`, numbered 1, 2, 3… per
// portfolio, so "restore revision k" is itself a new revision and nothing is ever overwritten.
// Delete is soft (deleted_at) until emptyTrash.
import { writeScenario } from '../../shared/scenario/write'
import { storedScenario } from '../../shared/scenario/versions'
import type { Scenario } from '../../shared/scenario/types'
import type { ListQuery, Portfolio, PortfolioId, PortfolioSummary, Revision, RevisionReason, RevisionSummary } from '../../shared/ipc/library-types'
import type { Db } from './database'
import { LibraryError, badInput, notFound } from './errors'
import { nameProblems, normaliseTags, symbolsOf, validScenario } from './scenario-input'

interface PortfolioRow {
  id: number
  name: string
  tags: string
  scenario: string
  revision: number
  created_at: string
  updated_at: string
  deleted_at: string | null
}

interface RevisionRow {
  revision: number
  reason: RevisionReason
  name: string
  tags: string
  scenario: string
  saved_at: string
}

export interface CreateInput {
  scenario: unknown
  /** Replaces scenario.name. */
  name?: string
  tags?: string[]
  reason?: RevisionReason
}

export interface SaveInput {
  id: PortfolioId
  scenario: unknown
  /** Omitted: the tags stay as they are. */
  tags?: string[]
  /** The revision the edit started from; a newer current revision is a CONFLICT. */
  baseRevision?: number
}

export class Portfolios {
  constructor(
    private readonly db: Db,
    private readonly now: () => string
  ) {}

  list(query: ListQuery = {}): PortfolioSummary[] {
    const where: string[] = [query.trash ? 'p.deleted_at IS NOT NULL' : 'p.deleted_at IS NULL']
    const params: Record<string, string> = {}
    if (query.text !== undefined && query.text.trim() !== '') {
      params.text = query.text.trim()
      params.like = `%${escapeLike(params.text)}%`
      where.push(`(p.name LIKE @like ESCAPE '\\'
        OR EXISTS (SELECT 1 FROM portfolio_tags t WHERE t.portfolio_id = p.id AND t.tag = @text)
        OR EXISTS (SELECT 1 FROM portfolio_symbols s WHERE s.portfolio_id = p.id AND s.symbol LIKE @like ESCAPE '\\'))`)
    }
    if (query.tag !== undefined) {
      params.tag = query.tag.trim()
      where.push('EXISTS (SELECT 1 FROM portfolio_tags t WHERE t.portfolio_id = p.id AND t.tag = @tag)')
    }
    if (query.symbol !== undefined) {
      params.symbol = query.symbol.trim()
      where.push('EXISTS (SELECT 1 FROM portfolio_symbols s WHERE s.portfolio_id = p.id AND s.symbol = @symbol)')
    }
    const rows = this.db
      .prepare(`SELECT p.id, p.name, p.tags, p.revision, p.created_at, p.updated_at, p.deleted_at,
                  (SELECT json_group_array(symbol) FROM (SELECT symbol FROM portfolio_symbols s WHERE s.portfolio_id = p.id ORDER BY symbol)) AS symbols
                FROM portfolios p WHERE ${where.join(' AND ')}
                ORDER BY p.updated_at DESC, p.id DESC`)
      .all(params) as (Omit<PortfolioRow, 'scenario'> & { symbols: string })[]
    return rows.map((r) => summary(r, JSON.parse(r.symbols) as string[]))
  }

  /** A portfolio, live or in the trash. */
  get(id: PortfolioId): Portfolio {
    const row = this.row(id)
    const scenario = storedScenario(row.scenario)
    return { ...summary(row, symbolsOf(scenario)), notes: scenario.notes ?? '', scenario }
  }

  create(input: CreateInput): Portfolio {
    let scenario = validScenario(input.scenario)
    if (input.name !== undefined) scenario = this.renamed(scenario, input.name)
    const tags = normaliseTags(input.tags ?? [])
    const text = writeScenario(scenario)
    const at = this.now()
    const id = this.db.transaction(() => {
      const info = this.db
        .prepare('INSERT INTO portfolios (name, tags, scenario, revision, created_at, updated_at) VALUES (?, ?, ?, 1, ?, ?)')
        .run(scenario.name, JSON.stringify(tags), text, at, at)
      const newId = Number(info.lastInsertRowid)
      this.insertRevision(newId, 1, input.reason ?? 'create', scenario.name, tags, text, at)
      this.index(newId, tags, scenario)
      return newId
    }).immediate()
    return this.get(id)
  }

  /** Saves a new version; the previous one stays as a revision. An identical save writes nothing. */
  save(input: SaveInput, reason: RevisionReason = 'save'): Portfolio {
    const scenario = validScenario(input.scenario)
    const tags = input.tags === undefined ? undefined : normaliseTags(input.tags)
    return this.write(input.id, scenario, tags, reason, input.baseRevision)
  }

  rename(id: PortfolioId, name: string): Portfolio {
    const current = this.get(id)
    return this.write(id, this.renamed(current.scenario, name), undefined, 'rename')
  }

  duplicate(id: PortfolioId, name?: string): Portfolio {
    const source = this.get(id)
    return this.create({ scenario: source.scenario, name: name ?? `${source.name} (copy)`.slice(0, 200), tags: source.tags, reason: 'duplicate' })
  }

  delete(id: PortfolioId): void {
    this.live(id)
    this.db.prepare('UPDATE portfolios SET deleted_at = ? WHERE id = ?').run(this.now(), id)
  }

  /** Takes a portfolio out of the trash. */
  restore(id: PortfolioId): Portfolio {
    const row = this.row(id)
    if (row.deleted_at === null) throw new LibraryError('BAD_INPUT', `portfolio ${id} is not in the trash`)
    this.db.prepare('UPDATE portfolios SET deleted_at = NULL WHERE id = ?').run(id)
    return this.get(id)
  }

  /** Deletes for good every portfolio in the trash, with its revisions; returns how many. */
  emptyTrash(): number {
    return this.db.prepare('DELETE FROM portfolios WHERE deleted_at IS NOT NULL').run().changes
  }

  revisions(id: PortfolioId): RevisionSummary[] {
    const current = this.row(id).revision
    const rows = this.db
      .prepare('SELECT revision, reason, name, saved_at FROM portfolio_revisions WHERE portfolio_id = ? ORDER BY revision DESC')
      .all(id) as RevisionRow[]
    return rows.map((r) => ({ revision: r.revision, reason: r.reason, name: r.name, savedAt: r.saved_at, current: r.revision === current }))
  }

  revision(id: PortfolioId, revision: number): Revision {
    const current = this.row(id).revision
    const r = this.db.prepare('SELECT * FROM portfolio_revisions WHERE portfolio_id = ? AND revision = ?').get(id, revision) as RevisionRow | undefined
    if (!r) throw notFound(`portfolio ${id} has no revision ${revision}`)
    return {
      revision: r.revision,
      reason: r.reason,
      name: r.name,
      savedAt: r.saved_at,
      current: r.revision === current,
      tags: JSON.parse(r.tags) as string[],
      scenario: storedScenario(r.scenario)
    }
  }

  /** Makes an old revision current again, as a new revision (the history only grows). */
  restoreRevision(id: PortfolioId, revision: number): Portfolio {
    const old = this.revision(id, revision)
    if (old.current) return this.get(id)
    // Re-validated: a revision saved by an older program must still be a valid scenario today.
    return this.write(id, validScenario(old.scenario, `revision ${revision}`), old.tags, 'restore')
  }

  // ---- internals ----------------------------------------------------------------------

  write(id: PortfolioId, scenario: Scenario, tags: string[] | undefined, reason: RevisionReason, baseRevision?: number): Portfolio {
    const text = writeScenario(scenario)
    this.db.transaction(() => {
      const row = this.live(id)
      if (baseRevision !== undefined && baseRevision !== row.revision) {
        throw new LibraryError('CONFLICT', `portfolio ${id} was saved elsewhere since revision ${baseRevision} (it is at revision ${row.revision}); reload it before saving`)
      }
      const newTags = tags ?? (JSON.parse(row.tags) as string[])
      if (text === row.scenario && JSON.stringify(newTags) === row.tags) return
      const at = this.now()
      const next = row.revision + 1
      this.db
        .prepare('UPDATE portfolios SET name = ?, tags = ?, scenario = ?, revision = ?, updated_at = ? WHERE id = ?')
        .run(scenario.name, JSON.stringify(newTags), text, next, at, id)
      this.insertRevision(id, next, reason, scenario.name, newTags, text, at)
      this.index(id, newTags, scenario)
    }).immediate()
    return this.get(id)
  }

  private renamed(scenario: Scenario, name: string): Scenario {
    const problems = nameProblems(name)
    if (problems.length > 0) throw badInput(problems, 'the name')
    return validScenario({ ...scenario, name: name.trim() })
  }

  private row(id: PortfolioId): PortfolioRow {
    const row = this.db.prepare('SELECT * FROM portfolios WHERE id = ?').get(id) as PortfolioRow | undefined
    if (!row) throw notFound(`no portfolio ${id} in the library`)
    return row
  }

  private live(id: PortfolioId): PortfolioRow {
    const row = this.row(id)
    if (row.deleted_at !== null) throw new LibraryError('NOT_FOUND', `portfolio ${id} is in the trash; restore it first`)
    return row
  }

  private insertRevision(id: number, revision: number, reason: RevisionReason, name: string, tags: string[], text: string, at: string): void {
    this.db
      .prepare('INSERT INTO portfolio_revisions (portfolio_id, revision, reason, name, tags, scenario, saved_at) VALUES (?, ?, ?, ?, ?, ?, ?)')
      .run(id, revision, reason, name, JSON.stringify(tags), text, at)
  }

  private index(id: number, tags: string[], scenario: Scenario): void {
    this.db.prepare('DELETE FROM portfolio_tags WHERE portfolio_id = ?').run(id)
    this.db.prepare('DELETE FROM portfolio_symbols WHERE portfolio_id = ?').run(id)
    const tag = this.db.prepare('INSERT OR IGNORE INTO portfolio_tags (portfolio_id, tag) VALUES (?, ?)')
    for (const t of tags) tag.run(id, t)
    const sym = this.db.prepare('INSERT OR IGNORE INTO portfolio_symbols (portfolio_id, symbol) VALUES (?, ?)')
    for (const s of symbolsOf(scenario)) sym.run(id, s)
  }
}

function summary(r: Omit<PortfolioRow, 'scenario'>, symbols: string[]): PortfolioSummary {
  return {
    id: r.id,
    name: r.name,
    tags: JSON.parse(r.tags) as string[],
    symbols,
    revision: r.revision,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
    deletedAt: r.deleted_at
  }
}

function escapeLike(s: string): string {
  return s.replace(/[\\%_]/g, (c) => `\\${c}`)
}
