// convoy's interactive page: draws the data convoy wrote into this file with Leaflet, and
// filters it by date, actor, event type and article. Every text from the articles goes into
// the page as text (textContent), never as markup.
(function () {
  'use strict';
  var DATA = JSON.parse(document.getElementById('convoy-data').textContent);
  var C = DATA.content;
  var B = DATA.basemap;

  var T = {
    en: {
      dir: 'ltr', other: 'العربية', layers: 'Layers', movements: 'Movements', events: 'Events',
      places: 'Places', actors: 'Actors', noActor: 'actor not stated', types: 'Event types',
      lines: 'Lines', reported: 'reported or under way', planned: 'planned', denied: 'denied',
      intoArea: 'into a country or region (open head)', width: 'width: vehicles (1, 10, 100, 1000+)',
      articles: 'Articles', allArticles: 'all articles', searchArticles: 'title or file name',
      play: 'Play', pause: 'Pause', undated: 'undated', noDates: 'no dated features',
      until: 'until', shown: 'Shown: {m} of {M} movements on {l} lines, {e} of {E} events, {p} places',
      reports: '{n} reports', report: '1 report', more: '{n} more reports not shown in full: see {f}',
      hiddenReports: 'none of its reports passes the filters',
      vehicles: 'vehicles', personnel: 'personnel', status: 'status', date: 'date', via: 'via',
      asWritten: 'as written', counterpart: 'counterpart', near: 'near', background: 'background (two years or more before the article)',
      site: 'site named', source: 'source', mentions: 'mentions', kind: 'kind',
      attribution: 'Basemap: Made with Natural Earth · Places: convoy gazetteer (GeoNames CC BY 4.0, OurAirports, Wikipedia) · Leaflet (BSD-2-Clause)',
      type: {}, st: {}
    },
    ar: {
      dir: 'rtl', other: 'English', layers: 'الطبقات', movements: 'التحركات', events: 'الأحداث',
      places: 'الأماكن', actors: 'الجهات', noActor: 'جهة غير مذكورة', types: 'أنواع الأحداث',
      lines: 'الخطوط', reported: 'مُبلَّغ عنه أو جارٍ', planned: 'مُخطَّط', denied: 'مَنفيّ',
      intoArea: 'إلى بلد أو منطقة (رأس مفتوح)', width: 'العرض: عدد الآليات (1، 10، 100، 1000+)',
      articles: 'المقالات', allArticles: 'كل المقالات', searchArticles: 'العنوان أو اسم الملف',
      play: 'تشغيل', pause: 'إيقاف', undated: 'غير مؤرَّخ', noDates: 'لا توجد عناصر مؤرَّخة',
      until: 'حتى', shown: 'المعروض: {m} من {M} تحركًا على {l} خطًا، {e} من {E} حدثًا، {p} مكانًا',
      reports: '{n} تقارير', report: 'تقرير واحد', more: '{n} تقارير أخرى غير معروضة كاملة: انظر {f}',
      hiddenReports: 'لا يجتاز أي من تقاريره المرشِّحات',
      vehicles: 'الآليات', personnel: 'الأفراد', status: 'الحالة', date: 'التاريخ', via: 'عبر',
      asWritten: 'كما ورد', counterpart: 'الطرف الآخر', near: 'قرب', background: 'خلفية (قبل المقال بعامين أو أكثر)',
      site: 'الموقع المذكور', source: 'المصدر', mentions: 'الإشارات', kind: 'النوع',
      attribution: 'الخريطة الأساسية: Natural Earth · الأماكن: معجم convoy (GeoNames CC BY 4.0، OurAirports، ويكيبيديا) · Leaflet (BSD-2-Clause)',
      type: {
        withdrawal: 'انسحاب', redeployment: 'إعادة انتشار', relocation: 'نقل', arrival: 'وصول',
        handover: 'تسليم', presence: 'تواجد', attack: 'هجوم'
      },
      st: { reported: 'مُبلَّغ عنه', planned: 'مُخطَّط', in_progress: 'جارٍ', denied: 'مَنفيّ' },
      kinds: {
        airbase: 'قاعدة جوية', base: 'قاعدة', crossing: 'معبر', oilfield: 'حقل نفط', village: 'قرية',
        town: 'بلدة', city: 'مدينة', district: 'قضاء', governorate: 'محافظة', region: 'منطقة', poi: 'موقع'
      }
    }
  };
  var lang = DATA.lang === 'ar' ? 'ar' : 'en';
  function t(key, args) {
    var s = T[lang][key];
    if (s === undefined) s = T.en[key];
    for (var k in args || {}) s = s.split('{' + k + '}').join(String(args[k]));
    return s;
  }
  function typeName(name) { return (lang === 'ar' && T.ar.type[name]) || name.replace(/_/g, ' '); }
  function statusName(name) { return (lang === 'ar' && T.ar.st[name]) || String(name).replace(/_/g, ' '); }
  function placeName(n) {
    if (lang === 'ar') return n.ar || n.en;
    return DATA.labels === 'both' && n.ar ? n.en + ' · ' + n.ar : n.en;
  }
  function el(tag, attrs, children) {
    var e = document.createElement(tag);
    for (var k in attrs || {}) {
      if (k === 'text') e.textContent = attrs[k];
      else if (k === 'on') for (var ev in attrs.on) e.addEventListener(ev, attrs.on[ev]);
      else e.setAttribute(k, attrs[k]);
    }
    (children || []).forEach(function (c) { if (c) e.appendChild(typeof c === 'string' ? document.createTextNode(c) : c); });
    return e;
  }
  var SVGNS = 'http://www.w3.org/2000/svg';
  function svg(tag, attrs) {
    var e = document.createElementNS(SVGNS, tag);
    for (var k in attrs) e.setAttribute(k, attrs[k]);
    return e;
  }

  // The PNG's colours (src/render/style.rs, light theme).
  var INK = { sea: '#c8ddec', land: '#ece9e2', border: '#80766e', coast: '#80a3c0', river: '#689cc9' };

  // --- The map and the basemap ---------------------------------------------------------------
  var map = L.map('map', { zoomSnap: 0.25, zoomDelta: 0.5, minZoom: 3, maxZoom: 13, attributionControl: false });
  L.control.attribution({ prefix: false }).addAttribution(t('attribution')).addTo(map);
  L.control.scale({ imperial: false }).addTo(map);
  // The view first: layers wait for it before they draw.
  // The view: what lies inside the basemap's box (a line to Europe should not shrink the rest
  // to a dot), else Iraq and Syria.
  var box = L.latLngBounds(B.bounds), view = L.latLngBounds([]);
  function fit(p) { if (box.contains(p)) view.extend(p); }
  C.routes.forEach(function (r) { r.line.forEach(fit); });
  C.sites.forEach(function (s) { fit(s.at); });
  C.places.forEach(function (p) { fit(p.at); });
  map.fitBounds(view.isValid() ? view.pad(0.08) : [[29, 35], [38, 49]], { maxZoom: 9 });
  [['base', 200], ['labels', 300], ['routes', 400], ['places', 450], ['sites', 500]].forEach(function (p) {
    map.createPane(p[0]).style.zIndex = p[1];
  });
  map.getPane('labels').style.pointerEvents = 'none';
  var baseRenderer = L.canvas({ pane: 'base', padding: 0.5 });
  var still = { pane: 'base', renderer: baseRenderer, interactive: false };
  function style(extra) { return L.extend({}, still, extra); }
  L.rectangle(B.bounds, style({ stroke: false, fillColor: INK.sea, fillOpacity: 1 })).addTo(map);
  B.countries.forEach(function (c) {
    L.polygon(c.polygons, style({ stroke: false, fillColor: INK.land, fillOpacity: 1 })).addTo(map);
  });
  L.polygon(B.lakes, style({ stroke: false, fillColor: INK.sea, fillOpacity: 1 })).addTo(map);
  L.polyline(B.rivers, style({ color: INK.river, weight: 1, opacity: 0.9 })).addTo(map);
  L.polyline(B.coasts, style({ color: INK.coast, weight: 1 })).addTo(map);
  L.polyline(B.borders, style({ color: INK.border, weight: 1.2 })).addTo(map);
  var countryLabels = B.countries.filter(function (c) { return c.label; }).map(function (c) {
    var span = el('span');
    L.marker(c.label, {
      pane: 'labels', interactive: false, keyboard: false,
      icon: L.divIcon({ className: 'country-label', html: span, iconSize: null })
    }).addTo(map);
    return { span: span, name: c };
  });

  // --- Movements -------------------------------------------------------------------------------
  var routeRenderer = L.svg({ pane: 'routes', padding: 0.5 });
  map.addLayer(routeRenderer);
  var defs = svg('defs', {});
  routeRenderer._container.insertBefore(defs, routeRenderer._container.firstChild);
  var heads = {};
  // The arrowhead for a colour, filled or open (a line into an area), as an SVG marker.
  function head(colour, open) {
    var id = 'head-' + colour.replace('#', '') + (open ? '-open' : '');
    if (!heads[id]) {
      var m = svg('marker', { id: id, viewBox: '0 0 10 10', refX: open ? '6' : '5', refY: '5',
        markerWidth: '3.4', markerHeight: '3.4', orient: 'auto', markerUnits: 'strokeWidth' });
      m.appendChild(svg('path', open
        ? { d: 'M1,1.2 L9,5 L1,8.8 z', fill: INK.land, stroke: colour, 'stroke-width': '1.6', 'stroke-linejoin': 'round' }
        : { d: 'M0,0 L10,5 L0,10 z', fill: colour }));
      defs.appendChild(m);
      heads[id] = true;
    }
    return 'url(#' + id + ')';
  }
  // Line width in px: palette::movement_width's (src/palette.rs), 2 px for one vehicle to 10 px
  // for 1000, 3 px unstated.
  function widthOf(vehicles) {
    if (vehicles < 0) return 3;
    return 2 + 8 * Math.min(1, Math.max(0, Math.log10(Math.max(1, vehicles)) / 3));
  }
  function actorColour(i) { return i === null ? '#555555' : C.actors[i].colour; }
  var DASH = { planned: [2.2, 1.4], denied: [0.9, 1.3] };
  function dashFor(route, w) {
    var d = DASH[route.style];
    return d ? Math.round(d[0] * w + 4) + ' ' + Math.round(d[1] * w + 3) : null;
  }
  var routeGroup = L.layerGroup().addTo(map);
  var routes = C.routes.map(function (r, i) {
    var layer = L.polyline(r.line, {
      pane: 'routes', renderer: routeRenderer, color: actorColour(r.actor), weight: 3,
      opacity: r.style === 'denied' ? 0.6 : 0.95, lineCap: 'round', lineJoin: 'round', className: 'convoy-route'
    });
    layer.on('add', function () {
      layer._path.setAttribute('marker-end', head(actorColour(r.actor), r.into_area));
      layer._path.setAttribute('data-route', String(i));
    });
    layer.bindPopup(function () { return routePopup(r); }, { maxWidth: 420 });
    return { data: r, layer: layer, shown: 0, on: false, weight: -1 };
  });

  // --- Events ----------------------------------------------------------------------------------
  var SHAPES = {
    withdrawal: [[-1, -0.8], [1, -0.8], [0, 0.95]], arrival: [[-1, 0.8], [1, 0.8], [0, -0.95]],
    redeployment: [[-0.8, -1], [-0.8, 1], [0.95, 0]], handover: [[0, -1.1], [1.1, 0], [0, 1.1], [-1.1, 0]]
  };
  function regular(n, r) {
    var out = [];
    for (var i = 0; i < n; i++) out.push([r * Math.cos(i * 2 * Math.PI / n), r * Math.sin(i * 2 * Math.PI / n)]);
    return out;
  }
  function star(n, outer, inner) {
    var out = [];
    for (var i = 0; i < 2 * n; i++) {
      var a = i * Math.PI / n - Math.PI / 2, r = i % 2 ? inner : outer;
      out.push([r * Math.cos(a), r * Math.sin(a)]);
    }
    return out;
  }
  function shapeOf(type) {
    return SHAPES[type] || (type === 'presence' ? regular(6, 1) : type === 'attack' ? star(8, 1.2, 0.5) : regular(12, 0.9));
  }
  // An event marker as the PNG draws it (src/render/style.rs), `r` px across half.
  function marker(type, colour, r, count) {
    var s = Math.ceil(r * 1.3) + 2, size = 2 * s;
    var g = svg('svg', { width: size, height: size, viewBox: -s + ' ' + -s + ' ' + size + ' ' + size });
    var pts = shapeOf(type).map(function (p) { return (p[0] * r).toFixed(1) + ',' + (p[1] * r).toFixed(1); }).join(' ');
    g.appendChild(svg('polygon', { points: pts, fill: colour, stroke: '#fff', 'stroke-width': Math.max(1.5, r * 0.3), 'stroke-linejoin': 'round', 'paint-order': 'stroke' }));
    if (count > 1) {
      var tx = svg('text', { 'class': 'count', x: 0, y: 3.5, 'text-anchor': 'middle' });
      tx.textContent = String(count);
      g.appendChild(tx);
    }
    return g;
  }
  var siteGroup = L.layerGroup().addTo(map);
  var sites = C.sites.map(function (s) {
    var layer = L.marker(s.at, { pane: 'sites', keyboard: true });
    layer.bindPopup(function () { return sitePopup(s); }, { maxWidth: 420 });
    return { data: s, layer: layer, shown: 0, on: false, drawnCount: -1 };
  });
  function siteIcon(site, n) {
    // Grows with the count up to about twice the size of one, so thousands do not cover the map.
    var r = Math.min(13, 6.5 + 1.5 * Math.log2(Math.max(1, n)));
    var type = C.types[site.data.type];
    var icon = marker(type.name, type.colour, r, n);
    var size = Number(icon.getAttribute('width'));
    return L.divIcon({ className: 'site-icon', html: icon, iconSize: [size, size] });
  }

  // --- Places ----------------------------------------------------------------------------------
  var BIG = { airbase: 5, base: 5, crossing: 4.5, oilfield: 4.5, city: 4, town: 3.5 };
  var placeGroup = L.layerGroup().addTo(map);
  var places = C.places.map(function (p) {
    var layer = L.circleMarker(p.at, {
      pane: 'places', radius: BIG[p.kind] || 3, color: '#28282c', weight: 1.5, fillColor: '#fff', fillOpacity: 1
    });
    layer.bindTooltip(function () { return placeName(p.name); }, { direction: 'top', offset: [0, -4] });
    layer.bindPopup(function () { return placePopup(p); });
    placeGroup.addLayer(layer);
    return layer;
  });

  // --- Popups ----------------------------------------------------------------------------------
  function arabic(text) { return el('span', { dir: 'rtl', lang: 'ar', text: text }); }
  function safeUrl(url) { return /^https?:\/\//i.test(url || '') ? url : null; }
  function articleLine(doc) {
    var d = C.docs[doc];
    var parts = [];
    if (d.title) parts.push(el('bdi', { dir: 'auto', text: d.title }), ' · ');
    var url = safeUrl(d.url);
    parts.push(url ? el('a', { href: url, target: '_blank', rel: 'noopener noreferrer', text: d.source || url }) : (d.source ? d.source : ''));
    if (d.source || url) parts.push(' · ');
    parts.push(el('bdi', { dir: 'ltr', text: d.file }));
    return el('div', { 'class': 'article' }, parts);
  }
  function fact(label, value) {
    if (value === null || value === undefined || value === '') return null;
    return el('span', { 'class': 'fact' }, [el('span', { 'class': 'k', text: label + ': ' }), value]);
  }
  // A date reads left to right in an Arabic line too.
  function isoDate(date) { return el('bdi', { dir: 'ltr', text: date }); }
  function reportBlock(detail, doc) {
    var when = detail.date && el('span', {}, [isoDate(detail.date), detail.date_text ? ' (' : null,
      detail.date_text ? arabic(detail.date_text) : null, detail.date_text ? ')' : null]);
    return el('div', { 'class': 'report', 'data-id': detail.id }, [
      el('div', { 'class': 'facts' }, [
        el('b', { 'class': 'fact', text: typeName(detail.type) }),
        fact(t('status'), detail.status && statusName(detail.status)),
        fact(t('date'), when),
        fact(t('vehicles'), detail.vehicles), fact(t('personnel'), detail.personnel),
        detail.actor_ar ? fact(t('asWritten'), arabic(detail.actor_ar)) : null,
        fact(t('counterpart'), detail.counterpart),
        detail.sites.length ? fact(t('site'), arabic(detail.sites.join('، '))) : null,
        detail.near ? el('span', { 'class': 'fact', text: t('near') }) : null,
        detail.background ? el('span', { 'class': 'fact', text: t('background') }) : null
      ]),
      el('blockquote', { dir: 'rtl', lang: 'ar', 'class': 'evidence', text: detail.evidence }),
      articleLine(doc)
    ]);
  }
  // The popup body: the reports that pass the filters, those kept in full first.
  function reports(box, item, file, docOf) {
    var shown = item.members.map(function (m, i) { return passes(m, item) ? i : -1; }).filter(function (i) { return i >= 0; });
    box.appendChild(el('div', { text: shown.length === 1 ? t('report') : t('reports', { n: shown.length }) }));
    var full = item.details.filter(function (d) { return shown.indexOf(d.member) >= 0; });
    if (!shown.length) box.appendChild(el('div', { 'class': 'more', text: t('hiddenReports') }));
    full.forEach(function (d) { box.appendChild(reportBlock(d, docOf(item.members[d.member]))); });
    if (shown.length > full.length) box.appendChild(el('div', { 'class': 'more', text: t('more', { n: shown.length - full.length, f: file }) }));
    return box;
  }
  function popupBox() { return el('div', { 'class': 'popup', dir: T[lang].dir, lang: lang }); }
  function routePopup(r) {
    var box = popupBox();
    var actor = r.actor === null ? t('noActor') : C.actors[r.actor].name;
    box.appendChild(el('h3', {}, [el('span', { 'class': 'swatch', style: 'border-color:' + actorColour(r.actor) }), ' ', actor]));
    var ends = [placeName(r.from)];
    r.via.forEach(function (v) { ends.push(t('via') + ' ' + v); });
    ends.push(placeName(r.to));
    box.appendChild(el('p', { 'class': 'ends', text: ends.join(lang === 'ar' ? ' ← ' : ' → ') }));
    return reports(box, r, 'movements.geojson', function (m) { return m[1]; });
  }
  function sitePopup(s) {
    var box = popupBox();
    box.appendChild(el('h3', { text: typeName(C.types[s.type].name) + ': ' + placeName(s.place) }));
    return reports(box, s, 'events.geojson', function (m) { return m[1]; });
  }
  function placePopup(p) {
    var box = popupBox();
    box.appendChild(el('h3', { text: p.name.en }));
    if (p.name.ar) box.appendChild(el('div', {}, [arabic(p.name.ar)]));
    var kind = (lang === 'ar' && T.ar.kinds[p.kind]) || p.kind;
    box.appendChild(el('div', { text: t('kind') + ': ' + kind + ' · ' + t('mentions') + ': ' + p.mentions }));
    return box;
  }

  // --- Filters ---------------------------------------------------------------------------------
  var state = {
    cutoff: C.dates.length - 1, undated: true, doc: null,
    actors: C.actors.map(function () { return true; }), noActor: true,
    types: C.types.map(function () { return true; }),
    layers: { movements: true, events: true, places: true }
  };
  function dateOk(d) { return d === null ? state.undated : d <= state.cutoff; }
  function docOk(doc) { return state.doc === null || state.doc[doc] === 1; }
  function actorOk(a) { return a === null ? state.noActor : state.actors[a]; }
  // Whether a member of a route (`item.line`) or a site passes every filter.
  function passes(m, item) {
    if (!dateOk(m[0]) || !docOk(m[1])) return false;
    return item.line ? state.types[m[2]] : actorOk(m[2]);
  }
  function apply() {
    var t0 = performance.now();
    var c = { movements: 0, lines: 0, events: 0, sites: 0, places: 0 };
    routes.forEach(function (r) {
      var n = 0, most = -1, d = r.data;
      if (state.layers.movements && actorOk(d.actor)) {
        for (var i = 0; i < d.members.length; i++) {
          var m = d.members[i];
          if (passes(m, d)) { n++; if (m[3] !== null && m[3] > most) most = m[3]; }
        }
      }
      r.shown = n;
      var w = widthOf(most);
      if (n && w !== r.weight) { r.layer.setStyle({ weight: w, dashArray: dashFor(d, w) }); r.weight = w; }
      show(routeGroup, r, n > 0);
      if (n) { c.movements += n; c.lines++; }
    });
    sites.forEach(function (s) {
      var n = 0, d = s.data;
      if (state.layers.events && state.types[d.type]) {
        for (var i = 0; i < d.members.length; i++) if (passes(d.members[i], d)) n++;
      }
      if (n && n !== s.drawnCount) { s.layer.setIcon(siteIcon(s, n)); s.drawnCount = n; }
      s.shown = n;
      show(siteGroup, s, n > 0);
      if (n) { c.events += n; c.sites++; }
    });
    if (state.layers.places !== map.hasLayer(placeGroup)) {
      if (state.layers.places) map.addLayer(placeGroup); else map.removeLayer(placeGroup);
    }
    c.places = state.layers.places ? places.length : 0;
    api.drawn = c;
    api.lastFilterMs = performance.now() - t0;
    var out = document.getElementById('shown');
    out.textContent = t('shown', { m: c.movements, M: C.counts.movements, l: c.lines, e: c.events, E: C.counts.events, p: c.places });
    ['movements', 'lines', 'events', 'sites', 'places'].forEach(function (k) { out.setAttribute('data-' + k, String(c[k])); });
  }
  function show(group, item, on) {
    if (on === item.on) return;
    if (on) group.addLayer(item.layer); else { item.layer.closePopup(); group.removeLayer(item.layer); }
    item.on = on;
  }

  // --- The panel and the timeline --------------------------------------------------------------
  function check(checked, onChange, children) {
    var box = el('input', { type: 'checkbox' });
    box.checked = checked;
    box.addEventListener('change', function () { onChange(box.checked); apply(); });
    return el('label', {}, [box].concat(children));
  }
  function lineSample(colour, dash, open, width) {
    var g = svg('svg', { width: 34, height: 12 });
    var attrs = { x1: 2, y1: 6, x2: 24, y2: 6, stroke: colour, 'stroke-width': width || 3 };
    if (dash) attrs['stroke-dasharray'] = dash;
    g.appendChild(svg('line', attrs));
    g.appendChild(svg('path', open ? { d: 'M23,1.5 L32,6 L23,10.5 z', fill: INK.land, stroke: colour, 'stroke-width': 1.5 } : { d: 'M23,1 L33,6 L23,11 z', fill: colour }));
    return g;
  }
  function totalBy(list, key) {
    var n = {};
    list.forEach(function (item) { item.members.forEach(function (m) { var k = key(item, m); n[k] = (n[k] || 0) + 1; }); });
    return n;
  }
  var actorTotals = totalBy(C.routes.concat(C.sites), function (item, m) { return item.line ? item.actor : m[2]; });
  var typeTotals = totalBy(C.routes.concat(C.sites), function (item, m) { return item.line ? m[2] : item.type; });
  function panel() {
    var p = document.getElementById('panel');
    p.textContent = '';
    p.appendChild(el('h2', { text: t('layers') }));
    p.appendChild(check(state.layers.movements, function (v) { state.layers.movements = v; }, [lineSample('#555555'), t('movements'), el('span', { 'class': 'n', text: C.counts.movements })]));
    p.appendChild(check(state.layers.events, function (v) { state.layers.events = v; }, [marker('other', '#6e6e6e', 6, 1), t('events'), el('span', { 'class': 'n', text: C.counts.events })]));
    p.appendChild(check(state.layers.places, function (v) { state.layers.places = v; }, [el('span', { text: '○' }), t('places'), el('span', { 'class': 'n', text: C.places.length })]));
    if (C.actors.length || actorTotals['null']) {
      p.appendChild(el('h2', { text: t('actors') }));
      C.actors.forEach(function (a, i) {
        p.appendChild(check(state.actors[i], function (v) { state.actors[i] = v; }, [el('span', { 'class': 'swatch', style: 'border-color:' + a.colour }), el('bdi', { text: a.name }), el('span', { 'class': 'n', text: actorTotals[i] || 0 })]));
      });
      if (actorTotals['null']) p.appendChild(check(state.noActor, function (v) { state.noActor = v; }, [el('span', { 'class': 'swatch', style: 'border-color:#555555' }), t('noActor'), el('span', { 'class': 'n', text: actorTotals['null'] })]));
    }
    if (C.types.length) {
      p.appendChild(el('h2', { text: t('types') }));
      C.types.forEach(function (ty, i) {
        p.appendChild(check(state.types[i], function (v) { state.types[i] = v; }, [marker(ty.name, ty.colour, 6, 1), typeName(ty.name), el('span', { 'class': 'n', text: typeTotals[i] || 0 })]));
      });
    }
    p.appendChild(el('h2', { text: t('lines') }));
    p.appendChild(el('div', { 'class': 'row legend-line' }, [lineSample('#555555'), t('reported')]));
    p.appendChild(el('div', { 'class': 'row legend-line' }, [lineSample('#555555', '11 7'), t('planned')]));
    p.appendChild(el('div', { 'class': 'row legend-line' }, [lineSample('#555555', '4 6'), t('denied')]));
    p.appendChild(el('div', { 'class': 'row legend-line' }, [lineSample('#555555', null, true), t('intoArea')]));
    p.appendChild(el('div', { 'class': 'row legend-line' }, [lineSample('#555555', null, false, 2), lineSample('#555555', null, false, 7.3), t('width')]));
    p.appendChild(el('h2', { text: t('articles') }));
    p.appendChild(articleFilter());
    p.appendChild(el('output', { id: 'shown' }));
  }
  // A list of the articles; past a few hundred, a search over their titles and file names.
  function articleFilter() {
    if (C.docs.length <= 300) {
      var sel = el('select', { id: 'article' }, [el('option', { value: '', text: t('allArticles') + ' (' + C.docs.length + ')' })]);
      C.docs.forEach(function (d, i) { sel.appendChild(el('option', { value: String(i), text: (d.title ? d.title + ' — ' : '') + d.file })); });
      sel.value = state.docText || '';
      sel.addEventListener('change', function () {
        state.docText = sel.value;
        state.doc = sel.value === '' ? null : C.docs.map(function (_, i) { return String(i) === sel.value ? 1 : 0; });
        apply();
      });
      return sel;
    }
    var input = el('input', { type: 'search', id: 'article', placeholder: t('searchArticles') });
    input.value = state.docText || '';
    input.addEventListener('input', function () {
      var q = input.value.trim().toLowerCase();
      state.docText = input.value;
      state.doc = q ? C.docs.map(function (d) { return (d.file + ' ' + (d.title || '')).toLowerCase().indexOf(q) >= 0 ? 1 : 0; }) : null;
      apply();
    });
    return input;
  }
  var slider = document.getElementById('slider');
  var dateLabel = document.getElementById('date');
  var playButton = document.getElementById('play');
  var undated = document.getElementById('undated');
  var timer = null;
  function setCutoff(i) {
    state.cutoff = Math.max(0, Math.min(C.dates.length - 1, i));
    slider.value = String(state.cutoff);
    timeline();
    apply();
  }
  function timeline() {
    dateLabel.textContent = C.dates.length ? t('until') + ' ' : t('noDates');
    if (C.dates.length) dateLabel.appendChild(isoDate(C.dates[state.cutoff]));
    playButton.textContent = timer ? t('pause') : t('play');
    document.getElementById('undated-label').textContent = t('undated');
  }
  slider.max = String(Math.max(0, C.dates.length - 1));
  slider.value = String(state.cutoff);
  slider.disabled = playButton.disabled = C.dates.length < 2;
  slider.addEventListener('input', function () { setCutoff(Number(slider.value)); });
  undated.addEventListener('change', function () { state.undated = undated.checked; apply(); });
  playButton.addEventListener('click', function () {
    if (timer) { clearInterval(timer); timer = null; timeline(); return; }
    var step = Math.max(1, Math.ceil(C.dates.length / 60));
    if (state.cutoff >= C.dates.length - 1) setCutoff(0);
    timer = setInterval(function () {
      if (state.cutoff >= C.dates.length - 1) { clearInterval(timer); timer = null; timeline(); return; }
      setCutoff(state.cutoff + step);
    }, 400);
    timeline();
  });

  // --- Language --------------------------------------------------------------------------------
  function ui() {
    var root = document.documentElement;
    root.lang = lang;
    root.dir = T[lang].dir;
    document.getElementById('lang').textContent = t('other');
    countryLabels.forEach(function (c) { c.span.textContent = lang === 'ar' ? (c.name.ar || c.name.en) : c.name.en; });
    map.closePopup();
    panel();
    timeline();
    apply();
  }
  document.getElementById('lang').addEventListener('click', function () { lang = lang === 'ar' ? 'en' : 'ar'; ui(); });
  document.getElementById('title').textContent = DATA.title;

  // --- Start -----------------------------------------------------------------------------------
  var api = {
    files: C.counts, drawn: null, lastFilterMs: 0, map: map, dates: C.dates,
    setCutoff: setCutoff,
    // The drawn line of the movement with this id, and its route, when kept in full.
    routeOf: function (id) {
      for (var i = 0; i < routes.length; i++) {
        if (routes[i].data.details.some(function (d) { return d.id === id; })) return routes[i];
      }
      return null;
    }
  };
  window.convoy = api;
  ui();
  api.ready = true;
  document.documentElement.setAttribute('data-ready', '1');
})();
