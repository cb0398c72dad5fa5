// HTML built by a tagged template that escapes every interpolated value unless it is already
// markup made by the same tag: a user's portfolio name, note or source can never become markup.
export class Markup {
  constructor(readonly text: string) {}
  toString(): string {
    return this.text
  }
}

export function escapeHtml(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;')
}

type Value = Markup | string | number | null | undefined | false | Value[]

function render(value: Value): string {
  if (value === null || value === undefined || value === false) return ''
  if (Array.isArray(value)) return value.map(render).join('')
  if (value instanceof Markup) return value.text
  return escapeHtml(String(value))
}

export function html(strings: TemplateStringsArray, ...values: Value[]): Markup {
  let out = strings[0]!
  values.forEach((v, i) => (out += render(v) + strings[i + 1]!))
  return new Markup(out)
}
