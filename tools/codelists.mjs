#!/usr/bin/env node
// Reads the IATI codelists kept in libs/contracts/codelists/iati/ and writes the compact, sorted
// libs/contracts/src/generated/codelists.json that `@cofinanca/contracts` imports. Withdrawn codes are left out.
// `--check` exits 1 when the committed JSON differs from what the XML produces (CI).
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { XMLParser, XMLValidator } from 'fast-xml-parser';

const root = fileURLToPath(new URL('..', import.meta.url));
const sourceDir = join(root, 'libs/contracts/codelists/iati');
const out = join(root, 'libs/contracts/src/generated/codelists.json');
const check = process.argv.includes('--check');

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  parseTagValue: false, // codes stay strings: SDG target "1.10" must not become 1.1
  parseAttributeValue: false,
  trimValues: true,
  isArray: (name) => name === 'codelist-item' || name === 'narrative',
});

function fail(message) {
  console.error(`codelists: ${message}`);
  process.exit(1);
}

/** The codelist's items as `{ code, name (English), status, category? }`. */
function readCodelist(file) {
  const path = join(sourceDir, file);
  if (!existsSync(path)) fail(`missing ${path}`);
  const xml = readFileSync(path, 'utf8');
  const valid = XMLValidator.validate(xml);
  if (valid !== true) fail(`${file} is not well-formed XML: ${valid.err.msg} (line ${valid.err.line})`);
  const codelist = parser.parse(xml).codelist;
  if (!codelist) fail(`${file} has no <codelist> root`);
  const defaultLang = codelist['@_xml:lang'] ?? 'en';
  const items = codelist['codelist-items']?.['codelist-item'] ?? [];
  if (items.length === 0) fail(`${file} has no codelist items`);
  return items.map((item) => {
    const code = text(item.code);
    if (!code) fail(`${file}: an item without a code`);
    const english = (item.name?.narrative ?? []).find(
      (n) => (typeof n === 'string' ? defaultLang : (n['@_xml:lang'] ?? defaultLang)) === 'en',
    );
    const name = text(english);
    if (!name) fail(`${file}: ${code} has no English name`);
    return { code, name, status: item['@_status'] ?? 'active', category: text(item.category) || undefined };
  });
}

function text(node) {
  const value = typeof node === 'object' && node !== null ? node['#text'] : node;
  return value === undefined || value === null ? '' : String(value).replace(/\s+/g, ' ').trim();
}

const active = (items) => items.filter((i) => i.status !== 'withdrawn');
const byCode = (a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0);

function expectCodes(list, file, pattern) {
  const seen = new Set();
  for (const { code } of list) {
    if (!pattern.test(code)) fail(`${file}: unexpected code ${JSON.stringify(code)}`);
    if (seen.has(code)) fail(`${file}: duplicate code ${code}`);
    seen.add(code);
  }
}

function build() {
  const sectorCategories = active(readCodelist('SectorCategory.xml'))
    .map(({ code, name }) => ({ code, name }))
    .sort(byCode);
  expectCodes(sectorCategories, 'SectorCategory.xml', /^\d{3}$/);
  const categoryCodes = new Set(sectorCategories.map((c) => c.code));

  const sectors = active(readCodelist('Sector.xml'))
    .map(({ code, name, category }) => ({ code, name, category }))
    .sort(byCode);
  expectCodes(sectors, 'Sector.xml', /^\d{5}$/);
  for (const s of sectors) {
    if (!categoryCodes.has(s.category)) fail(`Sector.xml: ${s.code} is in unknown category ${s.category}`);
  }

  const goals = active(readCodelist('UNSDG-Goals.xml'));
  expectCodes(goals, 'UNSDG-Goals.xml', /^[1-9]\d*$/);
  const sdgGoals = goals
    // "Goal 1. End poverty in all its forms everywhere" → the official title alone.
    .map(({ code, name }) => ({ code: Number(code), name: name.replace(/^Goal \d+\.\s*/, '') }))
    .sort((a, b) => a.code - b.code);
  const goalNumbers = new Set(sdgGoals.map((g) => g.code));

  const targets = active(readCodelist('UNSDG-Targets.xml'));
  expectCodes(targets, 'UNSDG-Targets.xml', /^[1-9]\d*\.(\d+|[a-z])$/);
  const sdgTargets = targets
    .map(({ code, name }) => ({ code, goal: Number(code.split('.')[0]), name }))
    .sort((a, b) => a.goal - b.goal || compareTarget(a.code.split('.')[1], b.code.split('.')[1]));
  for (const t of sdgTargets) {
    if (!goalNumbers.has(t.goal)) fail(`UNSDG-Targets.xml: ${t.code} belongs to no goal`);
  }

  const numeric = (a, b) => Number(a.code) - Number(b.code);
  const policyMarkers = active(readCodelist('PolicyMarker.xml'))
    .map(({ code, name }) => ({ code, name }))
    .sort(numeric);
  expectCodes(policyMarkers, 'PolicyMarker.xml', /^\d+$/);
  const policySignificance = active(readCodelist('PolicySignificance.xml'))
    .map(({ code, name }) => ({ code, name }))
    .sort(numeric);
  expectCodes(policySignificance, 'PolicySignificance.xml', /^\d+$/);

  const countries = active(readCodelist('Country.xml'))
    .map(({ code, name }) => ({ code, name }))
    .sort(byCode);
  expectCodes(countries, 'Country.xml', /^[A-Z]{2}$/);
  const currencies = active(readCodelist('Currency.xml'))
    .map(({ code, name }) => ({ code, name }))
    .sort(byCode);
  expectCodes(currencies, 'Currency.xml', /^[A-Z]{3}$/);

  return {
    sectors,
    sectorCategories,
    sdgGoals,
    sdgTargets,
    policyMarkers,
    policySignificance,
    countries,
    currencies,
  };
}

/** Official order within a goal: numbered targets (1.1 … 1.10) first, then lettered ones (1.a, 1.b). */
function compareTarget(a, b) {
  const na = /^\d+$/.test(a);
  const nb = /^\d+$/.test(b);
  if (na && nb) return Number(a) - Number(b);
  if (na !== nb) return na ? -1 : 1;
  return a < b ? -1 : a > b ? 1 : 0;
}

const data = build();
const json = `${JSON.stringify(data, null, 2)}\n`;
const counts = Object.entries(data)
  .map(([k, v]) => `${k} ${v.length}`)
  .join(', ');

if (check) {
  if (!existsSync(out) || readFileSync(out, 'utf8') !== json) {
    console.error(
      'Stale: libs/contracts/src/generated/codelists.json. Run `npm run codelists:generate` and commit.',
    );
    process.exit(1);
  }
  console.log(`The codelists JSON is up to date (${counts}).`);
} else {
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(out, json);
  console.log(`Wrote libs/contracts/src/generated/codelists.json (${counts}).`);
}
