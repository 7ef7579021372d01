// Every statement of the carriers domain. Values are bind parameters.

const COLUMNS = `id, name, short_name AS "shortName", kind, mnc`

export const LIST_CARRIERS = `SELECT ${COLUMNS} FROM carriers ORDER BY kind, name`

/** $1 id; the row stays locked until the transaction ends. */
export const CARRIER_FOR_UPDATE = `SELECT ${COLUMNS} FROM carriers WHERE id = $1 FOR UPDATE`

/** $1 name, $2 short name, $3 kind, $4 mobile network code or NULL. */
export const INSERT_CARRIER = `INSERT INTO carriers (name, short_name, kind, mnc) VALUES ($1, $2, $3, $4)
  RETURNING ${COLUMNS}`

/** The same, leaving a carrier with that short name as it is (the demo's national carriers). */
export const ENSURE_CARRIER = `INSERT INTO carriers (name, short_name, kind, mnc) VALUES ($1, $2, $3, $4)
  ON CONFLICT (short_name) DO NOTHING`

/** $1 id, $2 name, $3 short name, $4 kind, $5 mobile network code or NULL. */
export const UPDATE_CARRIER = `UPDATE carriers SET name = $2, short_name = $3, kind = $4, mnc = $5 WHERE id = $1
  RETURNING ${COLUMNS}`
