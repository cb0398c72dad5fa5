// The character codes the JSON readers (strict-json.ts, plain-json.ts) scan a text for.
export const TAB = 9, LF = 10, CR = 13, SPACE = 32, QUOTE = 34, COMMA = 44, MINUS = 45, DOT = 46, ZERO = 48, NINE = 57, COLON = 58
export const E_UPPER = 69, E_LOWER = 101, PLUS = 43, OPEN_BRACKET = 91, BACKSLASH = 92, CLOSE_BRACKET = 93, OPEN_BRACE = 123, CLOSE_BRACE = 125
