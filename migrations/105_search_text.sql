-- Search (GET /api/search): each searchable record's text folded once, when written, the way server/search/fold.ts
-- folds the query (NFC, Vietnamese letters to their base letter, lower case), so the search compares one stored
-- column instead of normalising every row's fields per query. Generated columns: no trigger to keep in step, and the
-- same on PostgreSQL and the embedded database (which has no pg_trgm). The fields are joined by U+001F, which no one
-- types. Each letter table is two string constants on two lines (SQL joins them): lower case, then upper case;
-- test/unit/search-parse.test.ts checks that they are fold.ts's.

ALTER TABLE stations ADD COLUMN search_text text GENERATED ALWAYS AS (
  lower(translate(normalize(coalesce(site_code, '') || chr(31) || coalesce(name, '') || chr(31) || coalesce(address, '')
    || chr(31) || coalesce(decision_no, ''), NFC),
    'àáạảãâầấậẩẫăằắặẳẵèéẹẻẽêềếệểễìíịỉĩòóọỏõôồốộổỗơờớợởỡùúụủũưừứựửữỳýỵỷỹđ'
    'ÀÁẠẢÃÂẦẤẬẨẪĂẰẮẶẲẴÈÉẸẺẼÊỀẾỆỂỄÌÍỊỈĨÒÓỌỎÕÔỒỐỘỔỖƠỜỚỢỞỠÙÚỤỦŨƯỪỨỰỬỮỲÝỴỶỸĐ',
    'aaaaaaaaaaaaaaaaaeeeeeeeeeeeiiiiiooooooooooooooooouuuuuuuuuuuyyyyyd'
    'aaaaaaaaaaaaaaaaaeeeeeeeeeeeiiiiiooooooooooooooooouuuuuuuuuuuyyyyyd'))
) STORED;

ALTER TABLE cable_routes ADD COLUMN search_text text GENERATED ALWAYS AS (
  lower(translate(normalize(coalesce(name, '') || chr(31) || coalesce(street, ''), NFC),
    'àáạảãâầấậẩẫăằắặẳẵèéẹẻẽêềếệểễìíịỉĩòóọỏõôồốộổỗơờớợởỡùúụủũưừứựửữỳýỵỷỹđ'
    'ÀÁẠẢÃÂẦẤẬẨẪĂẰẮẶẲẴÈÉẸẺẼÊỀẾỆỂỄÌÍỊỈĨÒÓỌỎÕÔỒỐỘỔỖƠỜỚỢỞỠÙÚỤỦŨƯỪỨỰỬỮỲÝỴỶỸĐ',
    'aaaaaaaaaaaaaaaaaeeeeeeeeeeeiiiiiooooooooooooooooouuuuuuuuuuuyyyyyd'
    'aaaaaaaaaaaaaaaaaeeeeeeeeeeeiiiiiooooooooooooooooouuuuuuuuuuuyyyyyd'))
) STORED;
