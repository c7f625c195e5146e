import { formatNumber } from '../i18n';

export interface BarItem {
  key: string;
  label: string;
  value: number;
  /** Shown after the bar; the value when absent. */
  valueLabel?: string;
  /** CSS colour (a theme variable). */
  color?: string;
  lang?: string;
}

/**
 * Horizontal bars in plain SVG, one row per item with its label and value as text beside it (so nothing has to be
 * read off the bar). The figure's caption names the chart for screen readers.
 */
export function BarList({ items, caption, testId, max }: { items: readonly BarItem[]; caption: string; testId: string; max?: number }) {
  const top = max ?? Math.max(1, ...items.map((i) => i.value));
  return (
    <figure className="chart" data-testid={testId}>
      <figcaption className="chart__caption">{caption}</figcaption>
      <ul className="chart__bars">
        {items.map((item) => (
          <li key={item.key} className="chart__row" data-key={item.key} data-value={item.value}>
            <span className="chart__label" lang={item.lang}>
              {item.label}
            </span>
            <svg className="chart__bar" viewBox="0 0 100 10" preserveAspectRatio="none" aria-hidden="true" focusable="false">
              <rect x="0" y="0" width="100" height="10" className="chart__track" />
              <rect x="0" y="0" width={Math.max(0.5, (item.value / top) * 100)} height="10" style={{ fill: item.color ?? 'var(--accent)' }} />
            </svg>
            <span className="chart__value">{item.valueLabel ?? formatNumber(item.value)}</span>
          </li>
        ))}
      </ul>
    </figure>
  );
}

/**
 * Columns over time in plain SVG (inserts per day). The columns are drawn; the numbers are in a table beside them
 * for anyone not reading the drawing.
 */
export function ColumnChart({
  items,
  caption,
  testId,
  labelHeading,
  valueHeading,
}: {
  items: ReadonlyArray<{ key: string; label: string; value: number }>;
  caption: string;
  testId: string;
  labelHeading: string;
  valueHeading: string;
}) {
  const top = Math.max(1, ...items.map((i) => i.value));
  const width = Math.max(1, items.length) * 10;
  return (
    <figure className="chart" data-testid={testId}>
      <figcaption className="chart__caption">{caption}</figcaption>
      <svg className="chart__columns" viewBox={`0 0 ${width} 50`} preserveAspectRatio="none" aria-hidden="true" focusable="false">
        <line x1="0" x2={width} y1="50" y2="50" className="chart__axis" vectorEffect="non-scaling-stroke" />
        {items.map((item, i) => {
          const h = (item.value / top) * 48;
          return <rect key={item.key} x={i * 10 + 1.5} y={50 - h} width="7" height={h} className="chart__column" data-value={item.value} />;
        })}
      </svg>
      {items.length > 0 ? (
        <div className="chart__ends" aria-hidden="true">
          <span>{items[0]!.label}</span>
          <span>{items.at(-1)!.label}</span>
        </div>
      ) : null}
      <table className="visually-hidden">
        <thead>
          <tr>
            <th scope="col">{labelHeading}</th>
            <th scope="col">{valueHeading}</th>
          </tr>
        </thead>
        <tbody>
          {items.map((item) => (
            <tr key={item.key}>
              <td>{item.label}</td>
              <td>{formatNumber(item.value)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  );
}
