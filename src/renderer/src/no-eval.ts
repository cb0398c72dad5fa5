// The CSP forbids eval (and Trusted Types refuses `new Function` text): tell zod not to compile
// its fast paths, before any module builds a schema, or its probe `new Function("")` is reported
// as a violation. Imported first by main.ts.
import { z } from 'zod'

z.config({ jitless: true })
