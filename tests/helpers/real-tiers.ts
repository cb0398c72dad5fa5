// The real 687-symbol Binance bracket table kept in the repo (resources/data/README.md).
import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'

export const REAL_TIERS = resolve(import.meta.dirname, '../../resources/data/binance-leverage-tiers-2026-03-05.json')

export function realTiersText(): string {
  return readFileSync(REAL_TIERS, 'utf8')
}
