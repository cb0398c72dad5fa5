// One test per engine rule of margin-rules.md §1–§6, each naming its source.
import { describe, expect, it } from 'vitest'
import { Decimal } from '../../../src/shared/decimal'
import { compareScenario } from '../../../src/shared/engine'
import { bracketIndex, toBrackets } from '../../../src/shared/engine/brackets'
import { baseScenario, BTCUSDT_2022, validScenario } from '../../helpers/scenarios'

const run = (...args: Parameters<typeof baseScenario>) => compareScenario(validScenario(baseScenario(...args)))

describe('§1 per position', () => {
  it('notional at mark, uPnL = s·Q·(MP − EP), IM = notional / leverage, MM = notional × MMR − cum [FAQ 4f83b65d…, 5d62f8be…, b3c689c1…]', () => {
    const r = run({
      balances: [{ asset: 'USDT', wallet: '100000' }],
      positions: [{ symbol: 'BTCUSDT', side: 'short', quantity: '5', entryPrice: '62000', leverage: 20, marginType: 'cross' }]
    })
    const p = r.singleAsset.positions[0]!
    expect(p.notional).toBe('300000') // 5 × 60,000: bracket 3 (floor 250,000), MMR 1%, cum 1,300
    expect(p.unrealizedPnl).toBe('10000') // −1 × 5 × (60,000 − 62,000)
    expect(p.initialMargin).toBe('15000')
    expect(p.maintMarginRatio).toBe('0.01')
    expect(p.maintenanceMargin).toBe('1700') // 300,000 × 1% − 1,300
    expect(p.maxLeverage).toBe(50)
  })

  it('hedge mode: each side is its own position with its own bracket', () => {
    const r = run({
      positionMode: 'hedge',
      balances: [{ asset: 'USDT', wallet: '100000' }],
      positions: [
        { symbol: 'BTCUSDT', side: 'long', quantity: '5', entryPrice: '60000', leverage: 20, marginType: 'cross' },
        { symbol: 'BTCUSDT', side: 'short', quantity: '0.5', entryPrice: '60000', leverage: 20, marginType: 'cross' }
      ]
    })
    const [long, short] = r.singleAsset.positions
    expect([long!.positionSide, long!.maintMarginRatio]).toEqual(['LONG', '0.01'])
    expect([short!.positionSide, short!.maintMarginRatio]).toEqual(['SHORT', '0.004'])
    // Decision: both legs of a cross symbol share one liquidation price.
    expect(long!.liquidationPrice).toBe(short!.liquidationPrice)
  })
})

describe('§2 brackets', () => {
  const brackets = toBrackets(BTCUSDT_2022)
  it('the bracket holding N is the one with the largest floor ≤ N; a notional on a floor belongs to the upper bracket', () => {
    expect(bracketIndex(brackets, new Decimal('49999.99'))).toBe(0)
    expect(bracketIndex(brackets, new Decimal('50000'))).toBe(1)
    expect(bracketIndex(brackets, new Decimal('0'))).toBe(0)
    expect(bracketIndex(brackets, new Decimal('25000000'))).toBe(4) // above the last cap: the last bracket
  })

  it('MM is continuous at every floor because of the cum recurrence', () => {
    for (const b of brackets.slice(1)) {
      const i = bracketIndex(brackets, b.floor)
      const below = brackets[i - 1]!
      expect(b.floor.times(b.mmr).minus(b.cum).eq(b.floor.times(below.mmr).minus(below.cum))).toBe(true)
    }
  })
})

