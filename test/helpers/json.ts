/**
 * An answer body (or a request body built by hand) as the integration tests read it: loose JSON, walked with plain
 * property access, whose shape the assertions themselves check.
 */
// biome-ignore lint/suspicious/noExplicitAny: loose JSON on purpose; every test asserts the shape it relies on
export type Json = Record<string, any>
