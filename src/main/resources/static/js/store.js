// The page's picture: aircraft keyed by id, kept from snapshot + delta frames, with what is needed to draw
// them between updates: dead reckoning from the last report, a glide that hides the jump when a report
// arrives, ghost state for aircraft not heard from lately, and a short trail.
//
// Time is taken per source from the data, not from the browser's wall clock: a replay or a playback carries
// the timestamps of its recording, and a browser clock that is off must not turn the whole sky into ghosts.
// Motion runs on a "picture clock" (the newest last_contact_unix seen from the source, advanced by local time).
// Ghosting uses how far an aircraft's last contact lags the newest contact of its own source: a polled source
// (OpenSky every 10-90 s) ages all its aircraft together between polls, and only the ones it stopped
// reporting should fade.

export const GHOST_AFTER_S = 15;    // lagging its source this long: drawn as a fading ghost at its extrapolated position
export const STALE_AFTER_S = 60;    // lagging this long: not drawn (the server's STALE_THRESHOLD_SECONDS default)
export const GLIDE_MS = 1000;       // a new report is glided to over this long instead of jumped to
export const TRAIL_SECONDS = 300;   // trail length
const TRAIL_STEP_S = 5;             // at most one trail point per this many seconds (bounds memory at 10,000 aircraft)
const MAX_GLIDE_DEG = 1;            // farther than this (a teleport, a new position source): jump
const EARTH_RADIUS_M = 6371000;
const DEG = Math.PI / 180;

function wrapLon(lon) { return ((lon + 540) % 360) - 180; }

class PictureClock {
  constructor(s, local) { this.baseS = s; this.baseLocal = local; this.newestS = s; }
  at(local, rate) { return this.baseS + (local - this.baseLocal) / 1000 * rate; }
  saw(s, local, rate) {
    if (s > this.newestS) this.newestS = s;
    if (s > this.at(local, rate)) { this.baseS = s; this.baseLocal = local; }
  }
}

export class Track {
  constructor(a) { this.a = a; this.offLat = 0; this.offLon = 0; this.offAlt = 0; this.glideStart = -Infinity; this.trail = []; this.lastTrailS = -Infinity; this.history = null; }
  get hasPosition() { return this.a.position !== null && this.a.position !== undefined; }
  /** Altitude used for drawing and filters: barometric, else geometric, else 0 (on the ground or unknown). */
  get altitude() { return this.a.on_ground ? 0 : (this.a.altitude_m ?? this.a.geo_altitude_m ?? 0); }
}

export class Store {
  constructor() {
    this.tracks = new Map();
    this.clocks = new Map();
    this.rate = 1;            // picture seconds per real second (the playback speed)
    this.hubSeq = null;
    this.lastFrameTime = null; // server `time` of the last snapshot/delta, epoch ms
    this.updates = 0;          // upserts applied, for the updates-per-second figure
  }

  get size() { return this.tracks.size; }

  nowS(source, local) {
    const c = this.clocks.get(source);
    return c ? c.at(local, this.rate) : null;
  }

  /** Age of an aircraft's last contact on its source's picture clock, seconds (what the details panel shows). */
  age(t, local) { return Math.max(0, this.nowS(t.a.source, local) - t.a.last_contact_unix); }

  /** How far an aircraft's last contact lags the newest contact from its source, seconds (what ghosting uses). */
  lag(t) {
    const c = this.clocks.get(t.a.source);
    return c ? Math.max(0, c.newestS - t.a.last_contact_unix) : 0;
  }

  snapshot(frame, local) {
    const old = this.tracks;
    this.tracks = new Map();
    this.clocks = new Map();
    this.observe(frame.aircraft, local);
    for (const a of frame.aircraft) {
      const prev = old.get(a.id);
      this.put(a, local, prev);
    }
    this.hubSeq = frame.hub_seq;
    this.lastFrameTime = frame.time;
  }

  delta(frame, local) {
    for (const id of frame.removals) this.tracks.delete(id);
    this.observe(frame.upserts, local);
    for (const a of frame.upserts) this.put(a, local, this.tracks.get(a.id));
    this.hubSeq = frame.hub_seq;
    this.lastFrameTime = frame.time;
  }

  observe(list, local) {
    for (const a of list) {
      const c = this.clocks.get(a.source);
      if (c) c.saw(a.last_contact_unix, local, this.rate);
      else this.clocks.set(a.source, new PictureClock(a.last_contact_unix, local));
    }
  }

  put(a, local, prev) {
    const t = new Track(a);
    if (prev) {
      t.trail = prev.trail;
      t.lastTrailS = prev.lastTrailS;
      t.history = prev.history;
      if (prev.hasPosition && t.hasPosition) this.glide(prev, t, local);
    }
    if (t.hasPosition) {
      const s = a.time_position_unix ?? a.last_contact_unix;
      if (s - t.lastTrailS >= TRAIL_STEP_S) {
        t.trail.push(a.position.lat, a.position.lon, t.altitude, s);
        t.lastTrailS = s;
        while (t.trail.length > 0 && t.trail[3] < s - TRAIL_SECONDS) t.trail.splice(0, 4);
      }
    }
    this.tracks.set(a.id, t);
    this.updates++;
  }

  /** Starts the new report from where the old one was being drawn, so the marker glides instead of jumping. */
  glide(prev, t, local) {
    const was = {}, now = {}; // place() fills these and returns only whether to draw
    this.place(prev, local, was);
    this.place(t, local, now);
    const dLat = was.lat - now.lat, dLon = wrapLon(was.lon - now.lon);
    if (Math.abs(dLat) > MAX_GLIDE_DEG || Math.abs(dLon) > MAX_GLIDE_DEG) return;
    t.offLat = dLat; t.offLon = dLon; t.offAlt = was.alt - now.alt;
    t.glideStart = local;
  }

  /**
   * Where to draw a track at local time `local` (performance.now() ms): fills out.lat/lon/alt (degrees, metres),
   * out.heading, out.lag (s behind its source's newest contact) and out.fade (0 = solid, >0 = ghost, 1 = about to
   * vanish). Returns false when it should not be drawn (no position, or lagging past the stale threshold).
   */
  place(t, local, out) {
    const a = t.a;
    const now = this.nowS(a.source, local);
    if (!t.hasPosition || now === null) return false; // (no clock: a track of a source no longer in the picture)
    const lag = this.lag(t);
    out.lag = lag;
    out.heading = a.heading_deg ?? 0;
    out.fade = lag <= GHOST_AFTER_S ? 0 : Math.min(1, (lag - GHOST_AFTER_S) / (STALE_AFTER_S - GHOST_AFTER_S));
    const dt = Math.min(Math.max(0, now - (a.time_position_unix ?? a.last_contact_unix)), STALE_AFTER_S);
    const v = a.velocity_mps ?? 0;
    const ang = (v * dt) / EARTH_RADIUS_M / DEG;
    const h = out.heading * DEG;
    let lat = a.position.lat + ang * Math.cos(h);
    let lon = a.position.lon + (ang * Math.sin(h)) / Math.max(0.01, Math.cos(a.position.lat * DEG));
    let alt = a.on_ground ? 0 : Math.max(0, t.altitude + (a.vertical_rate_mps ?? 0) * dt);
    const g = 1 - (local - t.glideStart) / GLIDE_MS;
    if (g > 0) { lat += t.offLat * g; lon += t.offLon * g; alt += t.offAlt * g; }
    out.lat = Math.max(-90, Math.min(90, lat));
    out.lon = wrapLon(lon);
    out.alt = alt;
    return lag <= STALE_AFTER_S;
  }
}
