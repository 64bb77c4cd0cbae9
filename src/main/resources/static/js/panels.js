// Read-only panels: the selected aircraft's details, the status strip and the events list.
import { isEmergency } from './markers.js';

const $ = (id) => document.getElementById(id);
const MAX_EVENTS_LISTED = 30;

function fmt(v, digits, unit) { return v === null || v === undefined ? '—' : v.toFixed(digits) + (unit ? ' ' + unit : ''); }
function text(v) { return v === null || v === undefined ? '—' : String(v); }

export class DetailsPanel {
  constructor(store, atcStore) {
    this.store = store;
    this.atcStore = atcStore;
    this.id = null;
    this.el = $('details');
    this.key = '';
    this.workload = null; // the selected position's GET /api/atc-positions/{callsign}/workload, when fetched
    this.units = localStorage.getItem('skysentinel.units') === 'aviation' ? 'aviation' : 'metric';
    const button = $('units');
    if (button) {
      button.textContent = UNITS[this.units].label;
      button.addEventListener('click', () => {
        this.units = this.units === 'metric' ? 'aviation' : 'metric';
        localStorage.setItem('skysentinel.units', this.units);
        button.textContent = UNITS[this.units].label;
        this.refresh(performance.now());
      });
    }
  }

  show(id) { this.id = id; this.el.hidden = !id; this.refresh(performance.now()); }

  refresh(now) {
    if (!this.id) return;
    const p = this.atcStore.positions.get(this.id);
    if (p) {
      const w = this.workload && this.workload.callsign === p.callsign ? this.workload : null;
      this.render(p.callsign, [...atcRows(p), ...workloadRows(w)], p.text_atis, null);
      return;
    }
    const t = this.store.tracks.get(this.id);
    if (!t) { $('d-title').textContent = this.id + ' (gone)'; return; }
    const a = t.a;
    const u = UNITS[this.units];
    const rows = [
      ['callsign', text(a.callsign)], ['id', a.id], ['icao24', text(a.icao24)], ...aircraftRows(a.aircraft),
      ['country', text(a.origin_country)],
      ['altitude', a.on_ground ? 'on ground' : u.altitude(a.altitude_m ?? a.geo_altitude_m)],
      ['speed', u.speed(a.velocity_mps)], ['heading', fmt(a.heading_deg, 0, '°')],
      ['vertical rate', u.rate(a.vertical_rate_mps)], ['squawk', text(a.squawk)],
      ['position', a.position ? a.position.lat.toFixed(4) + ', ' + a.position.lon.toFixed(4) : '—'],
      ['source', a.source], ['data age', fmt(this.store.age(t, now), 0, 's')],
      ...(a.vatsim ? pilotRows(a.vatsim) : []),
    ];
    this.render(a.callsign || a.id, rows, null, isEmergency(a) ? 'squawk' : null);
  }

  /** Rows are built once per set of names and their text updated in place, so the panel can be read live. */
  render(title, rows, lines, alarm) {
    $('d-title').textContent = title;
    const dl = $('d-fields');
    const key = rows.map(([k]) => k).join('|');
    if (key !== this.key) {
      this.key = key;
      dl.replaceChildren(...rows.flatMap(([k]) => {
        const dt = document.createElement('dt'); dt.textContent = k;
        const dd = document.createElement('dd'); dd.dataset.field = k;
        return [dt, dd];
      }));
    }
    rows.forEach(([k, v], i) => {
      const dd = dl.children[i * 2 + 1];
      if (dd.textContent !== v) dd.textContent = v;
      dd.className = k === alarm ? 'emergency' : '';
    });
    const pre = $('d-text');
    const body = lines && lines.length ? lines.join('\n') : '';
    pre.hidden = body === '';
    if (pre.textContent !== body) pre.textContent = body;
  }
}

const FT = 0.3048, KT = 1852 / 3600, FPM = FT / 60;

/** Metric (m, m/s) or aviation units (ft, kt, ft/min); the button shows what a click switches to. */
const UNITS = {
  metric: { label: 'ft · kt', altitude: (m) => fmt(m, 0, 'm'), speed: (v) => fmt(v, 1, 'm/s'), rate: (v) => fmt(v, 1, 'm/s') },
  aviation: {
    label: 'm · m/s',
    altitude: (m) => (m === null || m === undefined ? '—' : Math.round(m / FT).toLocaleString('en-US') + ' ft'),
    speed: (v) => fmt(v === null || v === undefined ? v : v / KT, 0, 'kt'),
    rate: (v) => fmt(v === null || v === undefined ? v : v / FPM, 0, 'ft/min'),
  },
};

/** Who the aircraft is (the `aircraft` object, docs/api.md): dashes for what the tables do not know. */
function aircraftRows(i) {
  if (!i) return [];
  const model = [i.manufacturer, i.model].filter((x) => x).join(' ');
  const type = i.type ? i.type + (model ? ' · ' + model : '') : model || null;
  const operator = i.operator ? i.operator + (i.operator_icao ? ' (' + i.operator_icao + ')' : '') : i.airline;
  const build = [i.wake ? 'wake ' + i.wake : null, i.engines ? i.engines + ' × ' + (i.engine_type || 'engine') : null,
    i.species, i.year_built ? 'built ' + i.year_built : null].filter((x) => x).join(', ');
  return [['registration', text(i.registration)], ['aircraft', text(type)], ['operator', text(operator)],
    ['airframe', build || '—']];
}

