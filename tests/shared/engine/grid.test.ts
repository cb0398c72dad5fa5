// The stress grid (scenario-format.md §4) against `compare` itself, cell by cell: every cell is
// compare of the scenario with a shock of that cell's two moves.
import { describe, expect, it } from 'vitest'
import { Decimal } from '../../../src/shared/decimal'
import { compareScenario, prepareAccount } from '../../../src/shared/engine'
import { defaultGridAxes, exposures } from '../../../src/shared/engine/exposure'
import { stressGrid, type GridCell } from '../../../src/shared/engine/grid'
import { gridMoves, gridSpecProblems } from '../../../src/shared/engine/grid-spec'
import type { Scenario } from '../../../src/shared/scenario'
import { baseScenario, loadScenario, validScenario } from '../../helpers/scenarios'

/** The cell as compare computes it: the §4 definitions applied to compare's shock result. */
function cellByCompare(scenario: Scenario, moves: Record<string, string>): GridCell {
  const shock = compareScenario({ ...scenario, shocks: [{ name: 'cell', moves }] }, { shockToLiquidation: false }).shocks[0]!
  const singleLiquidated = shock.singleAsset.groups.some((g) => g.liquidated)
  let worst: string | null = null
  for (const g of shock.singleAsset.groups) {
    if (g.marginRatio !== null && (worst === null || new Decimal(g.marginRatio).gt(worst))) worst = g.marginRatio
  }
  return {
    singleAsset: { worstMarginRatio: singleLiquidated ? null : worst, liquidated: singleLiquidated },
    multiAssets: { marginRatio: shock.multiAssets.liquidated ? null : shock.multiAssets.marginRatio, liquidated: shock.multiAssets.liquidated }
  }
}

function expectEveryCell(scenario: Scenario, x: string, y: string, range: string, steps: number, sample?: (i: number, j: number) => boolean): number {
  const grid = stressGrid(prepareAccount(scenario), { x, y, range, steps })
  let checked = 0
  for (let j = 0; j < steps; j++) {
    for (let i = 0; i < steps; i++) {
      if (sample && !sample(i, j)) continue
      expect(grid.cells[j]![i], `cell x ${x} ${grid.x.moves[i]}, y ${y} ${grid.y.moves[j]}`).toEqual(cellByCompare(scenario, { [x]: grid.x.moves[i]!, [y]: grid.y.moves[j]! }))
      checked++
    }
  }
  return checked
}

const EXAMPLES = ['btc-eth-collateral', 'usdc-position-needs-multi-assets', 'hedge-mode-isolated-blocked']
const example = (name: string): Scenario => loadScenario(`resources/examples/${name}.mpscenario.json`)

describe('stress grid moves (§4)', () => {
  it('runs evenly from −range to +range, 0 included when steps is odd', () => {
    expect(gridMoves('0.5', 21).map(String)).toEqual(Array.from({ length: 21 }, (_, k) => new Decimal(k).times('0.05').minus('0.5').toString()))
    expect(gridMoves('0.3', 4).map(String)).toEqual(['-0.3', '-0.1', '0.1', '0.3'])
    expect(gridMoves('0.5', 2).map(String)).toEqual(['-0.5', '0.5'])
  })

  it('rounds a repeating step to 6 places, symmetric around 0', () => {
    const moves = gridMoves('0.5', 20).map(String)
    expect(moves[0]).toBe('-0.5')
    expect(moves[1]).toBe('-0.447368')
    expect(moves[18]).toBe('0.447368')
    expect(moves.map((m, k) => new Decimal(m).plus(moves[19 - k]!).isZero())).toEqual(moves.map(() => true))
  })
})

