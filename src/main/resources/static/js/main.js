// Wires the page: feed → store → globe, the panels, and window.skysentinel (a small read/steer hook that the
// browser tests use to assert real state).
import { Feed } from './feed.js';
import { Store } from './store.js';
import { AtcStore } from './atc.js';
import { Globe } from './globe.js';
import { DetailsPanel, EventsList, StatusStrip } from './panels.js';
import { FilterControls, PlaybackControls, Search, SearchResults } from './controls.js';
import { Watchlist, whenFromFilter } from './watchlist.js';
import { Legend } from './legend.js';

const $ = (id) => document.getElementById(id);
const store = new Store();
const atcStore = new AtcStore();
const globe = new Globe($('globe'), store, atcStore);
const details = new DetailsPanel(store, atcStore);
const strip = new StatusStrip();
const legend = new Legend();
let snapshots = 0;
let mode = 'live';

const events = new EventsList((ev) => {
  if (ev.lat !== null && ev.lat !== undefined) globe.rig.flyTo(ev.lat, ev.lon, 1.3);
  if (store.tracks.has(ev.id)) globe.select(ev.id);
});

const feed = new Feed({
  snapshot: (f) => { store.snapshot(f, performance.now()); snapshots++; if (snapshots === 1) frameTraffic(); },
  delta: (f) => store.delta(f, performance.now()),
  status: (f) => strip.status(f),
  event: (f) => { events.add(f); globe.addEvent(f.event); },
  alert: (f) => watchlist.alert(f),
  playback: (f) => { store.rate = f.speed; playback.at(f); },
  error: (f) => console.warn('SkySentinel server says:', f.message),
  state: (s) => {
    const el = $('conn');
    el.textContent = s;
    el.className = 'badge ' + (s === 'live' || s === 'playback' ? 'ok' : s === 'resync' || s === 'connecting' ? 'warn' : 'bad');
  },
});

// The ATC positions have their own socket (docs/websocket.md#wsatc): few, slow-changing, not tiled.
const atcFeed = new Feed({
  snapshot: (f) => { atcStore.snapshot(f); refreshWorkload(); },
  delta: (f) => atcStore.delta(f),
  error: (f) => console.warn('SkySentinel server says (ATC):', f.message),
}, '/ws/atc?format=json');

const watchlist = new Watchlist((ids) => feed.subscribeAlerts(ids));
feed.alertRules = watchlist.ids();
$('d-watch').addEventListener('click', () => {
  const id = globe.selected;
  if (!id) return;
  const t = store.tracks.get(id);
  const cs = t && t.a.callsign ? t.a.callsign.trim() : null;
  watchlist.add(`watch ${cs || id}`, { id }).catch((e) => console.warn('SkySentinel: watch failed:', e.message));
});
$('w-filter').addEventListener('click', () => {
  const when = whenFromFilter(filters.filter(null));
  const note = $('w-note');
  if (!when) { note.textContent = 'set a callsign, altitude or ground filter first'; return; }
  note.textContent = '';
  watchlist.add(`filter ${JSON.stringify(when)}`, when).catch((e) => { note.textContent = e.message; });
});

const networkSwitch = (id, apply) => { const el = $(id); el.addEventListener('change', () => apply(el.checked)); };
networkSwitch('n-real', (on) => (on ? globe.markers.hidden.delete('real') : globe.markers.hidden.add('real')));
networkSwitch('n-vatsim', (on) => (on ? globe.markers.hidden.delete('vatsim') : globe.markers.hidden.add('vatsim')));
networkSwitch('n-atc', (on) => globe.atc.setVisible(on));

const filters = new FilterControls(() => sendFilter());
const results = new SearchResults((id) => flyToAircraft(id));
const search = new Search(store, (id) => flyToAircraft(id));
const playback = new PlaybackControls(
    (from, to, speed) => { mode = 'playback'; $('mode').textContent = 'playback'; store.rate = speed; feed.playback(from, to, speed); },
    () => { mode = 'live'; $('mode').textContent = 'live'; store.rate = 1; feed.live(); });

let sentFilter = '{}';
function sendFilter() {
  if (mode !== 'live') return;
  const f = filters.filter(globe.rig.visibleBox());
  const key = JSON.stringify(f);
  if (key === sentFilter) return;
  sentFilter = key;
  feed.subscribe(f);
}

