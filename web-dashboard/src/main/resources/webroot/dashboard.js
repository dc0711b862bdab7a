// Paternoster dashboard: renders the snapshots the dashboard pushes over Server-Sent Events
// (see SnapshotJson for their shape). No framework, no network access beyond this origin.
// Data is only ever inserted as text (textContent), never as HTML.
'use strict';

(() => {
  const $ = (id) => document.getElementById(id);
  const SVG = 'http://www.w3.org/2000/svg';
  /** A push arrives at least every second; this much silence means the dashboard is gone. */
  const SILENCE_MS = 3500;
  let latest = null;
  let lastMessageAt = 0;

  // ---- small DOM helpers ---------------------------------------------------------------

  /** el('span', {class: 'x', text: 'y', 'aria-label': 'z'}, child...) */
  function el(tag, attrs, ...children) {
    const node = document.createElement(tag);
    for (const [name, value] of Object.entries(attrs || {})) {
      if (value === null || value === undefined || value === false) continue;
      if (name === 'text') node.textContent = value;
      else if (name === 'class') node.className = value;
      else node.setAttribute(name, value === true ? '' : String(value));
    }
    for (const child of children) {
      if (child !== null && child !== undefined) node.append(child);
    }
    return node;
  }

  function svg(tag, attrs, text) {
    const node = document.createElementNS(SVG, tag);
    for (const [name, value] of Object.entries(attrs || {})) node.setAttribute(name, String(value));
    if (text !== undefined) node.textContent = text;
    return node;
  }

  function badge(text, kind) {
    return el('span', {class: 'badge badge-' + kind, text});
  }

  /**
   * Replaces the children of `container` by `items`, rebuilding only the items whose key changed,
   * so a button under the pointer or the keyboard focus survives an update that did not touch it.
   */
  function renderKeyed(container, items, keyOf, render) {
    const existing = new Map();
    for (const child of Array.from(container.children)) existing.set(child.dataset.key, child);
    let previous = null;
    for (const item of items) {
      const key = keyOf(item);
      let node = existing.get(key);
      if (node) existing.delete(key);
      else {
        node = render(item);
        node.dataset.key = key;
      }
      const expectedPosition = previous ? previous.nextSibling : container.firstChild;
      if (node !== expectedPosition) container.insertBefore(node, expectedPosition);
      previous = node;
    }
    for (const stale of existing.values()) stale.remove();
  }

  // ---- formatting ----------------------------------------------------------------------

  function pad(n, width) {
    return String(n).padStart(width, '0');
  }

  function clock(ms) {
    const d = new Date(ms);
    return pad(d.getHours(), 2) + ':' + pad(d.getMinutes(), 2) + ':' + pad(d.getSeconds(), 2) + '.' + pad(d.getMilliseconds(), 3);
  }

  function duration(ms) {
    if (ms === null || ms === undefined) return '–';
    if (ms < 1000) return Math.round(ms) + ' ms';
    if (ms < 60000) return (ms / 1000).toFixed(1) + ' s';
    return Math.floor(ms / 60000) + ' min ' + Math.round((ms % 60000) / 1000) + ' s';
  }

  function latencyText(ms) {
    if (ms === null || ms === undefined) return '–';
    return ms < 10 ? ms.toFixed(1) + ' ms' : Math.round(ms) + ' ms';
  }

  function orDash(value) {
    return value === null || value === undefined ? '–' : String(value);
  }

  const ARROWS = {up: '▲', down: '▼'};

  // ---- connection ----------------------------------------------------------------------

  function setConnection(state) {
    const pill = $('connection');
    const texts = {live: 'live', wait: 'connecting…', lost: 'dashboard connection lost — retrying'};
    pill.textContent = texts[state];
    pill.className = 'pill pill-' + state;
  }

  function connect() {
    const events = new EventSource('api/events');
    events.onmessage = (message) => {
      lastMessageAt = Date.now();
      setConnection('live');
      render(JSON.parse(message.data));
    };
    events.onerror = () => setConnection(lastMessageAt === 0 ? 'wait' : 'lost');
    setInterval(() => {
      if (lastMessageAt !== 0 && Date.now() - lastMessageAt > SILENCE_MS) setConnection('lost');
    }, 1000);
  }

  // ---- sections ------------------------------------------------------------------------

  function render(s) {
    latest = s;
    renderAlerts(s);
    renderView(s);
    renderReplicas(s);
    renderElevators(s);
    renderHall(s);
    renderLatency(s);
    renderHistory(s);
    $('footer').textContent = 'Data as of ' + clock(s.takenAt) + ' · every asset served by the dashboard · live over Server-Sent Events'
      + (s.control ? ' · control enabled' : '');
  }

  function renderAlerts(s) {
    renderKeyed($('alerts'), s.alerts, (text) => text, (text) => el('p', {class: 'alert', text}));
  }

  function renderView(s) {
    const view = s.view;
    const stale = !s.viewService.reachable;
    $('view-card').classList.toggle('stale', stale && view !== null);
    $('view-number').textContent = view ? String(view.viewnum) : '–';
    const acked = $('view-acked');
    if (!view) {
      acked.textContent = 'unknown';
      acked.className = 'badge badge-muted';
    } else {
      acked.textContent = view.acked ? 'acknowledged by primary' : 'not yet acknowledged';
      acked.className = 'badge ' + (view.acked ? 'badge-ok' : 'badge-warn');
    }
    $('view-primary').textContent = view && view.primary ? view.primary : 'none';
    $('view-primary-address').textContent = view && view.primaryAddress ? view.primaryAddress : '';
    $('view-backup').textContent = view && view.backup ? view.backup : 'none';
    $('view-backup-address').textContent = view && view.backupAddress ? view.backupAddress : '';

    const primaryState = $('view-primary-state');
    const primaryDown = s.primary !== null && !s.primary.reachable && s.primary.error !== null;
    primaryState.hidden = !primaryDown;
    primaryState.textContent = primaryDown ? 'unreachable' : '';
    primaryState.className = 'badge badge-bad';
    document.querySelector('.role-primary').classList.toggle('unreachable', primaryDown);

    $('view-source').textContent = stale
      ? (view ? 'Last announced by the view service' + (s.viewService.lastSeenAt ? ' at ' + clock(s.viewService.lastSeenAt) : '') + '.' : '')
      : (s.viewService.address ? 'From the view service at ' + s.viewService.address + '.' : '');
    const group = s.viewServiceGroup;
    if (group && group.members.length > 0) {
      $('view-source').textContent += ' View service of ' + group.members.length + ' members ('
        + group.members.join(', ') + '); ' + (group.leader ? 'leader ' + group.leader : 'no leader elected') + '.';
    }

    const kill = $('kill-control');
    kill.hidden = !s.control;
    const button = $('kill-primary');
    button.disabled = !view || !view.primary;
    button.textContent = view && view.primary ? 'Kill primary ' + view.primary : 'Kill primary';
  }

  function renderReplicas(s) {
    $('no-replicas').hidden = s.replicas.length > 0;
    renderKeyed(document.querySelector('#replicas tbody'), s.replicas,
      (r) => JSON.stringify([r.id, r.address, r.role, r.alive, r.reachable, r.selfRole, r.pingedViewnum, r.lastSeq,
        r.committedSeq, r.pendingCalls, ageBucket(r.lastPingAgeMs)]),
      (r) => {
        const status = [];
        if (r.alive === true) status.push(badge('pinging', 'ok'));
        else if (r.alive === false) status.push(badge('missed pings', 'bad'));
        if (!r.reachable) status.push(badge('unreachable', 'bad'));
        if (r.selfRole && r.selfRole !== r.role) status.push(badge('thinks ' + r.selfRole, 'warn'));
        return el('tr', {class: r.alive === false ? 'dead' : null, 'data-replica': r.id},
          el('td', {}, el('strong', {text: r.id}), el('span', {class: 'address', text: r.address || ''})),
          el('td', {}, badge(r.role, r.role)),
          el('td', {}, ...status),
          el('td', {class: 'num', text: duration(r.lastPingAgeMs)}),
          el('td', {class: 'num wide-only', text: orDash(r.pingedViewnum)}),
          el('td', {class: 'num', text: orDash(r.lastSeq)}),
          el('td', {class: 'num wide-only', text: orDash(r.committedSeq)}),
          el('td', {class: 'num wide-only', text: orDash(r.pendingCalls)}));
      });
  }

  /** Ages below a second are shown to the 100 ms; a row is rebuilt only when its shown age changes. */
  function ageBucket(ms) {
    if (ms === null || ms === undefined) return null;
    return ms < 1000 ? Math.round(ms / 100) : duration(ms);
  }

  function renderElevators(s) {
    $('no-elevators').hidden = s.elevators.length > 0;
    renderKeyed($('shafts'), s.elevators, (e) => e.id, (e) => el('article', {class: 'shaft', 'aria-label': 'Elevator ' + e.id, 'data-elevator': e.id},
      el('div', {class: 'shaft-view'}), el('div', {class: 'shaft-controls'})));
    for (const e of s.elevators) {
      const shaft = document.querySelector('.shaft[data-elevator="' + CSS.escape(e.id) + '"]');
      const viewKey = JSON.stringify([e, s.floors, ageBucket(e.lastReportAgeMs)]);
      const view = shaft.querySelector('.shaft-view');
      if (view.dataset.key !== viewKey) {
        view.replaceChildren(...shaftView(e, s.floors));
        view.dataset.key = viewKey;
      }
      shaft.classList.toggle('offline', e.online === false || e.nodeReachable === false);
      const controls = shaft.querySelector('.shaft-controls');
      const controlsKey = JSON.stringify([s.control && e.controllable, s.floors]);
      if (controls.dataset.key !== controlsKey) {
        controls.replaceChildren(...(s.control && e.controllable ? shaftControls(e.id, s.floors) : []));
        controls.dataset.key = controlsKey;
      }
      updateControlLights(controls, e, s);
    }
  }

  function shaftView(e, floors) {
    const badges = [];
    if (e.nodeReachable === false) badges.push(badge('node unreachable', 'bad'));
    if (e.online === true) badges.push(badge('online', 'ok'));
    else if (e.online === false) badges.push(badge('offline', 'bad'));
    if (e.available === false) badges.push(badge('unavailable' + (e.unavailableReason ? ': ' + e.unavailableReason : ''), 'bad'));
    if (e.obstruction === true) badges.push(badge('obstructed', 'warn'));
    if (e.behaviour === 'doorOpen') badges.push(badge('door open', 'muted'));
    if (e.holdingDoors === true) badges.push(badge('holding doors', 'muted'));
    if (e.parkFloor !== null && e.parkFloor !== undefined) badges.push(badge('parks at ' + e.parkFloor, 'muted'));
    if (e.lastReportAgeMs !== null && e.lastReportAgeMs >= 1000) badges.push(badge('no report for ' + duration(e.lastReportAgeMs), 'warn'));

    const cab = new Set(e.cabCalls);
    const rows = [];
    for (let floor = floors - 1; floor >= 0; floor--) {
      const here = e.floor === floor;
      const marks = [];
      if (cab.has(floor)) marks.push(el('span', {class: 'mark mark-cab', title: 'cab call to floor ' + floor, text: '●'}));
      if (e.parkFloor === floor) marks.push(el('span', {class: 'mark mark-park', title: 'the dispatcher parks this car at floor ' + floor, text: 'P'}));
      for (const h of e.hallCalls) {
        if (h.floor === floor) marks.push(el('span', {class: 'mark mark-hall', title: 'assigned hall call ' + h.direction + ' at floor ' + floor, text: ARROWS[h.direction]}));
      }
      rows.push(el('li', {class: 'floor', 'data-floor': floor},
        el('span', {class: 'floor-number', text: String(floor)}),
        el('span', {class: 'well'}, here ? car(e) : null),
        el('span', {class: 'marks'}, ...marks)));
    }
    const where = e.floor === null ? 'floor unknown' : 'at floor ' + e.floor
      + (e.direction === 'up' ? ', going up' : e.direction === 'down' ? ', going down' : '');
    return [
      el('div', {class: 'shaft-head'}, el('h3', {text: e.id}), ...badges),
      el('ol', {class: 'floors', 'aria-label': 'Shaft of ' + e.id + ', ' + where}, ...rows),
    ];
  }

  function car(e) {
    const classes = ['car'];
    if (e.behaviour === 'doorOpen') classes.push('door-open');
    if (e.available === false) classes.push('unavailable');
    if (e.online === false || e.nodeReachable === false) classes.push('offline');
    const text = e.behaviour === 'doorOpen' ? '▯ ▯' : e.direction === 'up' ? '▲' : e.direction === 'down' ? '▼' : '■';
    const label = 'car ' + e.id + (e.behaviour === 'doorOpen' ? ', door open' : e.behaviour === 'moving' ? ', moving ' + e.direction : ', idle');
    return el('span', {class: classes.join(' '), role: 'img', 'aria-label': label, title: label, text});
  }

  function shaftControls(id, floors) {
    const cab = [];
    for (let floor = 0; floor < floors; floor++) {
      cab.push(el('button', {type: 'button', 'data-action': 'press', 'data-elevator': id, 'data-type': 'cab', 'data-floor': floor,
        'data-control': 'cab:' + floor, 'aria-label': 'Cab button ' + floor + ' in ' + id, text: String(floor)}));
    }
    const hall = [];
    for (let floor = floors - 1; floor >= 0; floor--) {
      for (const direction of ['up', 'down']) {
        if ((direction === 'up' && floor === floors - 1) || (direction === 'down' && floor === 0)) continue;
        hall.push(el('button', {type: 'button', 'data-action': 'press', 'data-elevator': id, 'data-type': 'hall', 'data-floor': floor,
          'data-direction': direction, 'data-control': 'hall:' + floor + ':' + direction,
          'aria-label': 'Hall ' + direction + ' button at floor ' + floor + ' of ' + id, text: floor + ARROWS[direction]}));
      }
    }
    return [el('div', {class: 'controls'},
      el('fieldset', {}, el('legend', {text: 'Cab buttons'}), el('div', {class: 'control-row'}, ...cab)),
      el('fieldset', {}, el('legend', {text: 'Hall buttons'}), el('div', {class: 'control-row'}, ...hall)),
      el('fieldset', {}, el('legend', {text: 'Faults'}), el('div', {class: 'control-row'},
        el('button', {type: 'button', 'data-action': 'obstruction', 'data-elevator': id, 'data-control': 'obstruction', 'aria-pressed': 'false', text: 'Obstruction'}),
        el('button', {type: 'button', 'data-action': 'motor', 'data-elevator': id, 'data-motor': 'cut', 'data-control': 'motor:cut', text: 'Cut motor'}),
        el('button', {type: 'button', 'data-action': 'motor', 'data-elevator': id, 'data-motor': 'restore', 'data-control': 'motor:restore', text: 'Restore motor'}))))];
  }

  /** Buttons light like the real panel: cab lights from the car's calls, hall lights from the order book. */
  function updateControlLights(controls, e, s) {
    const cab = new Set(e.cabCalls);
    const hall = new Set(s.hallCalls.map((c) => c.floor + ':' + c.direction));
    for (const button of controls.querySelectorAll('button[data-action="press"]')) {
      const floor = Number(button.dataset.floor);
      const lit = button.dataset.type === 'cab' ? cab.has(floor) : hall.has(floor + ':' + button.dataset.direction);
      button.classList.toggle('lit', lit);
    }
    const obstruction = controls.querySelector('button[data-action="obstruction"]');
    if (obstruction) obstruction.setAttribute('aria-pressed', e.obstruction === true ? 'true' : 'false');
  }

  function renderHall(s) {
    const primaryDown = s.primary !== null && !s.primary.reachable && s.primary.error !== null;
    $('hall-card').classList.toggle('stale', primaryDown);
    $('hall-source').hidden = !primaryDown;
    $('hall-source').textContent = primaryDown ? 'Last known calls: the primary ' + s.primary.name + ' cannot be reached.' : '';
    const up = new Map();
    const down = new Map();
    for (const c of s.hallCalls) (c.direction === 'up' ? up : down).set(c.floor, c);
    const landings = [];
    for (let floor = s.floors - 1; floor >= 0; floor--) landings.push(floor);
    renderKeyed($('hall-panel'), landings,
      (floor) => JSON.stringify([floor, s.floors, assigneeOf(up.get(floor)), assigneeOf(down.get(floor))]),
      (floor) => {
        const who = [up.get(floor), down.get(floor)].filter((c) => c).map((c) => ARROWS[c.direction] + ' ' + (c.assignee || 'unassigned'));
        return el('li', {class: 'landing', 'data-floor': floor},
          el('span', {class: 'landing-name', text: 'Floor ' + floor}),
          lamp(floor, 'up', up.get(floor), floor === s.floors - 1),
          lamp(floor, 'down', down.get(floor), floor === 0),
          el('span', {class: 'landing-who', text: who.join(' · ')}));
      });
    $('no-hall-calls').hidden = s.hallCalls.length > 0;
    const body = document.querySelector('#hall-calls tbody');
    body.replaceChildren(...s.hallCalls.map((c) => el('tr', {'data-call': c.floor + ':' + c.direction},
      el('td', {text: String(c.floor)}),
      el('td', {text: ARROWS[c.direction] + ' ' + c.direction}),
      el('td', {text: c.assignee || 'unassigned'}),
      el('td', {class: 'num arrival', text: arrival(c)}),
      el('td', {class: 'num', text: duration(Math.max(0, s.takenAt - c.at))}))));
    $('hall-calls').hidden = s.hallCalls.length === 0;
    const cabs = s.cabCalls.map((c) => c.elevator + '→' + c.floor);
    $('cab-calls').textContent = cabs.length === 0 ? 'No pending cab calls.'
      : 'Pending cab calls (' + cabs.length + (cabs.length >= 200 ? '+' : '') + '): ' + cabs.slice(0, 40).join(', ') + (cabs.length > 40 ? ', …' : '');
  }

  /** The primary's estimate of when the assigned car gets there (the course's times), or a dash. */
  function arrival(call) {
    if (call.assignee == null || call.arrivalInS == null) return '—';
    return call.arrivalInS < 1 ? 'now' : '~' + Math.round(call.arrivalInS) + ' s';
  }

  function assigneeOf(call) {
    return call ? call.assignee || 'unassigned' : null;
  }

  function lamp(floor, direction, call, absent) {
    const state = absent ? 'none' : call ? 'lit' : 'off';
    return el('span', {class: 'lamp ' + state, 'data-lamp': floor + ':' + direction, role: absent ? null : 'img',
      'aria-hidden': absent ? 'true' : null,
      'aria-label': absent ? null : 'hall ' + direction + ' at floor ' + floor + (call ? ' lit' : ' off'), text: ARROWS[direction]});
  }

  function renderLatency(s) {
    $('latency-p50').textContent = latencyText(s.latency && s.latency.p50Ms);
    $('latency-p99').textContent = latencyText(s.latency && s.latency.p99Ms);
    $('latency-count').textContent = s.latency ? s.latency.count + ' commits' : 'not reported by the primary';
    const chart = $('latency-chart');
    const title = chart.querySelector('title');
    chart.replaceChildren(title);
    const W = 320;
    const H = 140;
    const left = 34;
    const bottom = H - 18;
    const top = 8;
    const series = s.latencySeries;
    chart.append(svg('line', {class: 'axis', x1: left, y1: bottom, x2: W - 4, y2: bottom}));
    chart.append(svg('line', {class: 'axis', x1: left, y1: top, x2: left, y2: bottom}));
    if (series.length === 0) {
      chart.append(svg('text', {class: 'nodata', x: left + 10, y: (top + bottom) / 2}, 'No commits measured yet.'));
      return;
    }
    const windowMs = 120000;
    const end = s.takenAt;
    const max = niceCeiling(Math.max(1, ...series.map((p) => p[2])));
    const x = (at) => left + (W - 4 - left) * Math.max(0, 1 - (end - at) / windowMs);
    const y = (ms) => bottom - (bottom - top) * Math.min(1, ms / max);
    for (const fraction of [0.5, 1]) {
      chart.append(svg('line', {class: 'grid', x1: left, y1: y(max * fraction), x2: W - 4, y2: y(max * fraction)}));
      chart.append(svg('text', {class: 'tick', x: 2, y: y(max * fraction) + 3}, latencyText(max * fraction)));
    }
    chart.append(svg('text', {class: 'tick', x: left, y: H - 4}, '−2 min'));
    chart.append(svg('text', {class: 'tick', x: W - 28, y: H - 4}, 'now'));
    for (const [index, name] of [[1, 'p50'], [2, 'p99']]) {
      const points = series.map((p) => x(p[0]).toFixed(1) + ',' + y(p[index]).toFixed(1)).join(' ');
      chart.append(svg('polyline', {class: 'line-' + name, points}));
      const last = series[series.length - 1];
      chart.append(svg('circle', {class: 'dot-' + name, cx: x(last[0]).toFixed(1), cy: y(last[index]).toFixed(1), r: 2.5}));
    }
  }

  function niceCeiling(value) {
    const magnitude = Math.pow(10, Math.floor(Math.log10(value)));
    for (const step of [1, 2, 5, 10]) {
      if (value <= step * magnitude) return step * magnitude;
    }
    return 10 * magnitude;
  }

  function renderHistory(s) {
    const f = s.failovers;
    $('failover-summary').textContent = f.count === 0 ? 'No failovers yet.'
      : f.count + (f.count === 1 ? ' failover' : ' failovers') + ' · last took ' + duration(f.lastMs) + ' · slowest ' + duration(f.maxMs)
        + ' (from the dead primary\'s last ping to the new view)';
    const newestFirst = s.history.slice().reverse();
    renderKeyed($('history'), newestFirst, (c) => JSON.stringify(c), (c) => {
      const failover = c.failoverMs !== null && c.failoverMs !== undefined;
      return el('li', {class: 'change' + (failover ? ' failover' : ''), 'data-viewnum': c.viewnum},
        el('span', {class: 'change-num', text: 'View ' + c.viewnum}),
        el('span', {class: 'change-reason', text: c.reason || 'changed'}),
        el('time', {class: 'change-time', datetime: new Date(c.announcedAt).toISOString(), text: clock(c.announcedAt)}),
        el('span', {class: 'change-roles', text: 'primary ' + (c.primary || 'none') + ', backup ' + (c.backup || 'none')}),
        failover ? el('span', {class: 'change-failover badge badge-bad', text: 'failover ' + duration(c.failoverMs)}) : null);
    });
  }

  // ---- control -------------------------------------------------------------------------

  // The control token arrives in the address's fragment (#token=..., never sent to a server) and
  // is kept for this tab only; every control request carries it.
  function controlToken() {
    const match = /(?:^#|&)token=([A-Za-z0-9._~-]+)/.exec(window.location.hash);
    if (match) {
      sessionStorage.setItem('paternoster-control-token', match[1]);
      history.replaceState(null, '', window.location.pathname + window.location.search);
    }
    return sessionStorage.getItem('paternoster-control-token') || '';
  }

  async function post(path, body) {
    const response = await fetch(path, {method: 'POST',
      headers: {'content-type': 'application/json', 'authorization': 'Bearer ' + controlToken()}, body: JSON.stringify(body)});
    let answer = {};
    try {
      answer = await response.json();
    } catch (e) {
      answer = {error: 'the dashboard answered ' + response.status};
    }
    return {ok: response.ok, message: response.ok ? answer.message : answer.error};
  }

  function showResult(node, result) {
    node.textContent = result.message || (result.ok ? 'done' : 'failed');
    node.className = 'result ' + (result.ok ? 'ok' : 'error');
  }

  function onShaftClick(event) {
    const button = event.target.closest('button[data-action]');
    if (!button) return;
    const id = button.dataset.elevator;
    const base = 'api/elevators/' + encodeURIComponent(id);
    let request;
    if (button.dataset.action === 'press') {
      const press = {type: button.dataset.type, floor: Number(button.dataset.floor)};
      if (press.type === 'hall') press.direction = button.dataset.direction;
      request = post(base + '/buttons', press);
    } else if (button.dataset.action === 'obstruction') {
      request = post(base + '/faults', {obstruction: button.getAttribute('aria-pressed') !== 'true'});
    } else {
      request = post(base + '/faults', {motor: button.dataset.motor});
    }
    request.then((result) => showResult($('control-result'), result),
      () => showResult($('control-result'), {ok: false, message: 'the dashboard cannot be reached'}));
  }

  function onKill() {
    const button = $('kill-primary');
    button.disabled = true;
    $('kill-result').textContent = 'killing ' + (latest && latest.view ? latest.view.primary : 'the primary') + '…';
    $('kill-result').className = 'result';
    post('api/kill-primary', {})
      .then((result) => showResult($('kill-result'), result),
        () => showResult($('kill-result'), {ok: false, message: 'the dashboard cannot be reached'}))
      .finally(() => { button.disabled = !(latest && latest.view && latest.view.primary); });
  }

  document.addEventListener('DOMContentLoaded', () => {
    controlToken(); // take the token out of the address bar at once
    $('shafts').addEventListener('click', onShaftClick);
    $('kill-primary').addEventListener('click', onKill);
    connect();
  });
})();