describe('stress grid = compare with a shock, cell by cell', () => {
  for (const name of EXAMPLES) {
    it(`${name}: every cell of a 9×9 grid out to ±90%`, () => {
      const scenario = example(name)
      const axes = defaultGridAxes(prepareAccount(scenario))!
      expect(expectEveryCell(scenario, axes.x, axes.y, '0.9', 9)).toBe(81)
    })
  }

  it('hedge mode, isolated legs and BTC collateral moving its own rate: both axis orders', () => {
    const scenario = example('hedge-mode-isolated-blocked')
    const assets = exposures(prepareAccount(scenario)).map((e) => e.asset)
    expect(expectEveryCell(scenario, assets[1]!, assets[0]!, '0.75', 7)).toBe(49)
  })

  it('a BTC-margined symbol and negative wallets (debt at the ask rate)', () => {
    const scenario = validScenario(
      baseScenario({
        balances: [
          { asset: 'USDT', wallet: '-2000' },
          { asset: 'BTC', wallet: '0.5' },
          { asset: 'USDC', wallet: '1500' }
        ],
        positions: [
          { symbol: 'ETHBTC', side: 'long', quantity: '20', entryPrice: '0.05', leverage: 10, marginType: 'cross' },
          { symbol: 'BTCUSDT', side: 'short', quantity: '0.3', entryPrice: '61000', leverage: 20, marginType: 'cross' },
          { symbol: 'ETHUSDC', side: 'long', quantity: '4', entryPrice: '3100', leverage: 20, marginType: 'isolated', isolatedWallet: '700' }
        ]
      })
    )
    expect(expectEveryCell(scenario, 'BTC', 'ETH', '0.6', 13)).toBe(169)
  })

  it('fifty-positions: a sample of the default 21×21 grid (diagonals, centre row and column, corners)', () => {
    const scenario = example('fifty-positions')
    const axes = defaultGridAxes(prepareAccount(scenario))!
    const checked = expectEveryCell(scenario, axes.x, axes.y, '0.5', 21, (i, j) => i === j || i + j === 20 || i === 10 || j === 10 || (i % 5 === 0 && j % 7 === 0))
    expect(checked).toBeGreaterThan(80)
  })

  it('the centre of an odd grid is compare of today’s market', () => {
    const scenario = example('btc-eth-collateral')
    const result = compareScenario(scenario)
    const grid = stressGrid(prepareAccount(scenario), { x: 'ETH', y: 'BTC', range: '0.5', steps: 21 })
    expect(grid.cells[10]![10]!.multiAssets.marginRatio).toBe(result.multiAssets.marginRatio)
    expect(grid.cells[10]![10]!.singleAsset.worstMarginRatio).toBe(result.singleAsset.groups[0]!.marginRatio)
    // Idle collateral: the USDT group dies at ETH −13.84%, the pooled account survives ETH −50%.
    expect(grid.cells[10]![0]!.singleAsset.liquidated).toBe(true)
    expect(grid.cells[10]![0]!.multiAssets.liquidated).toBe(false)
  })
})

describe('default axes and bad requests', () => {
  it('the two base assets with the largest USD exposure', () => {
    const account = prepareAccount(example('fifty-positions'))
    const list = exposures(account)
    expect(list.map((e) => e.exposure.toString())).toEqual([...list].map((e) => e.exposure).sort((a, b) => b.cmp(a)).map(String))
    expect(defaultGridAxes(account)).toEqual({ x: list[0]!.asset, y: list[1]!.asset })
    const [p] = account.positions.filter((q) => q.symbol.baseAsset === list[0]!.asset)
    expect(list[0]!.exposure.gte(p!.quantity.times(p!.symbol.mark))).toBe(true)
  })

  it('names every problem with a request', () => {
    const account = prepareAccount(example('btc-eth-collateral'))
    expect(gridSpecProblems(account, { x: 'ETH', y: 'BTC', range: '0.5', steps: 21 })).toEqual([])
    const problems = gridSpecProblems(account, { x: 'DOGE', y: 'DOGE', range: '1', steps: 1 })
    expect(problems).toHaveLength(5)
    expect(problems[0]).toMatch(/--x: unknown asset "DOGE".*ETH, SOL, BTC/)
    expect(problems.join('\n')).toMatch(/--range: must be above 0 and below 1/)
    expect(problems.join('\n')).toMatch(/--steps: must be a whole number from 2/)
    expect(gridSpecProblems(account, { x: 'ETH', y: 'BTC', range: '0', steps: 2 })).toEqual([expect.stringMatching(/--range/)])
    expect(gridSpecProblems(account, { x: 'ETH', y: 'BTC', range: '5e-1', steps: 2.5 })).toHaveLength(2)
  })
})
