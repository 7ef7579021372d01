// A linear pre-check of an XML text before the DOM parser sees it. @xmldom/xmldom takes quadratic time
// on runs of unclosed elements (600,000 of them: 19 s), so a file is refused here, in one pass, when its
// elements do not match or nest deeper than any KML needs.

/** Deeper than kml/Document/Folder…/Placemark/MultiGeometry/Polygon/outerBoundaryIs/LinearRing/coordinates. */
export const MAX_XML_DEPTH = 64

/** Why the text cannot be handed to the XML parser, or undefined when its elements balance. */
export function xmlStructureProblem(text: string, maxDepth = MAX_XML_DEPTH): string | undefined {
  const open: string[] = []
  let i = text.indexOf('<')
  while (i >= 0 && i < text.length) {
    const next = text[i + 1]
    if (text.startsWith('<!--', i)) i = skipPast(text, i, '-->')
    else if (text.startsWith('<![CDATA[', i)) i = skipPast(text, i, ']]>')
    else if (next === '?') i = skipPast(text, i, '?>')
    else if (next === '!') return 'the file declares a DOCTYPE, which KML does not use'
    else {
      const end = tagEnd(text, i)
      if (end < 0) return 'an element is not closed with ">"'
      const closing = next === '/'
      const name = tagName(text, closing ? i + 2 : i + 1, end)
      if (name === '') return `a "<" at character ${i} does not start an element`
      if (closing) {
        const expected = open.pop()
        if (expected !== name) return `the element <${expected ?? '(none)'}> is closed by </${name}>`
      } else if (text[end - 1] !== '/') {
        open.push(name)
        if (open.length > maxDepth) return `elements are nested more than ${maxDepth} deep`
      }
      i = end + 1
    }
    if (i < 0) return 'a comment, CDATA section or declaration is not closed'
    i = text.indexOf('<', i)
  }
  return open.length > 0 ? `the element <${open[open.length - 1]}> is not closed` : undefined
}

function skipPast(text: string, from: number, marker: string): number {
  const at = text.indexOf(marker, from)
  return at < 0 ? -1 : at + marker.length
}

/** The ">" ending the tag that starts at `from`, stepping over quoted attribute values. */
function tagEnd(text: string, from: number): number {
  let quote = ''
  for (let i = from + 1; i < text.length; i++) {
    const ch = text[i]
    if (quote) {
      if (ch === quote) quote = ''
    } else if (ch === '"' || ch === "'") quote = ch
    else if (ch === '>') return i
    else if (ch === '<') return -1
  }
  return -1
}

function tagName(text: string, from: number, end: number): string {
  let to = from
  while (to < end && !' \t\r\n/>'.includes(text[to]!)) to++
  return text.slice(from, to)
}
