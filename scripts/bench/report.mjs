// Number formatting and markdown tables for the benchmark's output.

export const median = (xs) => {
  const s = xs.filter((x) => Number.isFinite(x)).sort((a, b) => a - b);
  if (!s.length) return NaN;
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const range = (xs) => {
  const s = xs.filter((x) => Number.isFinite(x));
  return s.length ? [Math.min(...s), Math.max(...s)] : [NaN, NaN];
};

const group = (n, digits) => n.toLocaleString("en-US", { minimumFractionDigits: digits, maximumFractionDigits: digits });
export const kb = (n) => (Number.isFinite(n) ? `${group(n / 1024, 1)} KB` : "n/a");
export const mb = (n) => (Number.isFinite(n) ? `${group(n / 1048576, 1)} MB` : "n/a");
export const ms = (n) => (Number.isFinite(n) ? `${group(n, Math.abs(n) < 100 ? 1 : 0)} ms` : "n/a");

/** "1,234 ms (1,200–1,300)": the median and, with more than one run, the spread. */
export function timing(xs) {
  if (!xs || !xs.length) return "";
  const [lo, hi] = range(xs);
  const m = median(xs);
  if (!Number.isFinite(m)) return "n/a";
  if (xs.length < 2 || lo === hi) return ms(m);
  const bare = (n) => group(n, m < 100 ? 1 : 0);
  return `${ms(m)} (${bare(lo)}–${bare(hi)})`;
}

/**
 * The median of the per-run ratios a[i] / b[i]: each pair was measured back to back, so a
 * change in the machine's load between runs cancels out of it (the medians of the columns
 * can come from different runs).
 */
export function ratio(a, b) {
  const pairs = a.map((x, i) => x / b[i]).filter((r) => Number.isFinite(r) && r > 0);
  return pairs.length ? `${median(pairs).toFixed(2)}×` : "";
}

export function table(head, rows, align) {
  const line = (cells) => `| ${cells.join(" | ")} |`;
  return [line(head), line(head.map((_, i) => (align && align[i] === "r" ? "---:" : "---"))), ...rows.map(line)].join("\n");
}
