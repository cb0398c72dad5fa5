import { chromium } from 'playwright-core'
const ctx = await chromium.launchPersistentContext('/tmp/mp-prof-' + process.pid, { executablePath: '/usr/bin/chromium', headless: true, args: ['--no-sandbox','--disable-gpu'], viewport: { width: 860, height: 1100 }, javaScriptEnabled: false })
const page = ctx.pages()[0] ?? await ctx.newPage()
await page.goto('file://' + process.argv[2])
const h = await page.evaluate(() => document.body.scrollHeight).catch(() => 4000)
console.log('height', h)
for (let k = 0; k * 1100 < h; k++) await page.screenshot({ path: `/tmp/r${k}.png`, fullPage: true, clip: { x: 0, y: k * 1100, width: 860, height: 1100 } })
await ctx.close()
