// Which assets count as "crypto" for the all-crypto slider: everything but USD stablecoins.
export const STABLECOINS = new Set(['USDT', 'USDC', 'BUSD', 'FDUSD', 'USD', 'TUSD', 'DAI', 'USDP'])

export function isCrypto(asset: string): boolean {
  return !STABLECOINS.has(asset)
}

/** The slider key that moves every crypto asset at once. */
export const ALL_CRYPTO = '*'
