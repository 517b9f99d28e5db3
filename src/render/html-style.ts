/**
 * The client-file report's own style rules (after html-page.ts's shared ones). A result is read
 * from its words; its colour and border only repeat them, so a page printed in grey, or read by
 * someone who does not tell red from green, says the same: tints are light enough to print as pale
 * grey behind black-enough text, and each tone has its own border style.
 */
export const REPORT_CSS = `
a { color: inherit; }
.kicker { margin: 0; font-size: .85rem; letter-spacing: .08em; text-transform: uppercase; color: #555; }
h1 { font-size: 1.6rem; margin: .1rem 0 .6rem; }
h4 { font-size: .95rem; margin: .8rem 0 .2rem; }
.disclaimer { margin: .5rem 0 .8rem; padding: .5rem .75rem; border: 1px solid #8a6d00; border-left: 6px solid #8a6d00; background: #fff8e1; }
.what-if { margin: .3rem 0; padding: .3rem .75rem; border: 2px dashed #0b4f6c; font-weight: 600; }
dl { margin: 0; }
dt { font-weight: 700; }
dd { margin: 0; }
.case-facts, .stamp { display: grid; grid-template-columns: max-content 1fr; gap: .1rem 1rem; margin: .3rem 0; }
.case-facts > div, .stamp > div, .outcome dl > div { display: contents; }
.stamp { font-size: .85rem; color: #444; }
.path { word-break: break-all; }
table.summary { font-size: .95em; }
table.summary { table-layout: fixed; }
table.summary col.col-program { width: 15%; }
table.summary col.col-status { width: 13%; }
table.summary col.col-result { width: 17%; }
table.summary col.col-reason { width: 29%; }
table.summary col.col-waiver { width: 16%; }
table.summary col.col-review { width: 10%; }
table.summary td:nth-child(5) { font-size: .92em; }
thead th { background: #e8e8e8; border-bottom: 2px solid #555; }
.not-law { font-style: italic; }
.result { display: inline-block; padding: 0 .35rem; border: 1.5px solid; border-radius: 3px; font-weight: 700; letter-spacing: .02em; }
.tone-favourable.result { color: #14532d; background: #e6f4ea; border-style: solid; }
.tone-waiver.result { color: #0b4f6c; background: #e3f1f7; border-style: double; border-width: 3px; }
.tone-unfavourable.result { color: #7f1d1d; background: #fbeaea; border-style: solid; border-width: 2.5px; }
.tone-open.result { color: #6b4700; background: #fff4d6; border-style: dashed; }
.tone-neutral.result { color: #222; background: #f0f0f0; border-style: dotted; }
span.tone-open:not(.result) { color: #6b4700; font-style: italic; }
.review { font-weight: 700; color: #5b2168; }
.cite { color: #444; font-size: .88em; }
.intro { break-after: avoid; margin: .2rem 0; color: #444; font-size: .92em; }
ol, ul { margin: .2rem 0 .4rem; padding-left: 1.4rem; }
li { margin: .15rem 0; }
.questions li { margin: .3rem 0; }
.program h2 { margin-top: 2rem; }
.program-id { font: .8rem "Liberation Mono", "DejaVu Sans Mono", monospace; color: #555; font-weight: 400; }
.legal-status { margin: .4rem 0; padding: .4rem .75rem; border-left: 4px solid #888; background: #f6f6f6; font-size: .92em; }
.status-historical, .status-hypothetical, .status-in_litigation { border-left: 4px double #333; }
.outcome { margin: .6rem 0; padding: .5rem .75rem; border: 1px solid #bbb; border-radius: 4px; }
.outcome dl { display: grid; grid-template-columns: max-content 1fr; gap: .2rem 1rem; align-items: baseline; }
.outcome dd .result { font-size: 1.05rem; }
.review-flag { margin: .4rem 0 0; font-weight: 700; color: #5b2168; }
.review-flag::before { content: "\\25B6\\00A0"; }
.no-review { margin: .4rem 0 0; color: #444; }
.finding-name { font-weight: 600; }
.overridden { font-style: italic; color: #444; }
ul.because { list-style: none; padding-left: .8rem; margin: 0; color: #333; font-size: .9em; }
.settled strong { color: #14532d; }
.open strong { color: #6b4700; }
.subject { color: #444; }
.pack { margin-top: 1rem; font-size: .85rem; color: #555; }
.sources { font-size: .88em; }
@page { @top-left { font-family: "Liberation Sans", Arial, Helvetica, sans-serif; } @bottom-right { font-family: "Liberation Sans", Arial, Helvetica, sans-serif; } }
@media print {
  * { print-color-adjust: exact; -webkit-print-color-adjust: exact; }
  a { text-decoration: none; }
  .program { break-before: page; }
  .program h2 { margin-top: 0; }
  .outcome, .legal-status, .disclaimer { break-inside: avoid; }
  table.summary { font-size: .9em; }
  .result { font-size: .92em; }
  h3 { margin: .7rem 0 .15rem; }
  h4 { margin: .5rem 0 .1rem; }
  li { margin: .08rem 0; }
  .findings, .review-points, .cautions { font-size: .95em; }
  .findings.compact { font-size: .9em; columns: 2; column-gap: 1.5em; }
  .findings.compact li { break-inside: avoid; }
  thead { display: table-header-group; }
}
`;
