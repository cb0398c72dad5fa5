import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'

export function fixture(name: string): string {
  return readFileSync(fileURLToPath(new URL(`../../fixtures/import/${name}`, import.meta.url)), 'utf8')
}

export const REAL_TIERS = fileURLToPath(new URL('../../../../shared/data/binance-leverage-tiers-2026-03-05.json', import.meta.url))
