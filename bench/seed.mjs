// The bench's data, in SQL only (generate_series, INSERT … SELECT): entities with one NGO user each, an officer,
// calls across their lifecycle with a full rubric, applications with texts, budget lines, co-funding, sectors,
// beneficiaries and statuses that fit their call's phase, and the open correction requests of those awaiting one.
// Ids are deterministic (md5 of a label), so that every statement can refer to rows of the others without lookups.

import { createHash } from 'node:crypto';

/** The e-mail addresses and the password of the users the bench signs in as. */
export const OFFICER_EMAIL = 'officer@bench.cofinanca.test';
export const NGO_EMAIL = 'entitat1@bench.cofinanca.test';
export const PASSWORD = 'Bench-password-2026';

/** A version-4-shaped uuid from the md5 of a label, as `seededId` computes it in JavaScript. */
const uuidOf = (expr) => `overlay(overlay(md5(${expr}) placing '4' from 13) placing '8' from 17)::uuid`;

/** The uuid the seed gives a label (e.g. `bench-call-1`, `bench-application-42`). */
export function seededId(label) {
  const h = createHash('md5').update(label).digest('hex');
  const v4 = `${h.slice(0, 12)}4${h.slice(13, 16)}8${h.slice(17)}`;
  return v4.replace(/^(.{8})(.{4})(.{4})(.{4})(.{12})$/, '$1-$2-$3-$4-$5');
}

/** 1…n in `parts` contiguous ranges. */
function ranges(n, parts) {
  const size = Math.ceil(n / parts);
  return Array.from({ length: parts }, (_, k) => [k * size + 1, Math.min(n, (k + 1) * size)]).filter(
    ([from, to]) => from <= to,
  );
}

const int = (name, value) => {
  if (!Number.isInteger(value) || value < 1) throw new Error(`${name} must be a positive whole number`);
  return value;
};

/**
 * The statements, in order, as [label, sql]. `applications` across `calls` calls and `entities` entities, the first
 * call holding `bigCall` of them; `passwordHash` is every user's (argon2id of PASSWORD).
 */
