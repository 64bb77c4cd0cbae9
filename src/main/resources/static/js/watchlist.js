// The watchlist: alert rules this browser created (their ids and owner tokens kept in localStorage), the alert frames
// the live socket brings for them, and a browser notification when one arrives while the page is in the background
// (docs/globe.md#watchlist, docs/alerts.md).
const $ = (id) => document.getElementById(id);
const KEY = 'skysentinel.watchlist';
const MAX_LISTED = 50;

function load() {
  try { return JSON.parse(localStorage.getItem(KEY) || '[]'); } catch { return []; }
}

/** One line for people, like the server's ntfy text. */
export function describe(a) {
  const f = a.flight;
  const who = f ? (f.callsign ? `${f.callsign.trim()} (${f.id})` : f.id) : a.atc ? a.atc.callsign : '';
  const what = a.event ? a.event.kind.replace('_', ' ') + ' ' : '';
  return `${a.kind === 'ended' ? 'ended: ' : ''}${what}${who}`;
}

/** The user's filter controls as a rule's `when` (the camera's region is not part of it); null when empty. */
export function whenFromFilter(f) {
  const when = {};
  if (f.callsign) when.callsign = `*${f.callsign}*`;
  if (f.min_altitude_m !== undefined || f.max_altitude_m !== undefined)
    when.altitude_m = [f.min_altitude_m ?? null, f.max_altitude_m ?? null];
  if (f.on_ground !== undefined) when.on_ground = f.on_ground;
  return Object.keys(when).length ? when : null;
}

export class Watchlist {
  /** onRules(ids): the rules to ask the socket for, after every change. */
  constructor(onRules) {
    this.onRules = onRules;
    this.rules = load();
    this.received = 0;
    this.el = $('watch-list');
    this.render();
  }

  ids() { return this.rules.map((r) => r.id); }

  /** Creates a rule on the server and watches it; resolves to its id. */
  async add(name, when) {
    if ('Notification' in window && Notification.permission === 'default') Notification.requestPermission();
    const r = await fetch('/api/alerts/rules', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ name, when }),
    });
    const body = await r.json();
    if (!r.ok) throw new Error(body.detail || `HTTP ${r.status}`);
    this.rules.push({ id: body.id, name: body.name, token: body.owner_token, fired: 0 });
    this.changed();
    return body.id;
  }

  /** Deletes the rule on the server (with its owner token) and forgets it. */
  async remove(id) {
    const rule = this.rules.find((r) => r.id === id);
    if (!rule) return;
    const r = await fetch(`/api/alerts/rules/${id}`, { method: 'DELETE', headers: { Authorization: `Bearer ${rule.token}` } });
    if (r.ok || r.status === 404) {
      this.rules = this.rules.filter((x) => x.id !== id);
      this.changed();
    }
  }

  /** An alert frame from the socket. */
  alert(frame) {
    const a = frame.alert;
    this.received++;
    const rule = this.rules.find((r) => r.id === a.rule.id);
    if (rule) rule.fired++;
    this.render();
    if (document.hidden && 'Notification' in window && Notification.permission === 'granted')
      new Notification(`SkySentinel: ${a.rule.name}`, { body: describe(a), tag: a.id });
  }

  changed() {
    localStorage.setItem(KEY, JSON.stringify(this.rules.map(({ id, name, token }) => ({ id, name, token }))));
    this.render();
    this.onRules(this.ids());
  }

  render() {
    if (this.rules.length === 0) {
      const li = document.createElement('li');
      li.className = 'muted';
      li.textContent = 'nothing watched';
      this.el.replaceChildren(li);
      return;
    }
    this.el.replaceChildren(...this.rules.slice(-MAX_LISTED).map((r) => {
      const li = document.createElement('li');
      li.dataset.rule = r.id;
      li.textContent = `${r.name}${r.fired ? ` — ${r.fired} alert${r.fired > 1 ? 's' : ''}` : ''} `;
      const x = document.createElement('button');
      x.type = 'button';
      x.textContent = '×';
      x.title = 'Stop watching (deletes the rule)';
      x.addEventListener('click', () => this.remove(r.id));
      li.append(x);
      return li;
    }));
  }
}
