import { launchChromium, newContext, DESKTOP } from '../../test/e2e/helpers/browser'
import { CablesDriver } from '../../test/e2e/cables-driver'
import { underLimit, type BenchResult } from '../report'
import type { BenchContext } from '../run'
import { DEMO_PASSWORD } from '../../gis-data/demo'

/**
 * The poles layer at city scale (the demo's 150,000 poles) in Debian's Chromium: time for the layer to be
 * fetched, decoded and drawn again after it is switched on, and the longest main-thread task meanwhile
 * (a frozen page shows as a long task). The same steps as the cables e2e spec.
 */
export async function mapBench(ctx: BenchContext): Promise<BenchResult[]> {
  const browser = await launchChromium()
  try {
    const context = await newContext(browser, DESKTOP)
    // tsx compiles with keepNames, so functions handed to the page call esbuild's __name helper; give the page one.
    await context.addInitScript({ content: 'window.__name = (f) => f' })
    const officer = await CablesDriver.recordingLongTasks(await context.newPage(), ctx.serverUrl)
    await officer.signIn('officer', DEMO_PASSWORD)
    await officer.open('/cables')
    await officer.polesDrawnAt()
    await officer.showLayer('poles', false)
    await officer.waitForIdle()
    await officer.resetLongTasks()
    const start = await officer.now()
    await officer.showLayer('poles', true)
    const drawnMs = (await officer.polesDrawnAt()) - start
    const longest = await officer.longestTask()
    return [
      underLimit('map.poles_render_ms', drawnMs, 'ms', 15_000, null),
      underLimit('map.poles_longest_task_ms', longest, 'ms', 1_000, null),
    ]
  } finally {
    await browser.close()
  }
}