/**
 * Opens on where the traffic is: the middle 90 % of the first picture's positions (so a few strays far away do not
 * zoom the view out to a hemisphere), unless the user has already moved the camera.
 */
function frameTraffic() {
  if (globe.rig.fly || globe.rig.locked || userMoved) return;
  const lats = [], lons = [];
  const now = performance.now();
  for (const id of store.tracks.keys()) {
    const p = globe.placeOf(id, now);
    if (p) { lats.push(p.lat); lons.push(p.lon); }
  }
  if (lats.length === 0) return;
  const q = (v, f) => v[Math.min(v.length - 1, Math.floor(f * v.length))];
  lats.sort((a, b) => a - b); lons.sort((a, b) => a - b);
  const [la0, la1, lo0, lo1] = [q(lats, 0.05), q(lats, 0.95), q(lons, 0.05), q(lons, 0.95)];
  const span = Math.max(la1 - la0, (lo1 - lo0) * Math.cos(((la0 + la1) / 2) * Math.PI / 180));
  globe.rig.flyTo((la0 + la1) / 2, (lo0 + lo1) / 2, Math.min(3.2, Math.max(1.06, 1.04 + span / 25)));
}
let userMoved = false;
$('globe').addEventListener('pointerdown', () => { userMoved = true; }, { once: true });
$('globe').addEventListener('wheel', () => { userMoved = true; }, { once: true });

function flyToAircraft(id) {
  const p = globe.placeOf(id, performance.now());
  if (p) globe.rig.flyTo(p.lat, p.lon, 1.15);
  globe.select(id);
}

// Workload: every outline shaded by its aircraft now, and the selected position's counts and forecast in its panel.
function refreshWorkload() {
  if (atcStore.positions.size === 0) return;
  fetch('/api/atc-positions/workload').then((r) => (r.ok ? r.json() : null)).then((b) => {
    if (b) globe.atc.shade(new Map(b.positions.map((w) => [w.callsign, w])));
  }).catch(() => {});
  const p = details.id && atcStore.positions.get(details.id);
  if (p) {
    fetch('/api/atc-positions/' + encodeURIComponent(p.callsign) + '/workload').then((r) => (r.ok ? r.json() : null))
        .then((w) => { if (w) details.workload = w; }).catch(() => {});
  }
}
setInterval(refreshWorkload, 15000);

globe.onSelect = (id) => {
  details.show(id);
  if (id && atcStore.positions.has(id)) refreshWorkload();
  else if (id) loadHistoryTrail(id);
};

const HISTORY_TRAIL_MS = 6 * 3600 * 1000;
const HISTORY_TRAIL_POINTS = 5000;

/**
 * The selected aircraft's stored track (GET /api/flights/{id}/track, the last 6 h, at most 5,000 points) joined in
 * front of its live trail, so a flight selected mid-route shows where it came from. No history (off, or nothing
 * stored): the live trail alone.
 */
function loadHistoryTrail(id) {
  const now = Date.now();
  fetch(`/api/flights/${encodeURIComponent(id)}/track?from=${now - HISTORY_TRAIL_MS}&to=${now}&limit=${HISTORY_TRAIL_POINTS}`)
    .then((r) => (r.ok ? r.json() : null)).then((b) => {
      const t = store.tracks.get(id);
      if (!b || !t) return;
      const firstLive = t.trail.length > 0 ? t.trail[3] : Infinity;
      const h = [];
      for (const p of b.points) {
        const s = p.time_ms / 1000;
        if (s >= firstLive) break;
        h.push(p.lat, p.lon, p.altitude_m ?? p.geo_altitude_m ?? 0, s);
      }
      t.history = h;
    }).catch(() => {});
}
$('d-close').addEventListener('click', () => { globe.rig.release(); globe.select(null); });
$('cockpit').addEventListener('click', () => {
  if (!globe.selected) return;
  if (globe.rig.locked) globe.rig.release(); else globe.rig.lock(globe.selected);
  $('cockpit').classList.toggle('active', !!globe.rig.locked);
});
window.addEventListener('keydown', (e) => {
  if (e.key === 'Escape') { globe.rig.release(); $('cockpit').classList.remove('active'); }
});

