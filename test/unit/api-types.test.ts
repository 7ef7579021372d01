import fs from 'node:fs'
import { describe, expect, it } from 'vitest'
import { currentTypes, TYPES_FILE } from '../../tools/gen-types'
import { generateTypes, typeOf } from '../../tools/openapi-types'

describe('client API types generated from the OpenAPI document', () => {
  it('are committed as the routes now describe them (run `npm run gen:types` after changing a schema)', () => {
    expect(fs.readFileSync(TYPES_FILE, 'utf8')).toBe(currentTypes())
  })

  it('describe the cable route answer with the allowed actions, and the problem with its field errors', () => {
    const text = currentTypes()
    expect(text).toContain(
      'allowedActions: ("planned" | "under_construction" | "completed" | "accepted" | "edit" | "delete" | "leave")[]',
    )
    // the problem's stable code, and each field error's message with its own code (issue 11)
    expect(text).toMatch(
      /export type Problem = \{[^}]*code: string[^}]*errors\?: \(\{\s*path: string\s*message: string\s*code\?: string/,
    )
  })

  it('translate JSON Schema: optional and nullable fields, enums, tuples, records and references', () => {
    const schema = {
      type: 'object',
      required: ['a', 'b'],
      properties: {
        a: { anyOf: [{ type: 'string' }, { type: 'null' }] },
        b: { type: 'array', prefixItems: [{ type: 'number' }, { type: 'number' }], items: { type: 'number' } },
        c: { enum: ['x', 'y'] },
        d: { type: 'object', additionalProperties: { $ref: '#/components/schemas/Problem' } },
        'e-f': { type: 'integer' },
      },
    }
    expect(typeOf(schema)).toBe(
      '{\n  a: string | null\n  b: [number, number, ...number[]]\n  c?: "x" | "y"\n' +
        '  d?: Record<string, Problem>\n  "e-f"?: number\n}',
    )
  })

  it('answer never for what an operation does not take and unknown for an answer not described', () => {
    const text = generateTypes({ paths: { '/api/x': { delete: { responses: { 204: { description: 'Success' } } } } } })
    expect(text).toContain(
      '"/api/x": {\n    delete: {\n      params: never\n      query: never\n      body: never\n      response: unknown',
    )
  })
})
