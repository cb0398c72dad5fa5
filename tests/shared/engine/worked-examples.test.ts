// Binance's worked examples (margin-rules.md), verbatim. Figures Binance prints to 2 dp are
// compared after rounding half-up to 2 dp; everything else exactly.
import { describe, expect, it } from 'vitest'
import { Decimal, ONE, ZERO } from '../../../src/shared/decimal'
import { compareScenario } from '../../../src/shared/engine'
import { liquidationPrice } from '../../../src/shared/engine/liquidation'
import { toBrackets } from '../../../src/shared/engine/brackets'
import { validateBracketTable } from '../../../src/shared/market/bracket-validation'
import { BTCUSDT_2022, loadScenario } from '../../helpers/scenarios'

const dp2 = (s: string | null): string => new Decimal(s!).toFixed(2, Decimal.ROUND_HALF_UP)

describe('FAQ b3c689c1… liquidation price, one-way (margin-rules.md §3)', () => {
  it('cross: ETH 1,153.26 and BTC 26,316.89', () => {
    const r = compareScenario(loadScenario('tests/fixtures/worked/binance-lp-cross.mpscenario.json'))
    const [eth, btc] = r.singleAsset.positions
    expect(eth!.maintMarginRatio).toBe('0.1')
    expect(eth!.cum).toBe('135365')
    expect(btc!.maintMarginRatio).toBe('0.025')
    expect(btc!.cum).toBe('16300')
    expect(dp2(eth!.liquidationPrice)).toBe('1153.26')
    expect(dp2(btc!.liquidationPrice)).toBe('26316.89')
  })

  it('isolated with the same wallet as isolatedWallet: ETH 1,114.78 and BTC 18,778.73', () => {
    const r = compareScenario(loadScenario('tests/fixtures/worked/binance-lp-isolated.mpscenario.json'))
    const [eth, btc] = r.singleAsset.positions
    expect(dp2(eth!.liquidationPrice)).toBe('1114.78')
    expect(dp2(btc!.liquidationPrice)).toBe('18778.73')
  })

  it('the formula with the example’s own MMR and cum gives the same ETH price', () => {
    // WB 1,535,443.01; TMM1 and UPNL1 are BTC's MM and uPnL at its mark (MMR 2.5%, cum 16,300).
    const btcNotional = new Decimal('109.488').times('31967.27')
    const lp = liquidationPrice({
      legs: [{ quantity: new Decimal('3683.979'), signedQty: new Decimal('3683.979'), signedCost: new Decimal('3683.979').times('1456.84'), brackets: toBrackets([{ notionalFloor: '0', notionalCap: '1000000000', maintMarginRatio: '0.1', cum: '135365', initialLeverage: 5 }]) }],
      mark: new Decimal('1335.18'),
      wallet: new Decimal('1535443.01'),
      otherUnrealizedPnl: new Decimal('109.488').times(new Decimal('31967.27').minus('32481.98')),
      otherMaintenance: btcNotional.times('0.025').minus(16300),
      otherUsdEquity: ZERO,
      otherUsdMaintenance: ZERO,
      bidRate: ONE,
      askRate: ONE
    })
    expect(lp.price!.toFixed(2, Decimal.ROUND_HALF_UP)).toBe('1153.26')
  })

  it('cum recurrence example: 250,000 × (1% − 0.5%) + 50 = 1,300, and nothing else passes', () => {
    expect(validateBracketTable(BTCUSDT_2022, 'b', 'BTCUSDT')).toEqual([])
    const broken = BTCUSDT_2022.map((b, i) => (i === 2 ? { ...b, cum: '1299.99' } : b))
    expect(validateBracketTable(broken, 'b', 'BTCUSDT')).toEqual([
      { path: 'b[2].cum', message: 'bracket 3 of BTCUSDT: cum must be 1300 by the recurrence cumₙ = cumₙ₋₁ + floorₙ × (MMRₙ − MMRₙ₋₁), got 1299.99' }
    ])
  })
})

describe('FAQ c983a926… Multi-Assets Mode (margin-rules.md §4)', () => {
  const example = loadScenario('tests/fixtures/worked/faq-multi-assets.mpscenario.json')

  it('no positions: equity 416.02, available 418.13 USDT and 416.02 USDC', () => {
    const r = compareScenario({ ...example, account: { ...example.account, positions: [] } })
    expect(r.multiAssets.accountEquity).toBe('416.02')
    const [usdt, usdc] = r.multiAssets.assets
    expect(usdt!.rate).toBe('0.9801')
    expect(dp2(usdt!.availableForOrder)).toBe('418.13')
    expect(usdc!.availableForOrder).toBe('416.02')
    expect(r.multiAssets.marginRatio).toBeNull()
  })

  it('with 0.5 BTCUSDT and 20 ETHUSDC: IM 339.495, uniAvailable 76.525 (USDT 76.91), MM 199.596, ratio 47.98%', () => {
    const r = compareScenario(example)
    expect(r.multiAssets.accountInitialMargin).toBe('339.495')
    expect(r.multiAssets.uniAvailableForOrder).toBe('76.525')
    expect(dp2(r.multiAssets.assets[0]!.availableForOrder)).toBe('76.91')
    expect(r.multiAssets.accountMaintenanceMargin).toBe('199.596')
    expect(new Decimal(r.multiAssets.marginRatio!).times(100).toFixed(2, Decimal.ROUND_HALF_UP)).toBe('47.98')
  })

  it('in Single-Asset Mode the ETHUSDC position needs 240 USDC of IM against 220 USDC: it could not be opened', () => {
    const r = compareScenario(example)
    const usdc = r.singleAsset.groups.find((g) => g.asset === 'USDC')!
    expect(usdc.initialMargin).toBe('240')
    expect(usdc.availableForOrder).toBe('0')
    expect(r.singleAsset.switch.allowed).toBe(false)
    expect(r.singleAsset.switch.blockers.map((b) => [b.code, b.binanceCode])).toEqual([['INSUFFICIENT_MARGIN', -4169]])
  })
})
