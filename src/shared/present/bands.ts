// Margin ratio bands (ui.md): below 50% calm, 50–80% amber, 80% and above red (Binance advises
// staying below 80%), liquidated solid red WITH a word, never colour alone.
import { Decimal } from '../decimal'

export type Band = 'none' | 'calm' | 'amber' | 'red' | 'liquidated'

export function ratioBand(ratio: string | null, liquidated = false): Band {
  if (liquidated) return 'liquidated'
  if (ratio === null) return 'none'
  const r = new Decimal(ratio)
  if (r.gte(1)) return 'liquidated'
  if (r.gte('0.8')) return 'red'
  if (r.gte('0.5')) return 'amber'
  return 'calm'
}

/** The word shown beside the colour, so the band never rests on colour alone. */
export function bandWord(band: Band): string {
  switch (band) {
    case 'calm':
      return 'calm'
    case 'amber':
      return 'caution'
    case 'red':
      return 'danger'
    case 'liquidated':
      return 'LIQUIDATED'
    default:
      return ''
  }
}
