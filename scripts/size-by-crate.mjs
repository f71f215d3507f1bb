// Sums twiggy's `top -f csv` rows by the crate each item's name starts with.
import { createInterface } from 'node:readline';

const totals = new Map();
let all = 0;
for await (const line of createInterface({ input: process.stdin })) {
  const m = line.match(/^"?(.*?)"?,(\d+),/);
  if (!m || m[1] === 'Name') continue;
  const bytes = Number(m[2]);
  // `<tachys::view::Foo as leptos::IntoView>::build` belongs to tachys; `data[3]` is data.
  const name = m[1].replace(/^[<&*\s]+|^(dyn|impl|mut)\s+/g, '');
  const crate = /^[a-z_][a-z0-9_]*::/.test(name) ? name.split('::')[0] : /^data\[/.test(name) ? '(data)' : '(other)';
  totals.set(crate, (totals.get(crate) ?? 0) + bytes);
  all += bytes;
}
console.log('bytes\tshare\tcrate');
for (const [crate, bytes] of [...totals].sort((a, b) => b[1] - a[1]).slice(0, 30)) {
  console.log(`${bytes}\t${((100 * bytes) / all).toFixed(1)}%\t${crate}`);
}
