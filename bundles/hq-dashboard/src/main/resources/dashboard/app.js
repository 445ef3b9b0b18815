// RescueGrid HQ dashboard: logs in against HQ's JAAS realm, then polls the read API and draws the
// province on a Leaflet map, district tables and Chart.js charts, and opens monthly reports with their trends.
// Texts come from i18n/<lang>.json.
(function () {
  'use strict';

  var REFRESH_MS = 5000;
  var PROVINCE_CENTRE = [30.4, 70.5];
  var state = { user: null, lang: 'en', texts: {}, map: null, markers: {}, chart: null, timer: null, session: null, report: null, trendCharts: null };

  function $(id) { return document.getElementById(id); }

  function t(key, values) {
    var text = state.texts[key] || key;
    Object.keys(values || {}).forEach(function (name) { text = text.replace('{' + name + '}', values[name]); });
    return text;
  }

  function languageKey() { return 'rescuegrid.hq.lang.' + (state.user || 'anonymous'); }

  function loadLanguage(lang) {
    return fetch('i18n/' + lang + '.json', { cache: 'no-cache' })
      .then(function (response) { return response.json(); })
      .then(function (texts) {
        state.lang = lang;
        state.texts = texts;
        document.documentElement.lang = lang;
        document.documentElement.dir = texts.dir || 'ltr';
        document.querySelectorAll('[data-i18n]').forEach(function (element) {
          element.textContent = t(element.getAttribute('data-i18n'));
        });
        $('language').value = lang;
        if (state.chart) { state.chart.options.plugins.title.text = t('recordsChart'); state.chart.update(); }
        if (state.report) { reportPdfLink(state.report); }
        if (state.report && state.report.body) { drawReport(state.report.body); drawTrends(state.report.trends); }
      });
  }

  function show(view) {
    $('login-view').hidden = view !== 'login';
    $('dashboard-view').hidden = view !== 'dashboard';
    $('logout').hidden = view !== 'dashboard';
  }

  function startDashboard(session) {
    state.user = session.user;
    state.session = session;
    $('who').textContent = session.user;
    var lang = localStorage.getItem(languageKey()) || state.lang;
    loadLanguage(lang).then(function () {
      show('dashboard');
      initMap(session);
      refresh();
      state.timer = setInterval(refresh, REFRESH_MS);
    });
  }

  function initMap(session) {
    if (state.map) { return; }
    state.map = L.map('map').setView(PROVINCE_CENTRE, 6);
    if (session.tileUrl) {
      L.tileLayer(session.tileUrl, { attribution: session.tileAttribution, maxZoom: 18 }).addTo(state.map);
    }
    // District outlines draw the province with no tile server reachable.
    fetch('districts.geojson').then(function (r) { return r.json(); }).then(function (geojson) {
      L.geoJSON(geojson, {
        style: { color: '#0b3d5c', weight: 1, fillOpacity: 0.05 },
        onEachFeature: function (feature, layer) {
          layer.bindTooltip(feature.properties.name + ' (' + feature.properties.code + ')',
            { permanent: true, direction: 'center', className: 'district-label' });
        }
      }).addTo(state.map);
    });
  }

  function api(path) {
    return fetch('../api/v1/' + path, { credentials: 'same-origin', cache: 'no-cache' }).then(function (response) {
      if (response.status === 401) { throw new Error('logged-out'); }
      if (!response.ok) { throw new Error(path + ': HTTP ' + response.status); }
      return response.json();
    });
  }

  function refresh() {
    Promise.all([api('vehicles'), api('districts'), api('device-events'), api('kpi')]).then(function (results) {
      drawVehicles(results[0].vehicles);
      drawDistricts(results[1].districts);
      drawEvents(results[2].events);
      drawKpis(results[3].kpis);
      $('updated').textContent = new Date(results[0].generatedAt).toLocaleTimeString(state.lang === 'ur' ? 'ur-PK' : 'en-GB');
    }).catch(function (error) {
      if (error.message === 'logged-out') { stop(); show('login'); }
      else { console.error(error); }
    });
    refreshReconciliation();
  }

  function refreshReconciliation() {
    api('reconciliation').then(function (result) { drawReconciliation(result.reconciliations); }).catch(function (error) {
      if (error.message !== 'logged-out') { console.error(error); }
    });
  }

  // The backlog the district's uplink reported with its last batch: rows waiting and the oldest record's age.
  function backlogText(backlog) {
    if (!backlog) { return t('notReported'); }
    return t('backlogRows', { n: backlog.rows, age: minutes(backlog.oldestAgeSeconds) });
  }

  function drawReconciliation(items) {
    var body = $('reconciliation').querySelector('tbody');
    body.textContent = '';
    items.forEach(function (r) {
      var row = document.createElement('tr');
      row.setAttribute('data-reconciliation', r.district + '/' + r.day + '/' + r.recordType);
      if (r.missingCount > 0) { row.className = 'mismatch'; }
      cell(row, r.district);
      cell(row, r.day);
      cell(row, r.recordType);
      cell(row, r.districtCount);
      cell(row, r.hqCount);
      var missing = r.missingCount === 0 ? '0' : r.missingCount + ': ' + r.missingIds.join(', ')
        + (r.missingIds.length < r.missingCount ? ' …' : '');
      cell(row, r.state === 'CHECKING' ? t('checking') : missing).className = 'missing-ids';
      cell(row, r.unknownToDistrict === null ? '-' : r.unknownToDistrict);
      cell(row, new Date(r.checkedAt).toLocaleString('en-GB'));
      body.appendChild(row);
    });
  }

  function cell(row, text) {
    var td = document.createElement('td');
    td.textContent = text;
    row.appendChild(td);
    return td;
  }

  function drawVehicles(vehicles) {
    var seen = {};
    var body = $('vehicles').querySelector('tbody');
    body.textContent = '';
    vehicles.forEach(function (v) {
      var key = v.district + '/' + v.vehicleId;
      seen[key] = true;
      var at = [v.latitude, v.longitude];
      var marker = state.markers[key];
      if (marker) {
        marker.setLatLng(at);
      } else {
        marker = L.circleMarker(at, { radius: 6, color: '#b3261e', fillOpacity: 0.8, className: 'rg-vehicle' })
          .bindTooltip(v.vehicleId).addTo(state.map);
        state.markers[key] = marker;
      }
      var row = document.createElement('tr');
      row.setAttribute('data-vehicle', v.vehicleId);
      cell(row, v.district);
      cell(row, v.vehicleId);
      cell(row, new Date(v.fixTime).toLocaleTimeString('en-GB'));
      cell(row, v.latitude.toFixed(5) + ', ' + v.longitude.toFixed(5)).className = 'position';
      cell(row, v.speedKmh === undefined ? '' : v.speedKmh.toFixed(0));
      body.appendChild(row);
    });
    Object.keys(state.markers).forEach(function (key) {
      if (!seen[key]) { state.map.removeLayer(state.markers[key]); delete state.markers[key]; }
    });
  }

  function drawDistricts(districts) {
    var body = $('districts').querySelector('tbody');
    body.textContent = '';
    districts.forEach(function (d) {
      var row = document.createElement('tr');
      row.setAttribute('data-district', d.district);
      if (d.stale) { row.className = 'stale'; }
      cell(row, d.district);
      cell(row, d.stale ? t('stale') : t('live')).className = d.stale ? 'state-stale' : 'state-live';
      cell(row, t('secondsAgo', { n: d.secondsSinceLastRecord }));
      cell(row, d.recordsLastHour.position || 0);
      cell(row, d.recordsLastHour['device-event'] || 0);
      cell(row, d.silentDevices.length ? d.silentDevices.map(function (s) { return s.deviceId; }).join(', ') : t('none'));
      cell(row, d.gaps.length ? d.gaps.map(function (g) { return g.seconds + ' s'; }).join(', ') : t('none'));
      cell(row, backlogText(d.uplinkBacklog)).className = 'uplink-backlog';
      body.appendChild(row);
    });
    drawChart(districts);
  }

  function drawChart(districts) {
    var types = {};
    districts.forEach(function (d) { Object.keys(d.recordsLastHour).forEach(function (type) { types[type] = true; }); });
    var datasets = Object.keys(types).sort().map(function (type) {
      return { label: type, data: districts.map(function (d) { return d.recordsLastHour[type] || 0; }) };
    });
    var labels = districts.map(function (d) { return d.district; });
    if (!state.chart) {
      state.chart = new Chart($('records-chart'), {
        type: 'bar',
        data: { labels: labels, datasets: datasets },
        options: { animation: false, plugins: { title: { display: true, text: t('recordsChart') } }, scales: { x: { stacked: true }, y: { stacked: true } } }
      });
    } else {
      state.chart.data.labels = labels;
      state.chart.data.datasets = datasets;
      state.chart.update();
    }
  }

  function minutes(seconds) {
    if (seconds === null || seconds === undefined) { return '-'; }
    var whole = Math.round(seconds);
    return Math.floor(whole / 60) + ':' + String(whole % 60).padStart(2, '0');
  }

  function drawKpis(kpis) {
    var body = $('kpis').querySelector('tbody');
    body.textContent = '';
    kpis.forEach(function (k) {
      var row = document.createElement('tr');
      row.setAttribute('data-area', k.province + '/' + (k.district || ''));
      var incidents = Object.keys(k.incidentsByType).reduce(function (sum, type) { return sum + k.incidentsByType[type]; }, 0);
      var share = k.responded ? ' (' + Math.round(100 * k.withinTarget / k.responded) + '%)' : '';
      cell(row, k.province + ' / ' + (k.district || t('wholeProvince')));
      cell(row, k.calls);
      cell(row, incidents);
      cell(row, t('ofResponded', { n: k.withinTarget, m: k.responded }) + share);
      cell(row, minutes(k.response.meanSeconds));
      cell(row, minutes(k.response.medianSeconds));
      cell(row, minutes(k.response.p90Seconds));
      cell(row, '').appendChild(reportLink(k.province, k.district));
      body.appendChild(row);
    });
  }

  // Reports: a district's or the province's figures for a month, with CSV and PDF downloads and trend charts.

  function currentMonth() {
    // Reports count months in Asia/Karachi time, as HQ does.
    var parts = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Karachi', year: 'numeric', month: '2-digit' }).formatToParts(new Date());
    var year = parts.find(function (p) { return p.type === 'year'; }).value;
    var month = parts.find(function (p) { return p.type === 'month'; }).value;
    return year + '-' + month;
  }

  function reportLink(province, district) {
    var link = document.createElement('a');
    link.href = '#';
    link.className = 'report-link';
    link.setAttribute('data-province', province);
    link.setAttribute('data-district', district || '');
    link.textContent = t('openReport');
    link.addEventListener('click', function (event) {
      event.preventDefault();
      openReport(province, district || null, currentMonth());
    });
    return link;
  }

  // The PDF comes in the dashboard's language, Urdu labels included.
  function reportPdfLink(report) {
    $('report-pdf').href = '../api/v1/reports?' + reportQuery(report, 'pdf') + '&lang=' + encodeURIComponent(state.lang);
  }

  function reportQuery(report, format) {
    var query = 'province=' + encodeURIComponent(report.province) + '&month=' + encodeURIComponent(report.month);
    if (report.district) { query += '&district=' + encodeURIComponent(report.district); }
    return format ? query + '&format=' + format : query;
  }

  function openReport(province, district, month) {
    var report = { province: province, district: district, month: month };
    state.report = report;
    $('report-view').hidden = false;
    $('report-month').value = month;
    $('report-error').textContent = '';
    $('report-table').querySelector('tbody').textContent = '';
    $('report-csv').href = '../api/v1/reports?' + reportQuery(report, 'csv');
    reportPdfLink(report);
    Promise.all([api('reports?' + reportQuery(report, 'json')), api('trends?' + reportQuery(report))]).then(function (results) {
      if (state.report !== report) { return; }
      report.body = results[0];
      report.trends = results[1];
      drawReport(report.body);
      drawTrends(report.trends);
      $('report-view').scrollIntoView();
    }).catch(function (error) {
      $('report-error').textContent = t('reportFailed', { error: error.message });
    });
  }

  function areaName(r) { return r.district || r.province + ' / ' + t('wholeProvince'); }

  function drawReport(body) {
    var report = state.report;
    $('report-title').textContent = t('reportTitle', { area: report.district || report.province, month: report.month });
    var head = $('report-table').querySelector('thead tr');
    head.textContent = '';
    var corner = document.createElement('th');
    corner.textContent = t('figure');
    head.appendChild(corner);
    body.reports.forEach(function (r) {
      var th = document.createElement('th');
      th.textContent = areaName(r);
      head.appendChild(th);
    });
    var types = {};
    body.reports.forEach(function (r) { Object.keys(r.emergenciesByType).forEach(function (type) { types[type] = true; }); });
    var rows = [
      ['callsReceived', t('callsReceived'), function (r) { return r.callsReceived; }],
      ['emergencyCalls', t('emergencyCalls'), function (r) { return r.emergencyCalls; }],
      ['emergencies', t('incidents'), function (r) { return r.emergencies; }]
    ];
    Object.keys(types).sort().forEach(function (type) {
      rows.push(['emergencies.' + type, t('emergencyOfType', { type: type }), function (r) { return r.emergenciesByType[type] || 0; }]);
    });
    rows.push(
      ['outcomes', t('outcomesRecorded'), function (r) { return r.outcomes.incidents; }],
      ['peopleRescued', t('peopleRescued'), function (r) { return r.outcomes.peopleRescued; }],
      ['firstAidOnScene', t('firstAidOnScene'), function (r) { return r.outcomes.firstAidOnScene; }],
      ['takenToHospital', t('takenToHospital'), function (r) { return r.outcomes.takenToHospital; }],
      ['deathsOnScene', t('deathsOnScene'), function (r) { return r.outcomes.deathsOnScene; }],
      ['responded', t('responded'), function (r) { return r.responded; }],
      ['withinTarget', t('withinTargetCount'), function (r) { return r.withinTarget; }],
      ['shareWithinTarget', t('shareWithinTarget'), function (r) { return r.shareWithinTargetPercent === null ? '-' : r.shareWithinTargetPercent.toFixed(1) + '%'; }],
      ['meanResponse', t('meanResponseTime'), function (r) { return minutes(r.meanResponseSeconds); }],
      ['driverEvents', t('driverEvents'), function (r) {
        if (r.driverEventsByType === null) { return t('provinceOnly'); }
        return Object.keys(r.driverEventsByType).reduce(function (sum, type) { return sum + r.driverEventsByType[type]; }, 0);
      }]);
    var tbody = $('report-table').querySelector('tbody');
    tbody.textContent = '';
    rows.forEach(function (figure) {
      var row = document.createElement('tr');
      row.setAttribute('data-figure', figure[0]);
      cell(row, figure[1]);
      body.reports.forEach(function (r) {
        var td = cell(row, figure[2](r));
        td.className = 'figure-value';
        td.setAttribute('data-area', r.district || '');
      });
      tbody.appendChild(row);
    });
  }

  function drawTrends(trends) {
    var labels = trends.days.map(function (d) { return d.date.substring(8); });
    var byDay = [
      { label: t('calls'), data: trends.days.map(function (d) { return d.calls; }) },
      { label: t('incidents'), data: trends.days.map(function (d) { return d.emergencies; }) },
      { label: t('reachedWithinTarget'), data: trends.days.map(function (d) { return d.withinTarget; }) }
    ];
    var byShift = trends.shifts.map(function (shift) {
      return { label: t('shift.' + shift), data: trends.days.map(function (d) { return d.shifts[shift].emergencies; }) };
    });
    state.trendCharts = state.trendCharts || {};
    trendChart('day', 'line', t('trendByDay'), labels, byDay, false);
    trendChart('shift', 'bar', t('trendByShift'), labels, byShift, true);
  }

  function trendChart(name, type, title, labels, datasets, stacked) {
    var chart = state.trendCharts[name];
    if (chart) { chart.destroy(); }
    state.trendCharts[name] = new Chart($('trend-' + name + '-chart'), {
      type: type,
      data: { labels: labels, datasets: datasets },
      options: { animation: false, plugins: { title: { display: true, text: title } },
        scales: { x: { stacked: stacked }, y: { stacked: stacked, beginAtZero: true, ticks: { precision: 0 } } } }
    });
  }

  $('report-close').addEventListener('click', function () {
    state.report = null;
    $('report-view').hidden = true;
  });

  $('report-month').addEventListener('change', function () {
    if (state.report && $('report-month').value) {
      openReport(state.report.province, state.report.district, $('report-month').value);
    }
  });

  function drawEvents(events) {
    var body = $('events').querySelector('tbody');
    body.textContent = '';
    events.slice(0, 50).forEach(function (e) {
      var row = document.createElement('tr');
      cell(row, new Date(e.time).toLocaleString('en-GB'));
      cell(row, e.district);
      cell(row, e.vehicleId || e.deviceId);
      cell(row, e.type);
      body.appendChild(row);
    });
  }

  function stop() {
    if (state.timer) { clearInterval(state.timer); state.timer = null; }
  }

  $('login-form').addEventListener('submit', function (event) {
    event.preventDefault();
    $('login-error').textContent = '';
    var login = JSON.stringify({ user: $('user').value, password: $('password').value });
    fetch('login', { method: 'POST', body: login, headers: { 'Content-Type': 'application/json' }, credentials: 'same-origin' }).then(function (response) {
      if (response.ok) { return response.json().then(startDashboard); }
      $('login-error').textContent = t(response.status === 403 ? 'forbidden' : 'wrongPassword');
    });
  });

  $('logout').addEventListener('click', function () {
    fetch('logout', { method: 'POST', credentials: 'same-origin' }).then(function () { stop(); show('login'); });
  });

  $('language').addEventListener('change', function () {
    localStorage.setItem(languageKey(), $('language').value);
    loadLanguage($('language').value).then(function () { if (state.user) { refresh(); } });
  });

  // Each table names its columns' message keys in data-columns, and this one function writes its header row,
  // so the page does not repeat the header markup per panel. It runs before the texts are applied.
  function writeTableHeads() {
    document.querySelectorAll('table[data-columns]').forEach(function (table) {
      var row = document.createElement('tr');
      table.getAttribute('data-columns').split(' ').forEach(function (key) {
        var th = document.createElement('th');
        th.setAttribute('data-i18n', key);
        th.textContent = key;
        row.appendChild(th);
      });
      table.createTHead().appendChild(row);
      if (!table.tBodies.length) { table.createTBody(); }
    });
  }

  writeTableHeads();
  loadLanguage('en').then(function () {
    fetch('session', { credentials: 'same-origin' }).then(function (response) {
      if (response.ok) { return response.json().then(startDashboard); }
      show('login');
    });
  });
}());
