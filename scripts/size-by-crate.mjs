// Sums twiggy's `top -f csv` rows by the crate each item's name starts with.
import { createInterface } from 'node:readline';

const totals = new Map();
let all = 0;
for await (const line of createInterface({ input: process.stdin })) {
  const m = line.match(/^"?(.*?)"?,(\d+),/);
  if (!m || m[1] === 'Name' || /function names|custom section/.test(m[1])) continue;
  const bytes = Number(m[2]);
  // `<&mut serde_json::de::Foo as serde_core::Bar>::baz` belongs to serde_json.
  let name = m[1];
  for (let before = ''; before !== name; ) {
    before = name;
    name = name.replace(/^[<&*\s]+/, '').replace(/^(dyn|impl|mut|const)\s+/, '');
  }
  // `<T as tachys::view::any_view::IntoAny>::…` (generic code) belongs to the trait's crate;
  // `<str as core::fmt::Debug>::fmt` to core.
  name = name.replace(/^([A-Z]\w*|str|char|u8|usize|\[\w+\]) as /, '');
  const crate = /^[a-z_][a-z0-9_]*(\[[0-9a-f]+\])?::/.test(name)
    ? name.split('::')[0].replace(/\[[0-9a-f]+\]$/, '')
    : /^data segment/.test(name)
      ? '(data)'
      : '(unnamed: tables, types, imports, code[…])';
  totals.set(crate, (totals.get(crate) ?? 0) + bytes);
  all += bytes;
}
console.log('bytes\tshare\tcrate');
for (const [crate, bytes] of [...totals].sort((a, b) => b[1] - a[1]).slice(0, 30)) {
  console.log(`${bytes}\t${((100 * bytes) / all).toFixed(1)}%\t${crate}`);
}
console.log(`${all}\t100%\tall`);
