// The search test set: each query, in its edition (a path prefix), and where its first result
// must lead (relative path). The browser tests check each one's first result; `make bench`
// times each keystroke of every one. No imports, so the benchmark can share it.

export const FIRST = [
  ['', 'POL 30/4062/2016', 'policy/'],
  ['', 'pol30/4062/2016', 'policy/'],
  ['', 'eur 36 4034 2016', 'reports/norway/'],
  ['', 'Norway', 'reports/norway/'],
  ['', 'entrapment', 'reports/#research-summary'],
  ['', 'Nordic model', 'reports/norway/'],
  ['', 'decriminalization', 'policy/#decriminalisation'],
  ['', 'Uganda', 'related-research/#uganda-2010'],
  ['zh-hk/', '挪威', 'reports/norway/'],
  ['zh-hk/', '設局誘使', 'reports/#research-summary'],
  ['zh-hk/', '非刑事化', 'policy/#decriminalisation'],
  ['zh-hk/', 'ASA 17/4032/2016', 'reports/hong-kong/'],
];