describe('§3 Single-Asset Mode [FAQ 29b45c48…, b3c689c1…]', () => {
  const scenario = () =>
    baseScenario({
      balances: [
        { asset: 'USDT', wallet: '10000' },
        { asset: 'USDC', wallet: '500' },
        { asset: 'ETH', wallet: '2' }
      ],
      positions: [
        { symbol: 'BTCUSDT', side: 'long', quantity: '1', entryPrice: '50000', leverage: 10, marginType: 'cross' },
        { symbol: 'ETHUSDT', side: 'short', quantity: '2', entryPrice: '2900', leverage: 10, marginType: 'isolated', isolatedWallet: '700' },
        { symbol: 'ETHUSDC', side: 'long', quantity: '1', entryPrice: '3300', leverage: 10, marginType: 'cross' }
      ]
    })

  it('one group per margin asset; assets that margin no symbol are idle', () => {
    const r = compareScenario(validScenario(scenario()))
    expect(r.singleAsset.groups.map((g) => g.asset)).toEqual(['USDT', 'USDC'])
    expect(r.singleAsset.idleAssets).toEqual([{ asset: 'ETH', wallet: '2' }])
  })

  it('a USDC loss is never covered by USDT: each group has its own margin balance and ratio', () => {
    const r = compareScenario(validScenario(scenario()))
    const usdc = r.singleAsset.groups.find((g) => g.asset === 'USDC')!
    expect(usdc.unrealizedPnl).toBe('-300')
    expect(usdc.marginBalance).toBe('200')
    expect(usdc.maintenanceMargin).toBe('30')
    expect(usdc.marginRatio).toBe('0.15')
  })

  it('cross wallet = wallet − isolated wallets; group figures count cross positions only', () => {
    const usdt = compareScenario(validScenario(scenario())).singleAsset.groups[0]!
    expect(usdt.walletBalance).toBe('10000')
    expect(usdt.crossWalletBalance).toBe('9300')
    expect(usdt.unrealizedPnl).toBe('10000')
    expect(usdt.marginBalance).toBe('19300')
    expect(usdt.maintenanceMargin).toBe('250') // 60,000 × 0.5% − 50
    expect(usdt.initialMargin).toBe('6000')
  })

  it('availableForOrder = max(0, crossWallet + uPnL − IM) [FAQ 5d62f8be…]; maxWithdrawable never includes unrealized profit [FAQ 360038447311]', () => {
    const usdt = compareScenario(validScenario(scenario())).singleAsset.groups[0]!
    expect(usdt.availableForOrder).toBe('13300')
    expect(usdt.maxWithdrawable).toBe('9050') // min(9,300 − 250, 13,300)
    const usdc = compareScenario(validScenario(scenario())).singleAsset.groups[1]!
    expect(usdc.availableForOrder).toBe('0') // 500 − 300 − 330 < 0, clamped
    expect(usdc.maxWithdrawable).toBe('0')
  })

  it('an isolated position liquidates on its own wallet: LP = (WB + cum − s·Q·EP) / (Q·MMR − s·Q)', () => {
    const p = compareScenario(validScenario(scenario())).singleAsset.positions[1]!
    // (700 + 0 + 2 × 2,900) / (2 × 0.01 + 2) = 6,500 / 2.02
    expect(p.liquidationPrice).toBe(new Decimal(6500).div('2.02').toString())
    expect(p.marginType).toBe('isolated')
  })

  it('a long covered by far more than its notional has no liquidation price (null, Binance shows "--")', () => {
    const r = run({
      balances: [{ asset: 'USDT', wallet: '100000' }],
      positions: [{ symbol: 'ETHUSDT', side: 'long', quantity: '1', entryPrice: '3000', leverage: 1, marginType: 'cross' }]
    })
    expect(r.singleAsset.positions[0]!.liquidationPrice).toBeNull()
  })

  it('brackets re-selected at the liquidation price: the LP is consistent with the bracket its notional falls in', () => {
    // 10 BTC at 60,000 (600,000: bracket 3). Solved in bracket 3 the LP is 20,070.7 (notional
    // 200,707: bracket 2), so it is re-solved in bracket 2.
    const r = run({
      balances: [{ asset: 'USDT', wallet: '400000' }],
      positions: [{ symbol: 'BTCUSDT', side: 'long', quantity: '10', entryPrice: '60000', leverage: 20, marginType: 'cross' }]
    })
    const lp = new Decimal(r.singleAsset.positions[0]!.liquidationPrice!)
    // Bracket 2 (MMR 0.5%, cum 50): 400,000 + 10(LP − 60,000) = 10·LP·0.005 − 50
    expect(lp.eq(new Decimal(400000).minus(600000).plus(50).div(new Decimal('0.05').minus(10)))).toBe(true)
    expect(lp.times(10).lt(250000)).toBe(true)
  })
})

