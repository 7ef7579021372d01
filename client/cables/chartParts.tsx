/** A chart's key: a colour swatch and name for each series. */
export function ChartLegend({ series }: { series: { name: string; colour: string }[] }) {
  return (
    <ul className="cb-chart-legend">
      {series.map((s) => (
        <li key={s.name}>
          <span className="cb-swatch" style={{ background: s.colour }} aria-hidden="true" />
          {s.name}
        </li>
      ))}
    </ul>
  )
}
