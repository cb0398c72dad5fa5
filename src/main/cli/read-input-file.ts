// Reads a user file for the CLI: size checked before reading, problems as bad input (exit 2).
import { readFileSync, statSync } from 'node:fs'
import { BadInput } from './cli-io'

export function readInputFile(path: string, maxBytes: number): string {
  let size: number
  try {
    size = statSync(path).size
  } catch {
    throw new BadInput([`${path}: no such file`])
  }
  if (size > maxBytes) throw new BadInput([`${path}: the file is ${size} bytes, more than the ${maxBytes} a scenario may have`])
  const bytes = readFileSync(path)
  const text = new TextDecoder('utf-8', { fatal: false }).decode(bytes)
  if (text.includes('\uFFFD')) throw new BadInput([`${path}: not UTF-8 text`])
  return text
}