export function seedStatements({ applications, calls, entities, bigCall, passwordHash, parts = 1 }) {
  const N = int('applications', applications);
  const C = int('calls', calls);
  const E = int('entities', entities);
  const B = int('bigCall', bigCall);
  if (C < 2) throw new Error('calls must be at least 2');
  if (B >= N) throw new Error('the big call must hold fewer applications than there are');
  if (N > 999_999) throw new Error('at most 999,999 applications (registry numbers have 6 digits)');
  const hash = passwordHash.replace(/'/g, "''");
  const callId = (expr) => uuidOf(`'bench-call-' || (${expr})`);
  const entityId = (expr) => uuidOf(`'bench-entity-' || (${expr})`);
  const userId = (expr) => uuidOf(`'bench-user-' || (${expr})`);
  const officerId = uuidOf(`'bench-officer'`);
  // Call c's phase: the big call is being evaluated; the others cycle through the lifecycle.
  const phase = (c) => `(CASE WHEN ${c} = 1 THEN 2 ELSE ${c} % 5 END)`;
  const callYear = (c) => `(2020 + ${c} % 7)`;

  return [
    // The planner overestimates generate_series and would spend seconds compiling these statements.
    ['settings', 'SET jit = off'],
    [
      'entities',
      `INSERT INTO entities (id, legal_name, nif, registry_number, founded_on, address, email, phone, website, iban,
         iban_status, validated_iban, legal_representative, status, privacy_accepted_at, validated_at, created_at,
         updated_at, version)
       SELECT ${entityId('e')},
         (ARRAY['Associació','Fundació','ONGD','Cooperativa','Federació'])[1 + e % 5] || ' ' ||
           (ARRAY['Lleida Solidària','Mans Unides pel Sud','Aigua per a Tothom','Dones del Món','Pagesos Sense Fronteres',
                  'Escola Oberta','Salut i Drets','Terra Viva','Ponent Coopera','Segre Solidari'])[1 + (e / 5) % 10] ||
           ' ' || e,
         'G' || lpad(e::text, 8, '0'),
         lpad((e * 7)::text, 5, '0'),
         make_date(1980 + e % 40, 1 + e % 12, 1 + e % 28),
         jsonb_build_object('street', 'Carrer Major', 'number', (1 + e % 120)::text, 'postcode', '25007',
           'town', 'Lleida', 'municipalityCode', '25120', 'province', 'Lleida', 'countryCode', 'ES'),
         'info' || e || '@entitat.bench.test',
         '973 ' || lpad((e % 1000000)::text, 6, '0'),
         CASE WHEN e % 3 = 0 THEN 'https://entitat' || e || '.bench.test' END,
         'ES91210004184502' || lpad(e::text, 8, '0'),
         'validated', 'ES91210004184502' || lpad(e::text, 8, '0'),
         jsonb_build_object('name', 'Representant ' || e, 'idNumber', lpad(e::text, 8, '0') || 'Z',
           'position', (ARRAY['Presidenta','President','Secretària','Directora'])[1 + e % 4]),
         'active', now() - interval '3 years', now() - interval '3 years', now() - interval '3 years', now(), 1
       FROM generate_series(1, ${E}) e`,
    ],
    [
      'users (one per entity, and the officer)',
      `INSERT INTO users (id, email, name, password_hash, roles, entity_id, locale, active, email_verified_at, version)
       SELECT ${userId('e')}, 'entitat' || e || '@bench.cofinanca.test', 'Persona de l''entitat ' || e, '${hash}',
         '{entity}'::text[], ${entityId('e')}, (ARRAY['ca','es','en'])[1 + e % 3], true, now() - interval '3 years', 1
       FROM generate_series(1, ${E}) e
       UNION ALL
       SELECT ${officerId}, '${OFFICER_EMAIL}', 'Tècnica de Cooperació (bench)', '${hash}', '{officer}'::text[], NULL::uuid, 'ca',
         true, now() - interval '3 years', 1`,
    ],
    [
      'calls',
      `INSERT INTO calls (id, code, year, title, description, modalities, requires_gender_marker, budget,
         max_amount_per_application, max_cofinancing_percent, opens_at, closes_at, max_execution_months,
         advance_percent, justification_months, correction_days, allegation_days, budget_deviation_percent,
         minimum_total_score, divergence_threshold, allocation_method, min_partial_award_percent, score_bands, rubric,
         required_documents, status, published_at, closed_at, created_at, updated_at, version)
       SELECT ${callId('c')}, 'BENCH-' || ${callYear('c')} || '-' || lpad(c::text, 2, '0'), ${callYear('c')},
         jsonb_build_object(
           'ca', 'Convocatòria de subvencions per a projectes de cooperació al desenvolupament ' || ${callYear('c')} || ' (' || c || ')',
           'es', 'Convocatoria de subvenciones para proyectos de cooperación al desarrollo ' || ${callYear('c')} || ' (' || c || ')',
           'en', 'Call for grants for development cooperation projects ' || ${callYear('c')} || ' (' || c || ')'),
         jsonb_build_object(
           'ca', repeat('Subvencions en règim de concurrència competitiva per cofinançar projectes de cooperació al desenvolupament, amb enfocament de gènere i basat en els drets humans. ', 3),
           'es', repeat('Subvenciones en régimen de concurrencia competitiva para cofinanciar proyectos de cooperación al desarrollo, con enfoque de género y basado en los derechos humanos. ', 3),
           'en', repeat('Competitive grants co-financing development cooperation projects with a gender and human-rights-based approach. ', 3)),
         '{development}', true, 175823.40 + c * 1000, 20000.00, 80.00,
         make_timestamptz(${callYear('c')}, 1, 15, 0, 0, 0, 'Europe/Madrid'),
         make_timestamptz(${callYear('c')}, 3, 15, 23, 59, 59, 'Europe/Madrid'),
         12, 50.00, 3, 10, 10, 20.00, 50, 20, 'rank_order', 50.00, NULL,
         jsonb_build_object('blocks', (
           SELECT jsonb_agg(jsonb_build_object(
             'code', chr(64 + b),
             'name', jsonb_build_object('ca', 'Bloc ' || b || ': pertinença i qualitat', 'es', 'Bloque ' || b || ': pertinencia y calidad', 'en', 'Block ' || b || ': relevance and quality'),
             'minPoints', NULL, 'tieBreakOrder', b,
             'criteria', (
               SELECT jsonb_agg(jsonb_build_object(
                 'code', chr(64 + b) || k, 'maxPoints', 5,
                 'name', jsonb_build_object('ca', 'Criteri ' || chr(64 + b) || k || ' de la convocatòria', 'es', 'Criterio ' || chr(64 + b) || k || ' de la convocatoria', 'en', 'Criterion ' || chr(64 + b) || k || ' of the call'),
                 'guidance', 'Valoreu la coherència de la proposta amb el context, la participació de la població i la viabilitat de les accions previstes (' || chr(64 + b) || k || ').'
               ) ORDER BY k) FROM generate_series(1, 4) k)
           ) ORDER BY b) FROM generate_series(1, 5) b)),
         '[{"code":"project_document","name":{"ca":"Formulari tècnic del projecte","es":"Formulario técnico del proyecto","en":"Project technical form"},"required":true},
           {"code":"budget_detail","name":{"ca":"Pressupost detallat","es":"Presupuesto detallado","en":"Detailed budget"},"required":true},
           {"code":"entity_statutes","name":{"ca":"Estatuts de l''entitat","es":"Estatutos de la entidad","en":"The entity''s statutes"},"required":true},
           {"code":"counterpart_agreement","name":{"ca":"Conveni amb la sòcia local","es":"Convenio con el socio local","en":"Agreement with the local counterpart"},"required":false}]'::jsonb,
         (ARRAY['published','closed','evaluating','resolved','archived'])[1 + ${phase('c')}]::calls_status_enum,
         make_timestamptz(${callYear('c')}, 1, 14, 9, 0, 0, 'Europe/Madrid'),
         CASE WHEN ${phase('c')} > 0 THEN make_timestamptz(${callYear('c')}, 3, 16, 0, 0, 0, 'Europe/Madrid') END,
         make_timestamptz(${callYear('c')}, 1, 10, 9, 0, 0, 'Europe/Madrid'), now(), 1
       FROM generate_series(1, ${C}) c`,
    ],
    [
      // The content that does not depend on the call, in 900 variants (every combination of title, place and
      // phase; budget lines from 3 to 7): each application takes one, so the big statement only joins.
      'content variants',
      `CREATE UNLOGGED TABLE bench_variants AS
       SELECT v, title, town, country, summary, sectors, sdgs, markers, beneficiaries, counterpart, lines, total, req,
         own, jsonb_build_array(jsonb_build_object('funder',
           (ARRAY['Fons Català de Cooperació','Diputació de Lleida','Agència Catalana de Cooperació'])[1 + v % 3],
           'amount', (total - req - own)::text, 'status', (ARRAY['confirmed','requested'])[1 + v % 2])) AS cofunding
       FROM (
         SELECT x.*, b.lines, b.total, b.req, round(b.total * 0.10, 2) AS own
         FROM (
           SELECT v,
             (ARRAY['Aigua potable i sanejament','Salut materna i infantil','Sobirania alimentària','Educació inclusiva',
                    'Drets de les dones','Energia solar comunitària','Cooperatives agrícoles',
                    'Prevenció de la violència de gènere','Accés a la justícia','Gestió de residus'])[1 + v % 10]
               || ' a ' || (ARRAY['Kédougou','Ségou','Quetzaltenango','León','Cochabamba','Cusco','Tànger',
                    'Ouagadougou','Cauca','Esmeraldas'])[1 + (v / 10) % 10] || ', fase ' || (1 + v / 300) AS title,
             (ARRAY['Kédougou','Ségou','Quetzaltenango','León','Cochabamba','Cusco','Tànger','Ouagadougou','Cauca',
                    'Esmeraldas'])[1 + (v / 10) % 10] AS town,
             (ARRAY['SN','ML','GT','NI','BO','PE','MA','BF','CO','EC'])[1 + (v / 10) % 10] AS country,
             'El projecte millora les condicions de vida de ' || (200 + v * 7) ||
               ' persones amb comitès comunitaris paritaris, formació tècnica i seguiment participatiu. ' ||
               'Les accions es coordinen amb la contrapart local i les autoritats municipals, amb enfocament de gènere ' ||
               'i basat en els drets humans, i preveuen la sostenibilitat econòmica i ambiental un cop acabat el ' ||
               'finançament. La població destinatària participa en la diagnosi, la planificació i l''avaluació.' AS summary,
             jsonb_build_array(
               jsonb_build_object('code', (ARRAY['14030','12220','31120','11220','15170'])[1 + v % 5], 'percent', '60.00'),
               jsonb_build_object('code', (ARRAY['15170','14032','31161','11120','16010'])[1 + v % 5], 'percent', '40.00')) AS sectors,
             jsonb_build_array(jsonb_build_object('goal', 1 + v % 17, 'targets', jsonb_build_array((1 + v % 17) || '.1', (1 + v % 17) || '.2')),
               jsonb_build_object('goal', 5, 'targets', jsonb_build_array('5.1', '5.5'))) AS sdgs,
             jsonb_build_array(jsonb_build_object('code', '1', 'significance', 1 + v % 2),
               jsonb_build_object('code', '2', 'significance', v % 3)) AS markers,
             jsonb_build_object(
               'direct', jsonb_build_object('women', 100 + v, 'men', 80 + v % 700, 'other', v % 5,
                 'byAge', jsonb_build_object('0-17', jsonb_build_object('women', 40 + v % 300, 'men', 35 + v % 280, 'other', 0))),
               'indirect', jsonb_build_object('women', 1000 + v * 3, 'men', 900 + v * 3, 'other', v % 20)) AS beneficiaries,
             jsonb_build_object('name', 'Association partenaire ' || (1 + v % 500),
               'countryCode', (ARRAY['SN','ML','GT','NI','BO','PE','MA','BF','CO','EC'])[1 + (v / 10) % 10],
               'description', 'Organització local registrada des de ' || (1990 + v % 30) || ', amb experiència en el sector.') AS counterpart
           FROM generate_series(0, 899) v
         ) x
         CROSS JOIN LATERAL (
           SELECT jsonb_agg(jsonb_build_object('code', 'A.' || j,
               'category', (ARRAY['personnel','equipment','travel','services','operations','materials','evaluation'])[1 + (x.v + j) % 7],
               'description', (ARRAY['Personal tècnic local','Bombes i dipòsits','Desplaçaments a les comunitats',
                 'Formació de comitès','Despeses de funcionament','Materials de construcció','Avaluació final externa'])[1 + (x.v + j) % 7],
               'amount', amount::text, 'requestedAmount', requested::text) ORDER BY j) AS lines,
             sum(amount) AS total, sum(requested) AS req
           FROM (SELECT j, (1000 + ((x.v * 13 + j * 101) % 40) * 125)::numeric(14,2) AS amount,
                   round((1000 + ((x.v * 13 + j * 101) % 40) * 125) * 0.5, 2) AS requested
                 FROM generate_series(1, 3 + x.v % 5) j) l
         ) b
       ) y`,
    ],
    [
      'applications',
      ranges(N, parts).map(
        ([
          from,
          to,
        ]) => `INSERT INTO applications (id, call_id, entity_id, registry_number, submitted_at, status, status_reason, title,
         summary, modality, country_code, locations, start_date, end_date, total_cost, requested_amount,
         own_contribution, cofunding, budget_lines, sectors, sdgs, policy_markers, beneficiaries, counterpart,
         created_by, submitted_version, created_at, updated_at, version)
       SELECT s.id, s.call_id, s.entity_id,
         CASE WHEN s.status <> 'draft' THEN 'REG-' || s.year || '-' || lpad(s.i::text, 6, '0') END,
         CASE WHEN s.status <> 'draft' THEN s.created_at + interval '3 days' END,
         s.status::applications_status_enum,
         CASE WHEN s.status IN ('inadmissible', 'withdrawn') THEN 'Motiu registrat per la tècnica' END,
         w.title, w.summary, 'development', w.country, jsonb_build_array(w.town), s.start_date, s.start_date + 364,
         w.total, w.req, w.own, w.cofunding, w.lines, w.sectors, w.sdgs, w.markers, w.beneficiaries, w.counterpart,
         s.created_by,
         CASE WHEN s.status <> 'draft' THEN jsonb_build_object(
           'title', w.title, 'summary', w.summary, 'modality', 'development', 'countryCode', w.country,
           'locations', jsonb_build_array(w.town), 'startDate', s.start_date::text,
           'endDate', (s.start_date + 364)::text, 'totalCost', w.total::text, 'requestedAmount', w.req::text,
           'ownContribution', w.own::text, 'cofunding', w.cofunding, 'budgetLines', w.lines, 'sectors', w.sectors,
           'sdgs', w.sdgs, 'policyMarkers', w.markers, 'beneficiaries', w.beneficiaries,
           'counterpart', w.counterpart, 'partnerEntityIds', '[]'::jsonb, 'documents', '[]'::jsonb) END,
         s.created_at, s.created_at + interval '5 days', 1
       FROM (
         SELECT g.i, ${callId('k.c')} AS call_id, ${entityId('k.e')} AS entity_id, ${userId('k.e')} AS created_by,
           ${uuidOf("'bench-application-' || g.i")} AS id, ${callYear('k.c')} AS year,
           make_timestamptz(${callYear('k.c')}, 1, 16, 8, 0, 0, 'Europe/Madrid') + (g.i % 55) * interval '1 day'
             + (g.i % 36000) * interval '1 second' AS created_at,
           make_date(${callYear('k.c')}, 6, 1) + g.i % 90 AS start_date,
           CASE ${phase('k.c')}
             WHEN 0 THEN (ARRAY['draft','draft','submitted','submitted','correction_requested','admitted','withdrawn'])[1 + k.h % 7]
             WHEN 1 THEN (ARRAY['submitted','correction_requested','admitted','admitted','inadmissible','withdrawn'])[1 + k.h % 6]
             WHEN 2 THEN (ARRAY['admitted','under_evaluation','under_evaluation','evaluated','evaluated','below_threshold','inadmissible','correction_requested'])[1 + k.h % 8]
             WHEN 3 THEN (ARRAY['granted','granted','denied','waitlisted','renounced','in_execution','justification_submitted'])[1 + k.h % 7]
             ELSE (ARRAY['closed','closed','justified','loss_of_right','reimbursement','denied','justification_correction'])[1 + k.h % 7]
           END AS status
         FROM generate_series(${from}, ${to}) g(i)
         CROSS JOIN LATERAL (SELECT
           CASE WHEN g.i <= ${B} THEN 1 ELSE 2 + (g.i - ${B} - 1) % ${C - 1} END AS c,
           1 + (g.i::bigint * 7919) % ${E} AS e,
           (g.i::bigint * 2654435761) % 1000003 AS h) k
         OFFSET 0 -- computed once per row, not once per reference (a fence against inlining)
       ) s
       JOIN bench_variants w ON w.v = s.i % 900`,
      ),
    ],
    [
      'correction requests (open, and answered ones)',
      `INSERT INTO requirements (application_id, items, notified_on, due_date, status, response_message,
         responded_at, responded_by, created_by, created_at)
       SELECT a.id,
         '[{"description":"Aporteu el pressupost detallat signat per la representant legal."},{"description":"Els percentatges dels sectors han de sumar 100."}]'::jsonb,
         (a.submitted_at + interval '10 days')::date, (a.submitted_at + interval '24 days')::date,
         CASE WHEN a.status = 'correction_requested' THEN 'open' ELSE 'answered' END::requirements_status_enum,
         CASE WHEN a.status <> 'correction_requested' THEN 'Adjuntem el pressupost signat i corregim els sectors.' END,
         CASE WHEN a.status <> 'correction_requested' THEN a.submitted_at + interval '15 days' END,
         CASE WHEN a.status <> 'correction_requested' THEN a.created_by END,
         ${officerId}, a.submitted_at + interval '10 days'
       FROM applications a
       WHERE a.status = 'correction_requested' OR (a.status = 'admitted' AND hashtext(a.id::text) % 4 = 0)`,
    ],
    [
      'registry sequences',
      `INSERT INTO registry_sequences (year, last_value)
       SELECT DISTINCT year, ${N} FROM calls
       ON CONFLICT (year) DO UPDATE SET last_value = GREATEST(registry_sequences.last_value, EXCLUDED.last_value)`,
    ],
    ['content variants dropped', 'DROP TABLE bench_variants'],
    // Statistics for the planner, and the visibility map, now: autovacuum would otherwise do both mid-measurement.
    ['vacuum analyze', 'VACUUM ANALYZE'],
  ];
}

/**
 * Runs the statements, printing each one's time; returns the total in milliseconds. A statement given in parts
 * (the applications) runs them at once, one per client (`pg` clients on the same database, already set up alike).
 */
export async function seed(clients, options, log = console.log) {
  const started = performance.now();
  for (const [label, sql] of seedStatements({ ...options, parts: clients.length })) {
    const t = performance.now();
    const parts = Array.isArray(sql) ? sql : [sql];
    const results = await Promise.all(parts.map((part, k) => clients[k].query(part)));
    const rows = results.reduce((n, r) => (r.rowCount == null ? n : (n ?? 0) + r.rowCount), null);
    const on = parts.length > 1 ? ` on ${parts.length} connections` : '';
    log(`  ${label}: ${rows ?? '-'} rows in ${((performance.now() - t) / 1000).toFixed(1)} s${on}`);
  }
  return performance.now() - started;
}
