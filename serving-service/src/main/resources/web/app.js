/*
 * ReelFM's web page: a small single-page app over the serving API (and, through serving's
 * pass-through, ingest's /ratings and the trainer's /models). No framework: the DOM is built
 * with textContent only, so titles with quotes, commas or markup show exactly as stored.
 * Every panel shows either its content, "Loading…", or the error that stopped it.
 */
'use strict';
(() => {
  const K = 10;
  const FETCH_TIMEOUT_MS = 8000;
  const CHANGE_WAIT_MS = 15000;
  const store = {
    get: (k) => { try { return localStorage.getItem(k); } catch (e) { return null; } },
    set: (k, v) => { try { v == null ? localStorage.removeItem(k) : localStorage.setItem(k, v); } catch (e) { /* private mode */ } },
  };
  const state = {
    user: store.get('reelfm.user'),
    visitor: store.get('reelfm.visitor') === 'true',
    filters: { genre: '', yearFrom: '', yearTo: '' },
    genres: null,
    lastList: null,
    rated: new Map(),
    charts: [],
    viewToken: 0,
  };
  const reelfm = { timings: {}, state, charts: {} };
  window.reelfm = reelfm;

  // ---------------------------------------------------------------- DOM helpers
  function el(tag, attrs, ...children) {
    const e = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs || {})) {
      if (v == null || v === false) continue;
      if (k === 'class') e.className = v;
      else if (k === 'text') e.textContent = v;
      else if (k.startsWith('on')) e.addEventListener(k.slice(2), v);
      else e.setAttribute(k, v === true ? '' : v);
    }
    for (const c of children.flat()) {
      if (c == null || c === false) continue;
      e.append(c instanceof Node ? c : document.createTextNode(String(c)));
    }
    return e;
  }
  const $ = (sel, root) => (root || document).querySelector(sel);
  const enc = encodeURIComponent;
  const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
  const fmt = (n) => (n == null ? '–' : Number(n).toLocaleString('en'));

  /** A titled section with a status line and a body; errors and loading show in it, never elsewhere. */
  function panel(id, title, ...headerExtras) {
    const status = el('p', { class: 'status', 'aria-live': 'polite' });
    const body = el('div', { class: 'body' });
    const section = el('section', { class: 'panel', id, 'aria-labelledby': id + '-title' },
      el('div', { class: 'panel-head' }, el('h2', { id: id + '-title', text: title }), ...headerExtras), status, body);
    return { section, status, body };
  }
  function loading(p, what) {
    p.body.replaceChildren(el('p', { class: 'loading', text: 'Loading ' + (what || '') + '…' }));
  }
  function failed(p, err) {
    p.body.replaceChildren(el('p', { class: 'error', role: 'alert', text: message(err) }));
  }
  function message(err) {
    return err && err.message ? err.message : String(err);
  }

  // ---------------------------------------------------------------- HTTP
  class ApiError extends Error {
    constructor(status, msg, problems) {
      super(msg);
      this.status = status;
      this.problems = problems || [];
    }
  }

  /** fetch with a timeout and the API's error body turned into a readable message. */
  async function api(path, options) {
    const opts = options || {};
    const ctrl = new AbortController();
    const timer = setTimeout(() => ctrl.abort(), opts.timeout || FETCH_TIMEOUT_MS);
    let res;
    try {
      res = await fetch(path, {
        method: opts.method || 'GET', body: opts.body, signal: ctrl.signal,
        headers: Object.assign({ Accept: 'application/json' }, opts.headers || {}),
      });
    } catch (e) {
      throw new ApiError(0, e.name === 'AbortError'
        ? path.split('?')[0] + ' did not answer within ' + (opts.timeout || FETCH_TIMEOUT_MS) / 1000 + ' s'
        : 'Cannot reach the server (' + e.message + ')');
    } finally {
      clearTimeout(timer);
    }
    const text = await res.text();
    let body = null;
    try { body = text ? JSON.parse(text) : null; } catch (e) { body = null; }
    if (!res.ok) {
      let msg = body && body.error ? body.error : 'HTTP ' + res.status + ' from ' + path.split('?')[0];
      const fields = body && body.problems ? body.problems.filter((p) => p.field && !msg.includes(p.message)) : [];
      if (fields.length) msg += ' (' + fields.map((p) => p.field + ' ' + p.message).join('; ') + ')';
      const retry = res.headers.get('Retry-After');
      if (retry) msg += (/[.!?)]$/.test(msg) ? ' ' : '. ') + 'Retry in ' + retry + ' s.';
      throw new ApiError(res.status, msg, body && body.problems);
    }
    return { body, headers: res.headers, status: res.status };
  }

  // ---------------------------------------------------------------- routing
  const view = $('#view');
  function navigate(href) {
    if (href !== location.pathname + location.search) window.history.pushState(null, '', href);
    route();
    view.focus({ preventScroll: true });
    window.scrollTo(0, 0);
  }
  document.addEventListener('click', (e) => {
    const a = e.target.closest('a[data-link]');
    if (!a || e.defaultPrevented || e.button !== 0 || e.ctrlKey || e.metaKey || e.shiftKey || e.altKey) return;
    e.preventDefault();
    navigate(a.getAttribute('href'));
  });
  window.addEventListener('popstate', route);

  function route() {
    state.viewToken++;
    destroyCharts();
    closeSuggestions();
    const path = location.pathname;
    let m;
    for (const a of document.querySelectorAll('nav a')) a.removeAttribute('aria-current');
    if ((m = path.match(/^\/users\/([^/]+)\/?$/))) {
      setUser(decodeURIComponent(m[1]), false);
      $('#nav-home').setAttribute('aria-current', 'page');
      return homeView();
    }
    if ((m = path.match(/^\/movies\/([^/]+)\/?$/))) {
      const id = decodeURIComponent(m[1]);
      if (id === 'search') return searchView(new URLSearchParams(location.search).get('q') || '');
      return movieView(id);
    }
    if (path === '/charts') {
      $('#nav-charts').setAttribute('aria-current', 'page');
      return chartsView();
    }
    $('#nav-home').setAttribute('aria-current', 'page');
    return homeView();
  }
  const current = () => { const t = state.viewToken; return () => t === state.viewToken; };

  // ---------------------------------------------------------------- who is rating
  function setUser(id, visitor) {
    if (id !== state.user) {
      state.rated = new Map();
      state.lastList = null;
    }
    state.user = id;
    state.visitor = !!visitor || (visitor === false ? false : state.visitor);
    if (id && id.startsWith('visitor-')) state.visitor = true;
    store.set('reelfm.user', id);
    store.set('reelfm.visitor', state.visitor ? 'true' : null);
    renderWho();
  }
  function renderWho() {
    const who = $('#who');
    if (!state.user) { who.replaceChildren(el('span', { text: 'Not signed in as anyone' })); return; }
    who.replaceChildren(
      el('span', { text: state.visitor ? 'New visitor ' : 'User ' }),
      el('a', { href: '/users/' + enc(state.user), 'data-link': true, id: 'who-user', text: state.user }),
      ' ',
      el('button', { type: 'button', class: 'link', id: 'sign-out', onclick: () => { setUser(null, false); navigate('/'); } }, 'Change'));
  }
  function newVisitorId() {
    const bytes = new Uint8Array(6);
    crypto.getRandomValues(bytes);
    return 'visitor-' + Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
  }

  function userPicker() {
    const p = panel('you', 'Who are you?');
    const input = el('input', { id: 'user-id', name: 'user', type: 'text', inputmode: 'text', autocomplete: 'off', required: true,
      maxlength: 128, placeholder: 'e.g. 42', 'aria-describedby': 'you-hint' });
    const form = el('form', { id: 'user-form', class: 'inline', onsubmit: (e) => {
      e.preventDefault();
      const id = input.value.trim();
      if (!id) { p.status.textContent = 'Type a user id first.'; return; }
      setUser(id, false);
      navigate('/users/' + enc(id));
    } }, el('label', { for: 'user-id', text: 'User id' }), input, el('button', { type: 'submit', text: 'Show my list' }));
    const fresh = el('button', { type: 'button', id: 'new-visitor', class: 'primary', onclick: () => {
      const id = newVisitorId();
      setUser(id, true);
      navigate('/users/' + enc(id));
    } }, 'Start as a new visitor');
    p.body.append(el('p', { id: 'you-hint', class: 'hint', text: 'Open the list of an existing user, or start fresh: rate a few movies and watch your recommendations follow.' }),
      form, el('p', { class: 'or', text: 'or' }), fresh);
    return p.section;
  }

  // ---------------------------------------------------------------- home: recommendations, history, popular, trending
  function homeView() {
    renderWho();
    document.title = state.user ? 'ReelFM · ' + state.user : 'ReelFM';
    const main = el('div', { class: 'main-col' });
    const side = el('div', { class: 'side-col' });
    view.replaceChildren(el('div', { class: 'grid' }, main, side));
    if (!state.user) {
      main.append(userPicker());
    } else {
      main.append(recommendationsPanel().section, historyPanel().section);
    }
    side.append(popularPanel().section, trendingPanel().section);
  }

  async function genres() {
    if (state.genres) return state.genres;
    const { body } = await api('/catalog/stats?mostRated=0');
    state.genres = body.genres.map((g) => g.genre);
    return state.genres;
  }
  function genreSelect(id, value, onchange) {
    const select = el('select', { id, onchange: () => onchange(select.value) }, el('option', { value: '', text: 'All genres' }));
    genres().then((gs) => {
      for (const g of gs) select.append(el('option', { value: g, text: g, selected: g === value }));
    }).catch(() => { select.disabled = true; select.title = 'genres could not be loaded'; });
    return select;
  }

  let recs = null;
  function recommendationsPanel() {
    const p = panel('recommendations', 'Recommended for you');
    const f = state.filters;
    const yearFrom = el('input', { id: 'year-from', type: 'number', min: 1800, max: 3000, inputmode: 'numeric', value: f.yearFrom, placeholder: 'from' });
    const yearTo = el('input', { id: 'year-to', type: 'number', min: 1800, max: 3000, inputmode: 'numeric', value: f.yearTo, placeholder: 'to' });
    const filters = el('form', { id: 'rec-filters', class: 'filters', onsubmit: (e) => {
      e.preventDefault();
      f.yearFrom = yearFrom.value.trim();
      f.yearTo = yearTo.value.trim();
      loadRecommendations();
    } },
    el('label', { for: 'rec-genre', text: 'Genre' }),
    genreSelect('rec-genre', f.genre, (v) => { f.genre = v; loadRecommendations(); }),
    el('label', { for: 'year-from', text: 'Years' }), yearFrom, el('span', { 'aria-hidden': 'true', text: '–' }), yearTo,
    el('button', { type: 'submit', text: 'Filter' }));
    const fresh = el('p', { id: 'freshness', class: 'freshness', 'aria-live': 'polite' });
    p.section.insertBefore(filters, p.status);
    p.section.insertBefore(fresh, p.status);
    recs = { p, fresh };
    loadRecommendations();
    return p;
  }

  function recommendationsUrl() {
    const q = new URLSearchParams({ k: String(K) });
    const f = state.filters;
    if (f.genre) q.set('genre', f.genre);
    if (f.yearFrom) q.set('yearFrom', f.yearFrom);
    if (f.yearTo) q.set('yearTo', f.yearTo);
    return '/users/' + enc(state.user) + '/recommendations?' + q;
  }

  async function loadRecommendations() {
    const alive = current();
    const { p } = recs;
    loading(p, 'recommendations');
    try {
      const r = await api(recommendationsUrl());
      if (!alive()) return;
      renderRecommendations(r);
      if (reelfm.timings.firstRecommendations == null) reelfm.timings.firstRecommendations = performance.now();
    } catch (e) {
      if (alive()) { failed(p, e); p.status.textContent = ''; }
    }
  }

  const STRATEGY = {
    'fold-in': 'personal, from your ratings',
    popular: 'most popular titles: rate a few movies to make it yours',
    profile: 'popular with people like you',
  };
  const signature = (r) => (r ? r.items.map((i) => i.itemId).join(',') : '');

  function renderRecommendations(r) {
    const { p } = recs;
    const body = r.body;
    state.lastList = body;
    const stale = r.headers.get('X-ReelFM-Stale');
    p.status.replaceChildren(...[
      el('span', { class: 'tag', id: 'rec-variant', title: 'A/B variant that served this list', text: 'variant ' + body.variant }),
      ' ', el('span', { class: 'tag', title: 'model and version', text: !body.model ? 'no model yet'
        : body.model + (body.modelVersion != null ? ' v' + body.modelVersion : '') }),
      ' ', el('span', { id: 'rec-strategy', text: STRATEGY[body.strategy] || body.strategy }),
      stale ? el('span', { class: 'warn', text: ' · answered from a replica (' + stale + '), may lag a few seconds' }) : null,
    ].filter((x) => x != null));
    if (!body.items.length) {
      const f = state.filters;
      p.body.replaceChildren(el('p', { class: 'empty', text: f.genre || f.yearFrom || f.yearTo
        ? 'Nothing matches these filters. Widen the years or pick another genre.'
        : 'Nothing to recommend yet: no movie has been rated.' }));
      return;
    }
    const list = el('ol', { class: 'movies', id: 'rec-list' });
    for (const item of body.items) {
      list.append(el('li', { class: 'movie', 'data-item': item.itemId },
        movieLink(item),
        el('div', { class: 'meta' }, genresText(item.genres),
          item.predictedRating != null ? el('span', { class: 'predicted', title: 'predicted rating', text: '★ ' + item.predictedRating.toFixed(1) }) : null),
        el('p', { class: 'reason', text: reasonText(item) }),
        starWidget(item, (stars, status) => rateFromList(item, stars, status))));
    }
    p.body.replaceChildren(list);
  }

  function reasonText(item) {
    if (!item.reason) return '';
    const r = item.reason;
    return r.charAt(0).toUpperCase() + r.slice(1) + '.';
  }
  function genresText(gs) {
    return el('span', { class: 'genres', text: gs && gs.length ? gs.join(', ') : 'no genre' });
  }
  /** The year after the title, unless the title already ends with it (as MovieLens titles do). */
  function yearSuffix(m) {
    return m.year && !/\(\d{4}\)\s*$/.test(m.title || '') ? el('span', { class: 'year', text: ' (' + m.year + ')' }) : null;
  }
  function movieLink(m) {
    return el('a', { href: '/movies/' + enc(m.itemId), 'data-link': true, class: 'title' }, m.title || 'Item ' + m.itemId, yearSuffix(m));
  }

  // ---------------------------------------------------------------- rating
  function starWidget(movie, onRate) {
    const status = el('span', { class: 'rate-status', 'aria-live': 'polite' });
    const mine = state.rated.get(movie.itemId);
    const group = el('div', { class: 'stars', role: 'group', 'aria-label': 'Rate ' + (movie.title || movie.itemId) });
    const buttons = [];
    const paint = (n) => buttons.forEach((b, i) => b.classList.toggle('on', i < n));
    for (let n = 1; n <= 5; n++) {
      const b = el('button', { type: 'button', class: 'star', 'data-stars': n, 'aria-label': n + (n === 1 ? ' star' : ' stars'),
        onmouseenter: () => paint(n), onfocus: () => paint(n), onmouseleave: () => paint(mine || 0), onblur: () => paint(mine || 0),
        onclick: () => {
          buttons.forEach((x) => { x.disabled = true; });
          onRate(n, status).finally(() => buttons.forEach((x) => { x.disabled = false; }));
        } }, '★');
      buttons.push(b);
      group.append(b);
    }
    paint(mine || 0);
    return el('div', { class: 'rate' }, group, status);
  }

  function authHeaders() {
    const key = sessionStorage.getItem('reelfm.apiKey');
    return key ? { Authorization: 'Bearer ' + key } : {};
  }

  /** Posts one rating through serving's pass-through to ingest; resolves true when it was accepted. */
  async function postRating(movie, stars, status) {
    if (!state.user) {
      status.replaceChildren(el('span', { class: 'error', role: 'alert', text: 'Pick a user or start as a new visitor first.' }));
      return false;
    }
    status.textContent = 'Sending…';
    try {
      await api('/ingest/ratings', { method: 'POST', headers: Object.assign({ 'Content-Type': 'application/json' }, authHeaders()),
        body: JSON.stringify({ userId: state.user, itemId: movie.itemId, rating: stars }) });
    } catch (e) {
      status.replaceChildren(el('span', { class: 'error', role: 'alert', text: 'Rating not saved: ' + message(e) }),
        e.status === 401 || e.status === 403 ? keyForm(status) : null);
      return false;
    }
    state.rated.set(movie.itemId, stars);
    status.textContent = 'Rated ' + stars + ' ★';
    return true;
  }

  function keyForm(status) {
    const input = el('input', { type: 'password', id: 'api-key', autocomplete: 'off', placeholder: 'API key' });
    return el('form', { class: 'inline key', onsubmit: (e) => {
      e.preventDefault();
      sessionStorage.setItem('reelfm.apiKey', input.value.trim());
      status.textContent = 'Key saved for this tab; rate again.';
    } }, el('label', { for: 'api-key', text: 'This server needs an API key for ratings:' }), input, el('button', { type: 'submit', text: 'Use key' }));
  }

  async function rateFromList(movie, stars, status) {
    const started = performance.now();
    const before = signature(state.lastList);
    if (!(await postRating(movie, stars, status))) return;
    recs.fresh.textContent = 'Rated “' + (movie.title || movie.itemId) + '”. Updating your list…';
    await waitForChange(started, before, movie.itemId);
    refreshHistory();
  }

  /** Polls the list until it differs from the one shown when the rating was sent and no longer holds the rated movie. */
  async function waitForChange(started, before, ratedItem) {
    const alive = current();
    let last = null;
    while (performance.now() - started < CHANGE_WAIT_MS) {
      try {
        last = await api(recommendationsUrl());
      } catch (e) {
        if (!alive()) return;
        recs.fresh.replaceChildren(el('span', { class: 'error', role: 'alert', text: 'Your rating was saved, but the list could not be refreshed: ' + message(e) }));
        return;
      }
      if (!alive()) return;
      if (signature(last.body) !== before && !last.body.items.some((i) => i.itemId === ratedItem)) {
        const ms = Math.round(performance.now() - started);
        reelfm.timings.lastChangeMs = ms;
        renderRecommendations(last);
        recs.fresh.textContent = 'Your list changed ' + ms + ' ms after your rating.';
        recs.fresh.dataset.ms = String(ms);
        return;
      }
      await sleep(100);
    }
    if (last) renderRecommendations(last);
    recs.fresh.textContent = 'Your rating was saved; the list has not changed within ' + CHANGE_WAIT_MS / 1000 + ' s.';
  }

  let ratingsPanel = null;
  function historyPanel() {
    const p = panel('history', 'Your ratings');
    ratingsPanel = p;
    refreshHistory();
    return p;
  }
  async function refreshHistory() {
    if (!ratingsPanel || !state.user) return;
    const alive = current();
    const p = ratingsPanel;
    try {
      const { body } = await api('/users/' + enc(state.user) + '/history?limit=20');
      if (!alive()) return;
      body.ratings.forEach((r) => { if (!state.rated.has(r.itemId)) state.rated.set(r.itemId, r.rating); });
      p.status.textContent = body.count === 20 ? 'Your 20 newest ratings' : '';
      p.body.replaceChildren(el('ul', { class: 'compact' }, body.ratings.map((r) => el('li', {},
        movieLink(r), el('span', { class: 'given', text: ' ' + '★'.repeat(Math.round(r.rating)) + ' ' + r.rating })))));
    } catch (e) {
      if (!alive()) return;
      if (e.status === 404) p.body.replaceChildren(el('p', { class: 'empty', text: 'No ratings yet. Rate movies with the stars.' }));
      else failed(p, e);
    }
  }

  /**
   * A panel listing titles with their rating counts, with a genre filter: Popular and Trending.
   * @param spec id, title, what (for "Loading …"), url(genre), status(body), empty, extras (header)
   */
  function rankedPanel(spec) {
    let genre = '';
    const p = panel(spec.id, spec.title, ...(spec.extras || []));
    const select = genreSelect(spec.id + '-genre', genre, (v) => { genre = v; load(); });
    p.section.insertBefore(el('div', { class: 'filters' }, el('label', { for: spec.id + '-genre', text: 'Genre' }), select), p.status);
    const load = async () => {
      const alive = current();
      loading(p, spec.what);
      try {
        const { body } = await api(spec.url(genre ? '&genre=' + enc(genre) : ''));
        if (!alive()) return;
        p.status.textContent = spec.status(body);
        p.body.replaceChildren(body.items.length ? el('ol', { class: 'compact', id: spec.id + '-list' }, body.items.map((i) => el('li', {},
          movieLink(i), el('span', { class: 'count', text: ' ' + fmt(i.ratings) + ' ratings' }))))
          : el('p', { class: 'empty', text: spec.empty }));
      } catch (e) { if (alive()) failed(p, e); }
    };
    load();
    return { p, load };
  }

  function popularPanel() {
    return rankedPanel({ id: 'popular', title: 'Popular', what: 'popular titles', empty: 'No rated titles in this genre yet.',
      url: (genre) => '/popular?k=' + K + genre,
      status: (body) => 'By weighted rating (prior of ' + body.minVotes + ' votes)' }).p;
  }

  function trendingPanel() {
    let windowLabel = '24h';
    const buttons = ['1h', '24h'].map((w) => el('button', { type: 'button', class: 'toggle', 'aria-pressed': String(w === windowLabel),
      onclick: () => { windowLabel = w; buttons.forEach((b) => b.setAttribute('aria-pressed', String(b.textContent === w))); trending.load(); } }, w));
    const trending = rankedPanel({ id: 'trending', title: 'Trending', what: 'trending titles', empty: 'Nothing rated in this window.',
      extras: [el('div', { class: 'toggles', role: 'group', 'aria-label': 'Window' }, buttons)],
      url: (genre) => '/trending?k=' + K + '&window=' + windowLabel + genre,
      status: (body) => (body.asOf ? 'Most rated in the ' + windowLabel + ' before ' + new Date(body.asOf).toLocaleString() : '') });
    return trending.p;
  }

  // ---------------------------------------------------------------- a movie
  async function movieView(id) {
    renderWho();
    const alive = current();
    const head = el('section', { class: 'panel movie-head', id: 'movie', 'aria-live': 'polite' }, el('p', { class: 'loading', text: 'Loading movie…' }));
    const similar = panel('similar', 'Similar movies', el('span', { class: 'hint', text: 'by learned factors' }));
    const cluster = panel('same-cluster', 'From the same cluster', el('span', { class: 'hint', text: 'content clustering' }));
    view.replaceChildren(head, el('div', { class: 'pair' }, similar.section, cluster.section));
    loading(similar, 'similar movies');
    loading(cluster, 'the cluster');
    let movie;
    try {
      movie = (await api('/movies/' + enc(id))).body;
    } catch (e) {
      if (!alive()) return;
      head.replaceChildren(el('h1', { text: 'Movie ' + id }), el('p', { class: 'error', role: 'alert', text: message(e) }));
      failed(similar, 'no movie to compare with');
      failed(cluster, 'no movie to compare with');
      return;
    }
    if (!alive()) return;
    document.title = 'ReelFM · ' + (movie.title || id);
    const s = movie.stats || {};
    const clusterInfo = el('p', { class: 'cluster', id: 'movie-cluster' },
      movie.cluster == null ? 'Not in a content cluster yet.' : 'Content cluster ' + movie.cluster);
    head.replaceChildren(
      el('h1', { id: 'movie-title' }, movie.title || 'Item ' + movie.itemId, yearSuffix(movie)),
      el('p', { class: 'genres', id: 'movie-genres', text: movie.genres && movie.genres.length ? movie.genres.join(' · ') : 'No genre' }),
      ...(movie.imdb ? [el('p', { class: 'genres', id: 'movie-imdb', text: [movie.imdb.runtime ? movie.imdb.runtime + ' min' : null,
        movie.imdb.language, movie.imdb.region,
        movie.imdb.rating != null ? 'IMDb ' + movie.imdb.rating.toFixed(1) + (movie.imdb.votes != null ? ' (' + fmt(movie.imdb.votes) + ' votes)' : '') : null]
        .filter((x) => x).join(' · ') })] : []),
      el('p', { class: 'stats', id: 'movie-stats', text: s.ratings ? 'Mean rating ' + s.meanRating.toFixed(2) + ' from ' + fmt(s.ratings)
        + (s.ratings === 1 ? ' rating' : ' ratings') + ' (weighted ' + s.weightedRating.toFixed(2) + ')' : 'No ratings yet' }),
      clusterInfo,
      state.user ? el('div', { class: 'rate-movie' }, el('span', { text: 'Your rating: ' }), starWidget(movie, async (stars, status) => {
        if (await postRating(movie, stars, status)) status.textContent = 'Rated ' + stars + ' ★ — your recommendations will follow.';
      })) : el('p', { class: 'hint' }, el('a', { href: '/', 'data-link': true, text: 'Pick a user or start as a visitor' }), ' to rate this movie.'));
    if (movie.cluster != null) {
      api('/clusters').then(({ body }) => {
        const c = body.clusters.find((x) => x.cluster === movie.cluster);
        if (c && alive()) clusterInfo.textContent = 'Content cluster ' + c.cluster + ': ' + c.label + ' — ' + fmt(c.size) + ' movies, mostly '
          + c.topGenres.join(', ') + (c.meanRating ? ', mean rating ' + c.meanRating.toFixed(2) : '')
          + ((c.topTitles || []).length ? '. Best rated: ' + c.topTitles.map((t) => t.title).join(', ') : '');
      }).catch((e) => { if (alive()) clusterInfo.append(el('span', { class: 'error', text: ' (' + message(e) + ')' })); });
    }
    const list = async (p, url, none) => {
      try {
        const { body } = await api(url);
        if (!alive()) return;
        p.status.textContent = body.model ? body.model + ' v' + body.modelVersion : '';
        p.body.replaceChildren(body.items.length ? el('ol', { class: 'compact' }, body.items.map((i) => el('li', {},
          movieLink(i), el('span', { class: 'genres', text: ' ' + (i.genres || []).join(', ') }))))
          : el('p', { class: 'empty', text: none }));
      } catch (e) { if (alive()) failed(p, e); }
    };
    list(similar, '/movies/' + enc(movie.itemId) + '/similar?k=' + K, 'No similar movies yet.');
    list(cluster, '/movies/' + enc(movie.itemId) + '/similar?method=cluster&k=' + K, 'No other movie in this cluster yet.');
  }

  async function searchView(q) {
    const alive = current();
    const p = panel('search-results', 'Movies matching “' + q + '”');
    view.replaceChildren(p.section);
    if (!q.trim()) { p.body.replaceChildren(el('p', { class: 'empty', text: 'Type a title in the search box.' })); return; }
    loading(p, 'matches');
    try {
      const { body } = await api('/movies/search?limit=50&q=' + enc(q));
      if (!alive()) return;
      p.body.replaceChildren(body.items.length ? el('ol', { class: 'compact' }, body.items.map((m) => el('li', {}, movieLink(m),
        el('span', { class: 'genres', text: ' ' + m.genres.join(', ') })))) : el('p', { class: 'empty', text: 'No title matches.' }));
    } catch (e) { if (alive()) failed(p, e); }
  }

  // ---------------------------------------------------------------- search box with suggestions
  const search = $('#search');
  const suggestions = $('#suggestions');
  let suggestionItems = [];
  let active = -1;
  let searchTimer = null;
  let searchSeq = 0;
  function closeSuggestions() {
    suggestions.hidden = true;
    search.setAttribute('aria-expanded', 'false');
    search.removeAttribute('aria-activedescendant');
    active = -1;
  }
  function highlight(i) {
    active = i;
    [...suggestions.children].forEach((li, j) => li.setAttribute('aria-selected', String(j === i)));
    if (i >= 0) search.setAttribute('aria-activedescendant', 'suggestion-' + i);
  }
  function open(m) {
    closeSuggestions();
    search.value = '';
    navigate('/movies/' + enc(m.itemId));
  }
  async function suggest() {
    const q = search.value;
    const seq = ++searchSeq;
    if (!q.trim()) { closeSuggestions(); return; }
    try {
      const { body } = await api('/movies/search?limit=8&q=' + enc(q));
      if (seq !== searchSeq) return;
      suggestionItems = body.items;
      suggestions.replaceChildren(...(body.items.length ? body.items.map((m, i) => el('li', {
        id: 'suggestion-' + i, role: 'option', 'aria-selected': 'false', class: 'suggestion',
        onmousedown: (e) => { e.preventDefault(); open(m); } }, m.title, yearSuffix(m)))
        : [el('li', { class: 'none', role: 'option', 'aria-disabled': 'true', text: 'No title matches' })]));
    } catch (e) {
      if (seq !== searchSeq) return;
      suggestionItems = [];
      suggestions.replaceChildren(el('li', { class: 'error', role: 'alert', text: message(e) }));
    }
    suggestions.hidden = false;
    search.setAttribute('aria-expanded', 'true');
    active = -1;
  }
  search.addEventListener('input', () => { clearTimeout(searchTimer); searchTimer = setTimeout(suggest, 120); });
  search.addEventListener('keydown', (e) => {
    const n = suggestionItems.length;
    if (e.key === 'ArrowDown' && n) { e.preventDefault(); if (suggestions.hidden) suggest(); highlight((active + 1) % n); }
    else if (e.key === 'ArrowUp' && n) { e.preventDefault(); highlight((active - 1 + n) % n); }
    else if (e.key === 'Escape') { closeSuggestions(); }
    else if (e.key === 'Enter') {
      e.preventDefault();
      if (active >= 0 && suggestionItems[active]) open(suggestionItems[active]);
      else if (search.value.trim()) { const q = search.value.trim(); closeSuggestions(); navigate('/movies/search?q=' + enc(q)); }
    }
  });
  search.addEventListener('blur', () => setTimeout(closeSuggestions, 150));

  // ---------------------------------------------------------------- charts
  function destroyCharts() {
    state.charts.forEach((c) => c.destroy());
    state.charts = [];
    reelfm.charts = {};
  }
  const PALETTE = ['#2563eb', '#db2777', '#16a34a', '#ea580c', '#7c3aed', '#0891b2', '#ca8a04', '#dc2626'];
  function chart(p, id, config, note) {
    if (typeof Chart === 'undefined') throw new Error('the charting library did not load');
    const canvas = el('canvas', { id, role: 'img', 'aria-label': p.section.querySelector('h2').textContent });
    p.body.replaceChildren(...[el('div', { class: 'chart-box' }, canvas), note].filter((x) => x != null));
    config.options = Object.assign({ animation: false, responsive: true, maintainAspectRatio: false }, config.options || {});
    const c = new Chart(canvas, config);
    state.charts.push(c);
    reelfm.charts[id] = c;
    return c;
  }
  const axis = (title, extra) => Object.assign({ title: { display: true, text: title } }, extra || {});

  async function chartsView() {
    renderWho();
    document.title = 'ReelFM · Charts';
    const alive = current();
    const years = panel('chart-years-panel', 'Movies per release year');
    const ratings = panel('chart-ratings-panel', 'How ratings are spread');
    const scatter = panel('chart-scatter-panel', 'Mean rating against number of ratings');
    const clusters = panel('chart-clusters-panel', 'Content clusters');
    const models = panel('chart-models-panel', 'Model versions: holdout metrics');
    const ab = panel('chart-experiments-panel', 'A/B experiment');
    view.replaceChildren(el('div', { class: 'charts' }, [years, ratings, scatter, clusters, models, ab].map((p) => p.section)));
    [years, ratings, scatter, clusters, models, ab].forEach((p) => loading(p, 'data'));

    const guard = async (panels, work) => {
      try { await work(); } catch (e) { if (alive()) panels.forEach((p) => failed(p, e)); }
    };
    guard([years, ratings, scatter], async () => {
      const { body } = await api('/catalog/stats?mostRated=2000');
      if (!alive()) return;
      years.status.textContent = fmt(body.movies) + ' movies' + (body.moviesWithoutYear ? ', ' + fmt(body.moviesWithoutYear) + ' without a year' : '');
      const perYear = everyYear(body.moviesPerYear);
      chart(years, 'chart-years', { type: 'bar', data: { labels: perYear.map((y) => y.year),
        datasets: [{ label: 'movies', data: perYear.map((y) => y.movies), backgroundColor: PALETTE[0] }] },
      options: { plugins: { legend: { display: false } }, scales: { x: axis('release year'), y: axis('movies') } } });
      ratings.status.textContent = fmt(body.ratings) + ' ratings' + (body.meanRating != null ? ', mean ' + body.meanRating.toFixed(2) : '');
      chart(ratings, 'chart-ratings', { type: 'bar', data: { labels: body.ratingDistribution.map((r) => r.rating),
        datasets: [{ label: 'ratings', data: body.ratingDistribution.map((r) => r.count), backgroundColor: PALETTE[1] }] },
      options: { plugins: { legend: { display: false } }, scales: { x: axis('rating'), y: axis('ratings') } } });
      scatter.status.textContent = 'The ' + fmt(body.mostRated.length) + ' most-rated movies of ' + fmt(body.ratedMovies) + ' rated';
      chart(scatter, 'chart-scatter', { type: 'scatter', data: { datasets: [{ label: 'movies', backgroundColor: 'rgba(37,99,235,0.45)', pointRadius: 3,
        data: body.mostRated.map((m) => ({ x: m.ratings, y: m.meanRating, title: m.title })) }] },
      options: { plugins: { legend: { display: false }, tooltip: { callbacks: { label: (c) => c.raw.title + ': ' + c.raw.y + ' from ' + c.raw.x } } },
        scales: { x: axis('number of ratings', { type: 'logarithmic' }), y: axis('mean rating') } } });
    });
    guard([clusters], async () => {
      const { body } = await api('/clusters');
      if (!alive()) return;
      clusters.status.textContent = body.model + ' v' + body.version + ': ' + body.clusters.length + ' clusters';
      const labels = body.clusters.map((c) => c.cluster + ': ' + c.topGenres.slice(0, 2).join('/'));
      chart(clusters, 'chart-clusters', { type: 'bar', data: { labels,
        datasets: [{ label: 'movies', data: body.clusters.map((c) => c.size), backgroundColor: PALETTE[2] }] },
      options: { indexAxis: 'y', plugins: { legend: { display: false }, tooltip: { callbacks: { afterLabel: (c) => [body.clusters[c.dataIndex].label]
        .concat((body.clusters[c.dataIndex].topTitles || []).map((t) => '• ' + t.title)) } } },
        scales: { x: axis('movies'), y: { ticks: { autoSkip: false } } } } });
    });
    guard([models], async () => {
      const { body } = await api('/trainer/models');
      if (!alive()) return;
      const datasets = [];
      const skipped = [];
      let points = 0;
      let measured = 0;
      body.forEach((m, i) => {
        const versions = (m.versions || []).filter((v) => v.metrics && holdoutKeys(v.metrics).length);
        if (!versions.length) { if ((m.versions || []).length) skipped.push(m.name); return; }
        points += versions.length;
        measured++;
        holdoutKeys(versions[versions.length - 1].metrics).forEach((key, j) => {
          const colour = PALETTE[(i * 2 + j) % PALETTE.length];
          datasets.push({ label: m.name + ' ' + key, borderColor: colour, backgroundColor: colour, borderDash: j ? [6, 4] : [],
            data: versions.filter((v) => v.metrics[key] != null).map((v) => ({ x: Date.parse(v.createdAt), y: v.metrics[key], version: v.version })),
            showLine: true });
        });
      });
      const note = skipped.length ? el('p', { class: 'hint', text: 'Without a holdout metric: ' + skipped.join(', ') + '.' }) : null;
      if (!datasets.length) { models.body.replaceChildren(...[el('p', { class: 'empty', text: 'No model version has holdout metrics yet.' }), note].filter((x) => x)); return; }
      models.status.textContent = points + (points === 1 ? ' published version' : ' published versions') + ' of '
        + measured + (measured === 1 ? ' model' : ' models') + ' measured on the holdout';
      chart(models, 'chart-models', { type: 'scatter', data: { datasets },
        options: { plugins: { tooltip: { callbacks: { label: (c) => c.dataset.label + ' v' + c.raw.version + ': ' + c.raw.y.toFixed(4) } } },
          scales: { x: axis('published', { ticks: { callback: (v) => new Date(v).toLocaleTimeString() } }), y: axis('holdout metric', { beginAtZero: true }) } } },
      note);
    });
    guard([ab], async () => {
      const { body } = await api('/experiments');
      if (!alive()) return;
      const vs = body.variants;
      ab.status.textContent = (body.experiment ? 'Experiment ' + body.experiment + '. ' : '')
        + 'A rating of a recommended movie within ' + Math.round(body.windowSeconds / 60) + ' min counts as a hit';
      const table = el('table', { class: 'figures' }, el('thead', {}, el('tr', {}, ['variant', 'model', 'weight', 'lists', 'hit rate', 'coverage']
        .map((h) => el('th', { scope: 'col', text: h })))), el('tbody', {}, vs.map((v) => el('tr', {},
        el('th', { scope: 'row', text: v.name }), el('td', { text: v.model }), el('td', { text: v.weight }), el('td', { text: fmt(v.impressions) }),
        el('td', { text: v.hitRate == null ? '–' : (100 * v.hitRate).toFixed(1) + ' %' }),
        el('td', { text: v.coverage == null ? '–' : (100 * v.coverage).toFixed(1) + ' %' })))));
      chart(ab, 'chart-experiments', { type: 'bar', data: { labels: vs.map((v) => v.name + ' (' + v.model + ')'),
        datasets: [{ label: 'hit rate %', data: vs.map((v) => (v.hitRate == null ? 0 : 100 * v.hitRate)), backgroundColor: PALETTE[3] },
          { label: 'catalogue coverage %', data: vs.map((v) => (v.coverage == null ? 0 : 100 * v.coverage)), backgroundColor: PALETTE[4] }] },
      options: { scales: { y: axis('%', { beginAtZero: true }) } } }, el('div', { class: 'table-scroll' }, table));
    });
  }
  /** Years without a movie as zero bars, so the axis is even. */
  function everyYear(counts) {
    if (!counts.length) return [];
    const by = new Map(counts.map((c) => [c.year, c.movies]));
    const out = [];
    for (let y = counts[0].year; y <= counts[counts.length - 1].year; y++) out.push({ year: y, movies: by.get(y) || 0 });
    return out;
  }
  /** The holdout metrics a version is judged by: NDCG@10 (every model the trainer ranks with) and RMSE (rating models). */
  function holdoutKeys(metrics) {
    return ['ndcg@10', 'rmse'].filter((k) => typeof metrics[k] === 'number');
  }

  route();
})();
