// The Binance rules and this project's decisions a report rests on (docs/margin-rules.md), in
// words a colleague without the app can check. FAQ ids are the last part of binance.com/en/support/faq/….
export const REPORT_RULES: { rule: string; source: string }[] = [
  { rule: 'Notional = quantity × mark price; unrealized PnL = side × quantity × (mark − entry); maintenance margin = notional × MMR − cum of the bracket that holds the notional.', source: '§1, §2 · FAQ 4f83b65d…, 5d62f8be…, b3c689c1…' },
  { rule: 'Decision: a notional exactly on a bracket floor belongs to the upper bracket (as ccxt and freqtrade).', source: '§2' },
  { rule: 'Single-Asset Mode: one group per margin asset (USDT, USDC, BTC), each backing only the contracts it margins; assets that margin nothing are idle. Margin ratio = maintenance margin / (cross wallet + cross uPnL); liquidated at 100%.', source: '§3 · FAQ 29b45c48…' },
  { rule: "Single-Asset liquidation price: Binance's USDⓈ-M formula, with the bracket re-selected at the liquidation price; both cross legs of a hedge symbol share one price.", source: '§3 · FAQ b3c689c1…' },
  { rule: 'Multi-Assets Mode: every margin asset pooled in USD, holdings at the bid rate (index × (1 − bid buffer)), debts and maintenance margin at the ask rate; margin ratio = account maintenance margin / account equity.', source: '§4 · FAQ 29b45c48…, c983a926…' },
  { rule: "Decision: a Multi-Assets liquidation price is the mark of that symbol alone, every other price held, at which the account reaches 100% (Binance publishes no formula).", source: '§4' },
  { rule: 'Auto-Exchange: the three triggers per asset (threshold, LTV, liquidation), never summed; thresholds from the scenario, else the fee tier, else the 2022 FAQ’s −10,000 USD.', source: '§5 · FAQ f80415be…' },
  { rule: 'Switching: refused with an isolated position (−4167), a negative balance (−4172), or a group that cannot carry its own margin (−4169); open orders must be cancelled first (−4170).', source: '§6' },
  { rule: 'A shock moves an asset’s index and the mark of every symbol with that base asset together. Shock to liquidation: the smallest such move of one asset at which a group, an isolated position or the account reaches 100%, solved exactly.', source: 'scenario-format.md §1, margin-rules.md §4' },
  { rule: 'Stress grid: each cell is the comparison with a shock of its two moves. Single-Asset shows the worst (highest) group ratio; a cell is liquidated when any group, or the account, is at 100% or more or has nothing left. Decision: the axes are the two base assets with the largest exposure (Σ |notional| at mark in USD).', source: 'scenario-format.md §4' },
  { rule: 'Bands: below 50% calm, 50–80% caution, 80% and above danger (Binance advises staying below 80%), 100% liquidated. Liquidation prices are rounded against you (up for a long, down for a short).', source: 'ui.md, margin-rules.md' }
]