function time(unix) { return unix === null || unix === undefined ? '—' : new Date(unix * 1000).toISOString().substring(11, 16) + ' UTC'; }

/** A VATSIM pilot's own fields and filed flight plan (docs/vatsim.md). */
function pilotRows(v) {
  const rows = [['CID', String(v.cid)], ['pilot', text(v.name)], ['heading (mag)', fmt(v.heading_magnetic_deg, 0, '°')],
    ['online since', time(v.logon_unix)]];
  const f = v.flight_plan;
  if (!f) return [...rows, ['flight plan', 'none filed']];
  return [...rows, ['rules', text(f.flight_rules)], ['type', text(f.aircraft_type)], ['equipment', text(f.aircraft)],
    ['from', text(f.departure)], ['to', text(f.arrival)], ['alternate', text(f.alternate)],
    ['cruise', text(f.cruise_altitude)], ['TAS', f.cruise_tas_kt ? f.cruise_tas_kt + ' kt' : '—'],
    ['off block', text(f.departure_time)], ['en route', text(f.enroute_time)], ['route', text(f.route)],
    ['remarks', text(f.remarks)]];
}

const BARS = '▁▂▃▄▅▆▇█';

/** Aircraft per 5-minute bucket, oldest first, as one bar each scaled to the peak, and the peak. */
function sparkline(values) {
  const peak = Math.max(0, ...values);
  const bars = values.map((v) => BARS[peak === 0 ? 0 : Math.round((v / peak) * (BARS.length - 1))]).join('');
  return `${bars} peak ${peak}`;
}

/** Workload now, the last hour (from history) and forecast (docs/api.md, the workload endpoint); dashes until it has been fetched. */
function workloadRows(w) {
  const n = w?.now;
  const rows = [['aircraft now', n ? `${n.total} (${n.departing} dep, ${n.arriving} arr, ${n.overflying} over, ${n.on_ground} gnd)` : '—'],
    ['filed', n ? `${n.filed_arrivals} arr, ${n.filed_departures} dep` : '—'],
    ['last hour', !w ? '—' : !w.trend ? 'no history' : sparkline(w.trend.buckets.map((b) => b.total))]];
  for (const h of [15, 30, 60]) {
    const f = w?.forecast?.find((x) => x.horizon_min === h);
    const v = (b) => Math.round(b.value) + (b.high - b.low >= 1 ? '±' + Math.round((b.high - b.low) / 2) : '');
    rows.push([`in ${h} min`, f ? `${v(f.arrivals)} arr, ${v(f.departures)} dep, ${v(f.overflights)} over` : '—']);
  }
  return rows;
}

function atcRows(p) {
  return [['kind', p.kind], ['facility', text(p.facility?.short)], ['frequency', fmt(p.frequency_mhz, 3, 'MHz')],
    ['controller', text(p.name)], ['CID', String(p.cid)], ['rating', text(p.rating?.short)],
    ['ATIS code', text(p.atis_code)], ['visual range', p.visual_range_nm ? p.visual_range_nm + ' NM' : '—'],
    ['area', p.area ? p.area.kind + ' ' + p.area.id + (p.area.name ? ' · ' + p.area.name : '') : '—'],
    ['online since', time(p.logon_unix)], ['id', p.id]];
}

export class StatusStrip {
  constructor() { this.total = null; this.dataAge = null; this.credits = '—'; }

  status(frame) {
    this.total = frame.aircraft;
    this.dataAge = frame.data_age_s;
    const r = frame.rate_limit;
    this.credits = r ? `${r.remaining} / ${r.max}` + (r.retry_after_s > 0 ? ` (429, retry in ${r.retry_after_s} s)` : '') : 'no OpenSky source';
  }

  /** From GET /api/rate-limit, before the first status frame arrives. */
  rateLimit(body) {
    this.credits = body.opensky_enabled ? `${body.credits_remaining} / ${body.max_daily_credits}` : 'no OpenSky source';
  }

  render(shown, viewSize, ups, fps) {
    $('s-shown').textContent = shown;
    $('s-total').textContent = this.total ?? viewSize;
    $('s-ups').textContent = ups;
    $('s-age').textContent = this.dataAge === null || this.dataAge === undefined ? '—' : this.dataAge.toFixed(1) + ' s';
    $('s-credits').textContent = this.credits;
    $('s-fps').textContent = fps;
  }
}

export class EventsList {
  constructor(onPick) { this.onPick = onPick; this.count = 0; this.el = $('event-list'); }

  add(frame) {
    const ev = frame.event;
    if (this.count === 0) this.el.replaceChildren();
    this.count++;
    const li = document.createElement('li');
    const when = new Date(ev.time).toISOString().substring(11, 19);
    li.textContent = `${when} ${ev.kind.replace('_', ' ')} ${ev.callsign || ev.id}`;
    li.dataset.id = ev.id;
    li.addEventListener('click', () => this.onPick(ev));
    this.el.prepend(li);
    while (this.el.children.length > MAX_EVENTS_LISTED) this.el.lastElementChild.remove();
  }
}
