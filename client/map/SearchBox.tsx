import { Fragment, useEffect, useId, useRef, useState, type KeyboardEvent } from 'react'
import { http } from '../api/http'
import type { Paths } from '../api/types.gen'
import { useI18n, type MessageKey } from '../i18n'
import { formatCoordinate, formatCount } from '../i18n/format'
import { Icon } from '../ui/icons'
import { ErrorMessage } from '../ui/status'
import { zoneKindLabel } from './FeatureCard'
import './search.css'

export type SearchAnswer = Paths['/api/search']['get']['response']
export type SearchHit = SearchAnswer['items'][number]
export type Coordinate = NonNullable<SearchAnswer['coordinate']>

/** What was chosen in the results: a record, or the typed coordinate. */
export type SearchPick = { kind: 'hit'; hit: SearchHit } | { kind: 'coordinate'; coordinate: Coordinate }

const PAGE = 20
const WAIT_MS = 250

const KIND_LABEL: Record<SearchHit['kind'], MessageKey> = {
  station: 'search.kind.station',
  route: 'search.kind.route',
  item: 'search.kind.item',
  district: 'search.kind.district',
  ward: 'search.kind.ward',
  zone: 'search.kind.zone',
}

/**
 * One search box over GET /api/search: results grouped by kind as the user types, arrows to move, Enter to take
 * the highlighted (or first) result; the page flies the map there and opens its card.
 */
export function SearchBox({ onPick, placeholder }: { onPick(pick: SearchPick): void; placeholder: MessageKey }) {
  const { t, lang } = useI18n()
  const listId = useId()
  const [q, setQ] = useState('')
  const [answer, setAnswer] = useState<SearchAnswer | null>(null)
  const [answered, setAnswered] = useState('')
  const [error, setError] = useState<unknown>(null)
  const [open, setOpen] = useState(false)
  const [active, setActive] = useState(0)
  const seq = useRef(0)

  useEffect(() => {
    const query = q.trim()
    const mine = ++seq.current
    if (!query) {
      setAnswer(null)
      setError(null)
      return
    }
    const timer = setTimeout(() => {
      http.get<SearchAnswer>('/api/search', { q: query, limit: String(PAGE) }).then(
        (a) => {
          if (seq.current !== mine) return
          setAnswer(a)
          setAnswered(query)
          setError(null)
          setActive(0)
          setOpen(true)
        },
        (err: unknown) => {
          if (seq.current === mine) setError(err)
        },
      )
    }, WAIT_MS)
    return () => clearTimeout(timer)
  }, [q])

  const picks: SearchPick[] = answer
    ? [
        ...(answer.coordinate ? [{ kind: 'coordinate' as const, coordinate: answer.coordinate }] : []),
        ...answer.items.map((hit) => ({ kind: 'hit' as const, hit })),
      ]
    : []

  const more = () => {
    if (!answer) return
    http
      .get<SearchAnswer>('/api/search', { q: q.trim(), limit: String(PAGE), offset: String(answer.items.length) })
      .then((next) => setAnswer((now) => (now ? { ...now, items: [...now.items, ...next.items] } : now)), setError)
  }

  const choose = (pick: SearchPick | undefined) => {
    if (!pick) return
    setOpen(false)
    onPick(pick)
  }

  const onKey = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'ArrowDown') {
      e.preventDefault()
      setOpen(true)
      setActive((i) => Math.min(i + 1, picks.length - 1))
    } else if (e.key === 'ArrowUp') {
      e.preventDefault()
      setActive((i) => Math.max(i - 1, 0))
    } else if (e.key === 'Enter') {
      e.preventDefault()
      choose(picks[active] ?? picks[0])
    } else if (e.key === 'Escape') {
      setOpen(false)
    }
  }

  let lastKind: string | null = null
  return (
    <div className="search-box" data-testid="search">
      <div className="search-input">
        <Icon name="search" size={16} />
        <input
          type="search"
          role="combobox"
          aria-label={t('search.label')}
          aria-expanded={open && picks.length > 0}
          aria-controls={listId}
          aria-activedescendant={open && picks[active] ? `${listId}-${active}` : undefined}
          aria-autocomplete="list"
          placeholder={t(placeholder)}
          value={q}
          onChange={(e) => setQ(e.target.value)}
          onKeyDown={onKey}
          onFocus={() => setOpen(true)}
          autoComplete="off"
          spellCheck={false}
          data-testid="search-input"
        />
        {q && (
          <button
            type="button"
            className="icon-btn"
            aria-label={t('search.clear')}
            onClick={() => {
              setQ('')
              setOpen(false)
            }}
          >
            <Icon name="close" size={16} />
          </button>
        )}
      </div>
      {error !== null && <ErrorMessage error={error} />}
      {open && answer && (
        <div className="search-results map-panel" data-testid="search-results" data-query={answered}>
          {picks.length === 0 ? (
            <p className="muted search-none">{t('search.none')}</p>
          ) : (
            <div id={listId} role="listbox" aria-label={t('search.label')}>
              {picks.map((pick, i) => {
                const kind = pick.kind === 'coordinate' ? 'coordinate' : pick.hit.kind
                const head = kind !== lastKind
                lastKind = kind
                return (
                  <Fragment key={pick.kind === 'coordinate' ? 'coordinate' : `${pick.hit.kind}-${pick.hit.id}`}>
                    {head && (
                      <span className="search-group" aria-hidden="true">
                        {pick.kind === 'coordinate' ? t('search.coordinate') : t(KIND_LABEL[pick.hit.kind])}
                      </span>
                    )}
                    <div
                      id={`${listId}-${i}`}
                      role="option"
                      tabIndex={-1}
                      aria-selected={i === active}
                      className="search-option"
                      data-kind={kind}
                      onMouseDown={(e) => e.preventDefault()}
                      onClick={() => choose(pick)}
                      onKeyDown={(e) => e.key === 'Enter' && choose(pick)}
                    >
                      {pick.kind === 'coordinate' ? (
                        <>
                          <strong className="num">
                            {formatCoordinate(pick.coordinate.wgs84[1], lang, 6)}°,{' '}
                            {formatCoordinate(pick.coordinate.wgs84[0], lang, 6)}°
                          </strong>
                          <span className="muted">
                            {lang === 'vi' ? pick.coordinate.message_vi : pick.coordinate.message_en}
                          </span>
                        </>
                      ) : (
                        <>
                          <strong>{pick.hit.label}</strong>
                          {(pick.hit.decisionNo || pick.hit.detail) && (
                            <span className="muted">
                              {[
                                pick.hit.decisionNo,
                                pick.hit.kind === 'zone' && pick.hit.detail
                                  ? zoneKindLabel(t, pick.hit.detail)
                                  : pick.hit.detail,
                              ]
                                .filter(Boolean)
                                .join(' · ')}
                            </span>
                          )}
                        </>
                      )}
                    </div>
                  </Fragment>
                )
              })}
            </div>
          )}
          {answer.total > answer.items.length && (
            <div className="search-foot">
              <span className="muted">{t('search.total', { count: formatCount(answer.total, lang) })}</span>
              <button type="button" className="btn btn-link" onClick={more}>
                {t('search.more')}
              </button>
            </div>
          )}
        </div>
      )}
    </div>
  )
}
