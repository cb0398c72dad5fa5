// The report's one inline stylesheet: light, dense, tabular figures, printed on A4 portrait.
export const REPORT_CSS = `
@page { size: A4; margin: 14mm 12mm; }
* { box-sizing: border-box; }
html { color: #1b1f24; background: #fff; font: 10pt/1.4 system-ui, -apple-system, "Segoe UI", Roboto, "Liberation Sans", Arial, sans-serif; }
body { margin: 0 auto; max-width: 186mm; padding: 8mm 0; }
@media print { body { padding: 0; } }
h1 { font-size: 17pt; margin: 0 0 2pt; }
h2 { font-size: 12pt; margin: 14pt 0 4pt; padding-bottom: 2pt; border-bottom: 1px solid #c9ced6; break-after: avoid; }
h3 { font-size: 10.5pt; margin: 8pt 0 3pt; break-after: avoid; }
p { margin: 3pt 0; }
.meta, .muted, figcaption, .lede { color: #555d68; }
.meta { font-size: 9pt; }
section, figure, table, .verdict { break-inside: avoid; }
section.positions, section.rules { break-inside: auto; }
table { border-collapse: collapse; width: 100%; margin: 3pt 0; font-size: 9pt; }
th, td { padding: 2pt 5pt; border-bottom: 1px solid #e3e6ea; text-align: left; vertical-align: top; }
thead th { border-bottom: 1.5px solid #9aa3ad; font-weight: 600; }
tr { break-inside: avoid; }
.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
.better { color: #1d6b2c; font-weight: 600; }
.worse, .blocked { color: #a3231a; font-weight: 600; }
.verdict { border: 1.5px solid #9aa3ad; border-radius: 4pt; padding: 6pt 8pt; margin: 8pt 0; font-size: 10.5pt; }
.verdict .tag { display: inline-block; font-weight: 700; text-transform: uppercase; font-size: 8.5pt; border: 1px solid currentColor; border-radius: 3pt; padding: 0 4pt; margin-right: 6pt; }
.band { font-size: 8pt; text-transform: uppercase; letter-spacing: .03em; margin-left: 3pt; }
.band.calm { color: #1d6b2c; } .band.amber { color: #8a5a00; } .band.red, .band.liquidated { color: #a3231a; font-weight: 700; }
.delta { font-size: 8.5pt; margin-left: 4pt; }
.charts, .maps { display: flex; flex-wrap: wrap; gap: 6pt 12pt; }
figure { margin: 0; }
figcaption { font-size: 8.5pt; max-width: 88mm; }
svg text { font: 8px system-ui, "Liberation Sans", Arial, sans-serif; fill: #3c434c; }
svg .axis { font-size: 9px; font-weight: 600; }
svg .frame { fill: none; stroke: #9aa3ad; }
svg .boundary { stroke: #000; stroke-width: 2; stroke-linecap: square; }
svg .today { fill: #fff; stroke: #000; stroke-width: 1.5; }
svg .grid { stroke: #e3e6ea; } svg .ref { stroke: #a3231a; stroke-dasharray: 4 3; } svg .now { stroke: #9aa3ad; stroke-dasharray: 2 2; }
svg path { fill: none; stroke-width: 1.8; }
svg path.multi, .key.multi { stroke: #1f5fbf; border-color: #1f5fbf; }
svg path.single, .key.single { stroke: #b4570a; stroke-dasharray: 5 3; border-color: #b4570a; }
svg path.s1, .key.s1 { stroke: #6b3fa0; border-color: #6b3fa0; } svg path.s2, .key.s2 { stroke: #2b7a78; border-color: #2b7a78; }
.key { display: inline-block; width: 16pt; border-top: 2px solid; vertical-align: middle; margin: 0 3pt 0 0; }
.key.single { border-top-style: dashed; }
.legend { list-style: none; padding: 0; margin: 3pt 0; display: flex; flex-wrap: wrap; gap: 2pt 10pt; font-size: 8.5pt; }
.swatch { display: inline-block; width: 9pt; height: 9pt; border: 1px solid #9aa3ad; vertical-align: -1pt; margin-right: 3pt; }
.swatch.line { border: 0; border-top: 2px solid #000; height: 0; vertical-align: middle; }
.swatch.dot { border-radius: 50%; border: 1.5px solid #000; }
.maps figure { flex: 1 1 84mm; }
.maps svg { width: 100%; height: auto; max-width: 90mm; }
ol.rules { padding-left: 14pt; font-size: 8.5pt; } ol.rules li { margin: 1.5pt 0; } ol.rules .src { color: #555d68; }
.grid-page { break-before: page; }
.wide table { font-size: 8.5pt; } .wide th, .wide td { padding: 2pt 3pt; }
`
