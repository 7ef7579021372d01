// The statements /api/health runs itself (the migration level comes from server/db, demo accounts from users).

/** The demo layers loaded (gis-data writes demo_datasets; health only reads it). */
export const DEMO_DATASETS = 'SELECT name, generated_at FROM demo_datasets ORDER BY name'
