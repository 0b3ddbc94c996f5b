/**
 * A small horizontal bar chart in SVG, drawn here (no chart library): one bar
 * per option with its count and percent, readable at 360 px and in print.
 * Labels sit above their bars, so long Polish answers wrap in HTML, not in SVG.
 */
import { formatNumber } from '../format.js';

/**
 * @param {{rows: {label: string, count: number, percent: number}[], testid?: string, inline?: boolean}} props
 *   inline: short labels (a scale's 1–5) beside their bars
 */
export function Bars({ rows, testid, inline = false }) {
  const max = Math.max(1, ...rows.map((r) => r.percent));
  return (
    <ul class={`bars${inline ? ' is-inline' : ''}`} data-testid={testid}>
      {rows.map((r) => (
        <li key={r.label} class="bar-row" data-testid="result-bar" data-count={r.count}>
          <span class="bar-label">{r.label}</span>
          <span class="bar-line">
            <svg class="bar" viewBox="0 0 100 10" preserveAspectRatio="none" role="img" aria-label={`${r.label}: ${r.percent}%`}>
              <rect x="0" y="0" width="100" height="10" rx="2" class="bar-track" />
              <rect x="0" y="0" width={(100 * r.percent) / max} height="10" rx="2" class="bar-fill" />
            </svg>
            <span class="bar-value">{r.count} ({formatNumber(r.percent)}%)</span>
          </span>
        </li>
      ))}
    </ul>
  );
}