describe('§4 Multi-Assets Mode [FAQ c983a926…]', () => {
  it('equity values a holding at bid and a debt at ask; MM and IM at the margin asset’s ask rate', () => {
    const s = baseScenario({
      mode: 'multi-assets',
      balances: [
        { asset: 'USDT', wallet: '-1000' },
        { asset: 'BTC', wallet: '0.1' }
      ],
      positions: [{ symbol: 'ETHBTC', side: 'long', quantity: '10', entryPrice: '0.05', leverage: 10, marginType: 'cross' }]
    })
    s.market.assets.USDT = { index: '1', bidBuffer: '0.001', askBuffer: '0.002' }
    const m = compareScenario(validScenario(s)).multiAssets
    expect(m.assets.map((a) => [a.asset, a.rate, a.equityUsd])).toEqual([
      ['USDT', '1.002', '-1002'],
      ['BTC', '57000', '5700']
    ])
    expect(m.accountEquity).toBe('4698')
    // ETHBTC: notional 0.5 BTC, MM 0.005 BTC, IM 0.05 BTC, at BTC's ask 63,000.
    expect(m.accountMaintenanceMargin).toBe('315')
    expect(m.accountInitialMargin).toBe('3150')
    expect(m.uniAvailableForOrder).toBe('1548')
    expect(m.marginRatio).toBe(new Decimal(315).div(4698).toString())
  })

  it('isolated positions are computed as converted to cross and block the switch (−4167)', () => {
    const r = run({
      balances: [{ asset: 'USDT', wallet: '5000' }],
      positions: [{ symbol: 'ETHUSDT', side: 'short', quantity: '2', entryPrice: '3000', leverage: 10, marginType: 'isolated', isolatedWallet: '600' }]
    })
    expect(r.multiAssets.positions[0]!.marginType).toBe('cross')
    expect(r.multiAssets.switch.allowed).toBe(false)
    expect(r.multiAssets.switch.blockers.map((b) => [b.code, b.binanceCode])).toEqual([['ISOLATED_POSITION', -4167]])
    expect(r.singleAsset.switch).toEqual({ allowed: true, blockers: [], warnings: [] })
  })

  it('with one margin asset, rates of 1 and cross only, Multi-Assets equals Single-Asset cross', () => {
    const r = run({
      balances: [{ asset: 'USDT', wallet: '20000' }],
      positions: [
        { symbol: 'BTCUSDT', side: 'long', quantity: '3', entryPrice: '61000', leverage: 20, marginType: 'cross' },
        { symbol: 'ETHUSDT', side: 'short', quantity: '20', entryPrice: '2950', leverage: 20, marginType: 'cross' }
      ]
    })
    const g = r.singleAsset.groups[0]!
    expect(r.multiAssets.accountEquity).toBe(g.marginBalance)
    expect(r.multiAssets.marginRatio).toBe(g.marginRatio)
    expect(r.multiAssets.positions.map((p) => p.liquidationPrice)).toEqual(r.singleAsset.positions.map((p) => p.liquidationPrice))
  })

  it('collateral moves the Multi-Assets liquidation price: BTC held lowers a long’s LP', () => {
    const positions = [{ symbol: 'ETHUSDT', side: 'long' as const, quantity: '10', entryPrice: '3000', leverage: 20, marginType: 'cross' as const }]
    const without = run({ mode: 'multi-assets', balances: [{ asset: 'USDT', wallet: '3000' }], positions })
    const withBtc = run({ mode: 'multi-assets', balances: [{ asset: 'USDT', wallet: '3000' }, { asset: 'BTC', wallet: '0.1' }], positions })
    const lp = (r: typeof without) => new Decimal(r.multiAssets.positions[0]!.liquidationPrice!)
    // 0.1 BTC at bid 57,000 = 5,700 USD more equity: the LP falls by 5,700 / (10 × 0.99).
    expect(lp(without).minus(lp(withBtc)).toSignificantDigits(30).eq(new Decimal(5700).div('9.9').toSignificantDigits(30))).toBe(true)
  })
})

describe('§6 switching [−4167 … −4172, the 2022 FAQ]', () => {
  it('Multi → Single is refused with a negative wallet (−4172)', () => {
    const r = run({
      mode: 'multi-assets',
      balances: [{ asset: 'USDT', wallet: '-100' }, { asset: 'BTC', wallet: '1' }]
    })
    expect(r.singleAsset.switch.blockers.map((b) => b.binanceCode)).toContain(-4172)
    expect(r.multiAssets.switch).toEqual({ allowed: true, blockers: [], warnings: [] })
  })

  it('Multi → Single warns that collateral margining no symbol would back nothing', () => {
    const r = run({ mode: 'multi-assets', balances: [{ asset: 'USDT', wallet: '100' }, { asset: 'ETH', wallet: '1' }] })
    expect(r.singleAsset.switch.allowed).toBe(true)
    expect(r.singleAsset.switch.warnings.map((w) => w.code)).toEqual(['OPEN_ORDERS', 'IDLE_COLLATERAL'])
  })

  it('Single → Multi keeps open cross positions (2022 FAQ question 7)', () => {
    const r = run({
      balances: [{ asset: 'USDT', wallet: '5000' }],
      positions: [{ symbol: 'ETHUSDT', side: 'short', quantity: '2', entryPrice: '3000', leverage: 10, marginType: 'cross' }]
    })
    expect(r.multiAssets.switch.allowed).toBe(true)
  })
})