// Once a second: figures, the details panel, and the subscription (the visible region follows the camera).
let lastUpdates = 0, ups = 0;
setInterval(() => {
  ups = store.updates - lastUpdates;
  lastUpdates = store.updates;
  sendFilter();
}, 1000);
globe.onFrame = (now) => {
  if (globe.frames % 15 !== 0) return; // text updates four times a second are plenty
  details.refresh(now);
  results.render(store, filters.callsign());
  strip.render(globe.markers.shown, store.size, ups, globe.fps());
  $('atc-count').textContent = atcStore.positions.size ? '(' + atcStore.positions.size + ')' : '';
  if (!globe.rig.locked) $('cockpit').classList.remove('active');
};

fetch('/api/rate-limit').then((r) => r.json()).then((b) => strip.rateLimit(b)).catch(() => {});

let earthLoaded = false;
globe.load('geo/land-50m.json').then(() => { earthLoaded = true; });
globe.start();
feed.live();
atcFeed.live();

window.skysentinel = {
  ready: () => earthLoaded && snapshots > 0,
  aircraftCount: () => store.size,
  ids: () => [...store.tracks.keys()],
  hubSeq: () => store.hubSeq,
  shown: () => globe.markers.shown,
  ghosts: () => globe.markers.ghosts,
  drawnAs: (id) => (globe.markers.ghostIds.includes(id) ? 'ghost' : globe.markers.vatsimIds.includes(id) ? 'vatsim'
      : globe.markers.ids.includes(id) ? 'solid' : null),
  atcCount: () => atcStore.positions.size,
  atcHubSeq: () => atcStore.hubSeq,
  atcDrawn: (callsign) => globe.atc.drawn(callsign),
  atcVisible: () => globe.atc.group.visible,
  atcAnchor: (callsign) => { const p = atcStore.byCallsign(callsign); const e = p && globe.atc.entries.get(p.id); return e ? globe.project(e.anchor) : null; },
  route: () => globe.route.info,
  detailsText: () => $('d-text').textContent,
  select: (id) => globe.select(id),
  selected: () => globe.selected,
  screenOf: (id) => globe.screenOf(id),
  placeOf: (id) => globe.placeOf(id, performance.now()),
  worldOf: (id) => { const k = globe.markers.ids.indexOf(id); return k < 0 ? null : [...globe.markers.xyz.subarray(k * 3, k * 3 + 3)]; },
  flyTo: (lat, lon, distance) => globe.rig.flyTo(lat, lon, distance ?? 1.3),
  flying: () => globe.rig.fly !== null,
  fps: () => globe.fps(),
  softwareRendering: () => globe.software,
  timing: () => ({ ...globe.timing, ...feed.timing, frames: globe.frames, socketFrames: feed.frames, updates: store.updates, state: feed.state }),
  frames: () => globe.frames,
  decodesInWorker: () => feed.worker !== null, // the feed's socket and decoding run in feed-worker.js
  cameraLocked: () => globe.rig.locked,
  cameraPosition: () => globe.camera.position.toArray(),
  connectionState: () => feed.state,
  subscription: () => JSON.parse(sentFilter),
  searchResults: () => results.items(),
  searchSuggestions: () => search.items(),
  historyPoints: (id) => { const t = store.tracks.get(id); return t && t.history ? t.history.length / 4 : 0; },
  trailVertices: () => (globe.trail.visible ? globe.trail.geometry.getAttribute('position').count : 0),
  eventsListed: () => events.count,
  watchlist: () => watchlist.rules.map((r) => ({ id: r.id, name: r.name, fired: r.fired })),
  alertsReceived: () => watchlist.received,
  eventMarkers: () => globe.events.length,
  injectFrame: (frame) => feed.handle(frame),
  errors: () => window.__skysentinelErrors.slice(),
  // the globe's look (docs/globe.md#the-look): silhouettes per category, labels, legend, relief and borders
  categories: () => globe.markers.categoryCounts(),
  categoryOf: (id) => globe.markers.drawnCategory(id),
  labels: () => ({ active: globe.labels.active, drawn: globe.labels.drawn.slice() }),
  legend: () => legend.info(),
  look: () => ({ ...globe.look }),
};
