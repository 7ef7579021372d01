import { StationsDriver } from './stations-driver'

/** A plan feature as the carrier's GeoJSON file gives it. */
export type PlanFeature = Record<string, unknown>

/** What carriers and officers do with infrastructure plans, in the app's own terms. */
export class PlansDriver extends StationsDriver {
  /** Opens the plans page and, when a title is given, that plan. */
  async openPlan(title?: string): Promise<void> {
    await this.open('/plans')
    await this.page.locator('[data-testid=plans-page]').waitFor()
    if (!title) return
    await this.page.locator(`[data-testid=plan-list] button[data-plan="${title}"]`).click()
    await this.page.locator('[data-testid=plan-version]').waitFor({ timeout: 30_000 })
  }

  /** Files a new plan through the form; the page then shows it. */
  async createPlan(title: string): Promise<void> {
    const form = this.page.locator('[data-testid=plan-new]')
    await form.locator('input').first().fill(title)
    await form.locator('button[type=submit]').click()
    await this.page.locator(`[data-testid=plan-list] button[data-plan="${title}"]`).waitFor()
  }

  /** Uploads a GeoJSON file as the next version and waits until it is accepted; answers the progress seen. */
  async uploadVersion(name: string, features: PlanFeature[]): Promise<void> {
    const form = this.page.locator('[data-testid=plan-upload]')
    const buffer = Buffer.from(JSON.stringify({ type: 'FeatureCollection', features }))
    await form.locator('input[type=file]').setInputFiles({ name, mimeType: 'application/geo+json', buffer })
    await form.locator('button[type=submit]').click()
    await this.page.locator('[data-testid=plan-upload-done]').waitFor({ timeout: 60_000 })
  }

  /** Waits for the version shown to be number `n` in a state. */
  async waitForVersion(n: number, state?: string): Promise<void> {
    const sel = `[data-testid=plan-version][data-number="${n}"]${state ? `[data-state=${state}]` : ''}`
    await this.page.locator(sel).waitFor({ timeout: 30_000 })
  }

  /** Waits until the automatic checks have run on the version shown; answers the rules found with their counts. */
  async findingsByRule(): Promise<Record<string, number>> {
    await this.page.locator('[data-testid=plan-findings][data-checked=true]').waitFor({ timeout: 60_000 })
    return this.page.evaluate(() =>
      Object.fromEntries(
        [...document.querySelectorAll('[data-testid=plan-findings-by-rule] tr[data-rule]')].map((tr) => [
          tr.getAttribute('data-rule'),
          Number(tr.getAttribute('data-count')),
        ]),
      ),
    )
  }

  /** Comments on one feature of the version shown (picked by its code). */
  async commentOn(featureCode: string, body: string): Promise<void> {
    const form = this.page.locator('[data-testid=plan-comment-form]')
    await form.locator('select[name=feature]').selectOption({ label: featureCode })
    await form.locator('textarea[name=body]').fill(body)
    await form.locator('[data-testid=plan-comment-send]').click()
    await this.page.locator('[data-testid=plan-comment-list] li', { hasText: body }).waitFor()
  }

  /** Takes an appraisal step on the version shown, filling its form. */
  async appraise(action: 'return' | 'pass' | 'approve', fill: Record<string, string> = {}): Promise<void> {
    await this.page.locator(`[data-testid=plan-actions] [data-action=${action}]`).click()
    const form = this.page.locator(`[data-testid=plan-form-${action}]`)
    for (const [name, value] of Object.entries(fill)) await form.locator(`[name=${name}]`).fill(value)
    await form.locator('[data-testid=plan-confirm]').click()
  }

  /** Answers the department's first comment on the earlier version. */
  async answerFirstComment(body: string): Promise<void> {
    const box = this.page.locator('[data-testid^=plan-answer-text-]').first()
    await box.fill(body)
    await this.page.locator('[data-testid^=plan-answer-send-]').first().click()
    await this.page.locator('[data-testid=plan-answer]', { hasText: body }).waitFor()
  }

  /** Compares the two latest versions; answers each changed feature's code with its changes. */
  async showDiff(): Promise<Record<string, string>> {
    const diff = this.page.locator('[data-testid=plan-diff]')
    await diff.locator('button[type=submit]').click()
    await diff.locator('[data-testid=plan-diff-table] tbody tr').first().waitFor()
    await diff.locator('[data-testid=plan-map] [data-testid=map][data-ready=true]').waitFor({ timeout: 60_000 })
    return this.page.evaluate(() =>
      Object.fromEntries(
        [...document.querySelectorAll('[data-testid=plan-diff-table] tbody tr')].map((tr) => [
          (tr.children[0] as HTMLElement).innerText,
          (tr.children[2] as HTMLElement).innerText,
        ]),
      ),
    )
  }
}
