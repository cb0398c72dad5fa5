// docs/binance-multi-assets-faq-2022.txt: every answer of the FAQ this product was born from,
// held by the engine.
import { describe, expect, it } from 'vitest'
import { Decimal } from '../../../src/shared/decimal'
import { compareScenario } from '../../../src/shared/engine'
import { baseScenario, validScenario } from '../../helpers/scenarios'

const run = (...args: Parameters<typeof baseScenario>) => compareScenario(validScenario(baseScenario(...args)))

describe('Binance Multi-Assets FAQ (2022-07-06)', () => {
  it('Q1: Auto-Exchange below −10,000 USD of a balance (no unrealized PnL counted)', () => {
    const r = run({
      mode: 'multi-assets',
      balances: [{ asset: 'USDT', wallet: '-10001' }, { asset: 'BTC', wallet: '1' }],
      // A large unrealized profit does not stop the THRESHOLD trigger: it reads the wallet balance.
      positions: [{ symbol: 'ETHBTC', side: 'long', quantity: '100', entryPrice: '0.04', leverage: 10, marginType: 'cross' }]
    })
    expect(r.multiAssets.autoExchange.triggers.map((t) => [t.asset, t.reason])).toEqual([['USDT', 'THRESHOLD']])
  })

  it('Q2: −9,000 USDT and −9,000 of another stablecoin do not trigger Auto-Exchange', () => {
    const r = run({ mode: 'multi-assets', balances: [{ asset: 'USDT', wallet: '-9000' }, { asset: 'USDC', wallet: '-9000' }, { asset: 'BTC', wallet: '2' }] })
    expect(r.multiAssets.autoExchange.triggers).toEqual([])
  })

  it('Q4: isolated margin and Multi-Assets Mode are mutually exclusive', () => {
    const r = run({
      balances: [{ asset: 'USDT', wallet: '1000' }],
      positions: [{ symbol: 'ETHUSDT', side: 'long', quantity: '1', entryPrice: '3000', leverage: 10, marginType: 'isolated', isolatedWallet: '300' }]
    })
    expect(r.multiAssets.switch.allowed).toBe(false)
    expect(r.multiAssets.positions[0]!.marginType).toBe('cross')
  })

  it('Q6: liquidation in Multi-Assets Mode happens at a margin ratio of 100%', () => {
    const s = baseScenario({
      mode: 'multi-assets',
      balances: [{ asset: 'USDT', wallet: '100' }],
      positions: [{ symbol: 'ETHUSDT', side: 'long', quantity: '1', entryPrice: '3000', leverage: 50, marginType: 'cross' }]
    })
    // Equity 100 + (P − 3,000); MM 1% of P: 100% at P = 2,900 / 0.99.
    const lp = compareScenario(validScenario(s)).multiAssets.positions[0]!.liquidationPrice!
    s.shocks = [
      { name: 'at', moves: { ETH: new Decimal(lp).div(3000).minus(1).minus('1e-12').toString() } },
      { name: 'before', moves: { ETH: new Decimal(lp).div(3000).minus(1).plus('1e-9').toString() } }
    ]
    const [at, before] = compareScenario(validScenario(s)).shocks
    expect(at!.multiAssets.liquidated).toBe(true)
    expect(before!.multiAssets.liquidated).toBe(false)
  })

  it('Q7: open cross positions may stay open across a switch, both ways', () => {
    const positions = [{ symbol: 'ETHUSDT', side: 'long' as const, quantity: '1', entryPrice: '3000', leverage: 10, marginType: 'cross' as const }]
    expect(run({ balances: [{ asset: 'USDT', wallet: '1000' }], positions }).multiAssets.switch.allowed).toBe(true)
    expect(run({ mode: 'multi-assets', balances: [{ asset: 'USDT', wallet: '1000' }], positions }).singleAsset.switch.allowed).toBe(true)
  })

  it('Q8: Hedge Mode works in Multi-Assets Mode', () => {
    const r = run({
      mode: 'multi-assets',
      positionMode: 'hedge',
      balances: [{ asset: 'USDT', wallet: '1000' }, { asset: 'BTC', wallet: '0.05' }],
      positions: [
        { symbol: 'BTCUSDT', side: 'long', quantity: '0.3', entryPrice: '59000', leverage: 20, marginType: 'cross' },
        { symbol: 'BTCUSDT', side: 'short', quantity: '0.1', entryPrice: '61000', leverage: 20, marginType: 'cross' }
      ]
    })
    const [long, short] = r.multiAssets.positions
    expect([long!.positionSide, short!.positionSide]).toEqual(['LONG', 'SHORT'])
    expect(long!.liquidationPrice).not.toBeNull()
    expect(long!.liquidationPrice).toBe(short!.liquidationPrice)
  })
})
