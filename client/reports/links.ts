/**
 * The section's links, as the app opens them. The server links each figure to its records in the API
 * (`/api/reports/records?…`, what a script or a test reads) and each record to its API resource; a person gets the
 * same lists as pages of the app instead of raw JSON. Pure, so it is tested without a browser.
 */

/** The app's page of the records behind a figure, with the figure's label for the page title. */
export function recordsPageLink(apiLink: string, label: string): string {
  const query = apiLink.split('?')[1] ?? ''
  const params = new URLSearchParams(query)
  params.set('label', label)
  return `/reports/records?${params.toString()}`
}

/** The API query of a records page: its own query without the label. */
export function recordsApiQuery(search: string): Record<string, string> {
  const params = new URLSearchParams(search)
  params.delete('label')
  return Object.fromEntries(params)
}

const RECORD_PAGES: [RegExp, (id: string) => string][] = [
  [/^\/api\/stations\/(\d+)$/, (id) => `/stations/${id}`],
  [/^\/api\/conversions\/items\/(\d+)$/, (id) => `/conversions/items/${id}`],
  [/^\/api\/cables\/routes\/(\d+)$/, (id) => `/cables/${id}`],
  [/^\/api\/tickets\/(\d+)$/, (id) => `/tickets/${id}`],
]

/**
 * The app's page of one record from its API address (a station, a conversion item, a cable route, a 1022 ticket);
 * a record without a page of its own (a plan version, an inspection) opens as the API answers it.
 */
export function recordPage(apiUrl: string): string {
  for (const [pattern, page] of RECORD_PAGES) {
    const id = pattern.exec(apiUrl)?.[1]
    if (id) return page(id)
  }
  return apiUrl
}
