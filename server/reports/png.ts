import { renderAsync } from '@resvg/resvg-js'

/**
 * An SVG drawn as PNG at `width` pixels by resvg (no browser, no native graphics stack; off the event loop), with
 * the system's fonts (DejaVu or Liberation carry Vietnamese).
 */
export async function svgToPng(svg: string, width: number): Promise<Buffer> {
  const image = await renderAsync(svg, {
    fitTo: { mode: 'width', value: width },
    font: { loadSystemFonts: true, defaultFontFamily: 'DejaVu Sans' },
  })
  return image.asPng()
}
