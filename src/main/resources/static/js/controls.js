// Inputs: the filters (sent to the server as the subscribe filter, with the visible region), the callsign
// result list with fly-to, and the playback control.
const $ = (id) => document.getElementById(id);
const MAX_RESULTS = 50;

export class FilterControls {
  constructor(onChange) {
    this.onChange = onChange;
    for (const id of ['f-min', 'f-max', 'f-ground', 'f-callsign']) {
      $(id).addEventListener('input', () => this.onChange());
    }
  }

  /** The subscribe filter (docs/websocket.md) for these inputs and the visible box; only set fields. */
  filter(bbox) {
    const f = {};
    if (bbox) f.bbox = bbox;
    const min = parseFloat($('f-min').value), max = parseFloat($('f-max').value);
    if (Number.isFinite(min)) f.min_altitude_m = min;
    if (Number.isFinite(max)) f.max_altitude_m = max;
    const g = $('f-ground').value;
    if (g !== '') f.on_ground = g === 'true';
    const cs = $('f-callsign').value.trim();
    if (cs !== '') f.callsign = cs;
    return f;
  }

  callsign() { return $('f-callsign').value.trim().toUpperCase(); }
}

/** The list under the callsign box: aircraft in the picture whose callsign contains the text. */
export class SearchResults {
  constructor(onPick) { this.onPick = onPick; this.el = $('results'); this.key = ''; }

  render(store, query) {
    if (!query) { if (this.key !== '') { this.el.replaceChildren(); this.key = ''; } return; }
    const hits = [];
    for (const t of store.tracks.values()) {
      if (t.a.callsign && t.a.callsign.toUpperCase().includes(query)) hits.push(t.a);
    }
    hits.sort((a, b) => a.callsign.localeCompare(b.callsign));
    const shown = hits.slice(0, MAX_RESULTS);
    const key = query + '|' + shown.map((a) => a.id).join(',');
    if (key === this.key) return;
    this.key = key;
    this.el.replaceChildren(...shown.map((a) => {
      const li = document.createElement('li');
      li.textContent = `${a.callsign} · ${a.id}` + (a.on_ground ? ' · ground' : '');
      li.dataset.id = a.id;
      li.addEventListener('click', () => this.onPick(a.id));
      return li;
    }));
    if (hits.length > MAX_RESULTS) {
      const more = document.createElement('li');
      more.className = 'muted';
      more.textContent = `… ${hits.length - MAX_RESULTS} more`;
      this.el.append(more);
    }
  }

  items() { return [...this.el.querySelectorAll('li[data-id]')].map((li) => li.dataset.id); }
}

/**
 * The search box: callsign, registration, icao24 or type of the aircraft in the picture, as suggestions (best first:
 * exact, then prefix, then substring); Enter or a click picks one, and the page selects it and flies there.
 */
export class Search {
  constructor(store, onPick) {
    this.store = store;
    this.onPick = onPick;
    this.input = $('search');
    this.list = $('search-results');
    this.input.addEventListener('input', () => this.render());
    this.input.addEventListener('keydown', (e) => {
      if (e.key === 'Enter') { const first = this.hits()[0]; if (first) this.pick(first.a.id); }
      if (e.key === 'Escape') { this.input.value = ''; this.render(); }
    });
  }

  /** Aircraft matching the text, each with the field that matched and its rank (0 exact, 1 prefix, 2 substring). */
  hits() {
    const q = this.input.value.trim().toUpperCase().replace(/[-\s]/g, '');
    if (q.length < 2) return [];
    const out = [];
    for (const t of this.store.tracks.values()) {
      const a = t.a, i = a.aircraft || {};
      let best = null;
      for (const [field, raw] of [['callsign', a.callsign], ['registration', i.registration], ['icao24', a.icao24],
        ['type', i.type]]) {
        if (!raw) continue;
        const v = raw.toUpperCase().replace(/[-\s]/g, '');
        const rank = v === q ? 0 : v.startsWith(q) ? 1 : field !== 'type' && v.includes(q) ? 2 : -1;
        if (rank >= 0 && (!best || rank < best.rank)) best = { a, field, rank };
      }
      if (best) out.push(best);
    }
    out.sort((x, y) => x.rank - y.rank || (x.a.callsign || x.a.id).localeCompare(y.a.callsign || y.a.id));
    return out.slice(0, 12);
  }

  render() {
    const hits = this.hits();
    this.list.replaceChildren(...hits.map((h) => {
      const li = document.createElement('li');
      const i = h.a.aircraft || {};
      li.textContent = [h.a.callsign || h.a.id, i.registration, i.type].filter((x) => x).join(' · ') + '  (' + h.field + ')';
      li.dataset.id = h.a.id;
      li.addEventListener('mousedown', (e) => { e.preventDefault(); this.pick(h.a.id); });
      return li;
    }));
    this.list.hidden = hits.length === 0;
  }

  pick(id) {
    this.input.value = '';
    this.render();
    this.onPick(id);
  }

  items() { return [...this.list.querySelectorAll('li[data-id]')].map((li) => li.dataset.id); }
}

export class PlaybackControls {
  constructor(onPlay, onLive) {
    const now = Date.now();
    $('p-from').value = local(now - 3600 * 1000);
    $('p-to').value = local(now);
    $('p-play').addEventListener('click', () => {
      const from = new Date($('p-from').value).getTime(), to = new Date($('p-to').value).getTime();
      if (!Number.isFinite(from) || !Number.isFinite(to) || to <= from) { $('p-at-label').textContent = 'pick a time range'; return; }
      onPlay(from, to, parseFloat($('p-speed').value));
      $('p-play').classList.add('active');
    });
    $('p-live').addEventListener('click', () => { $('p-play').classList.remove('active'); this.clear(); onLive(); });
  }

  /** A `playback` frame: where the replay is, on the slider. */
  at(frame) {
    const span = frame.to - frame.from;
    $('p-at').value = span > 0 ? Math.round(((frame.at - frame.from) / span) * 1000) : 0;
    $('p-at-label').textContent = new Date(frame.at).toISOString().replace('T', ' ').substring(0, 19) + ' UTC · ' +
        frame.speed + '× · ' + frame.state;
  }

  clear() { $('p-at').value = 0; $('p-at-label').textContent = '—'; }
}

function local(ms) {
  const d = new Date(ms - new Date(ms).getTimezoneOffset() * 60000);
  return d.toISOString().substring(0, 16);
}
