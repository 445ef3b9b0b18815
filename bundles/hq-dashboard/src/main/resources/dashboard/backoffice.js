// Back-office panels of the HQ dashboard: procedure compliance, driving events and the audit chain check
// per district. They read the same API as app.js, follow the language app.js sets on <html>, and refresh
// more slowly because a chain check reads every audit record.
(function () {
  'use strict';

  var REFRESH_MS = 30000;
  var state = { lang: null, texts: {} };

  function $(id) { return document.getElementById(id); }

  function t(key, values) {
    var text = state.texts[key] || key;
    Object.keys(values || {}).forEach(function (name) { text = text.replace('{' + name + '}', values[name]); });
    return text;
  }

  function loadTexts() {
    var lang = document.documentElement.lang || 'en';
    if (lang === state.lang) { return Promise.resolve(); }
    return fetch('i18n/' + lang + '.json', { cache: 'no-cache' })
      .then(function (response) { return response.json(); })
      .then(function (texts) { state.lang = lang; state.texts = texts; });
  }

  function api(path) {
    return fetch('../api/v1/' + path, { credentials: 'same-origin', cache: 'no-cache' }).then(function (response) {
      if (!response.ok) { throw new Error(path + ': HTTP ' + response.status); }
      return response.json();
    });
  }

  function cell(row, text) {
    var td = document.createElement('td');
    td.textContent = text;
    row.appendChild(td);
    return td;
  }

  function percent(score) {
    return score.scorePercent === null ? '-' : score.scorePercent + '%';
  }

  function scoreList(scores) {
    if (!scores.length) { return t('none'); }
    return scores.map(function (s) { return s.key + ' ' + percent(s); }).join(', ');
  }

  function drawCompliance(districts) {
    var body = $('compliance').querySelector('tbody');
    body.textContent = '';
    districts.forEach(function (d) {
      var row = document.createElement('tr');
      row.setAttribute('data-district', d.district);
      cell(row, d.district);
      cell(row, d.incidents);
      cell(row, percent(d.score)).className = 'score';
      cell(row, d.score.met);
      cell(row, d.score.late);
      cell(row, d.score.missed);
      cell(row, scoreList(d.byShift));
      cell(row, scoreList(d.byStation));
      cell(row, d.worstOffenders.length ? d.worstOffenders.map(function (p) {
        return p.key + ' ' + percent(p) + ' (' + t('lateMissed', { late: p.late, missed: p.missed }) + ')';
      }).join(', ') : t('none'));
      cell(row, d.mostMissedSteps.length ? d.mostMissedSteps.map(function (s) {
        return s.key + ' (' + t('lateMissed', { late: s.late, missed: s.missed }) + ')';
      }).join(', ') : t('none'));
      body.appendChild(row);
    });
  }

  function drawDriverEvents(districts) {
    var body = $('driver-events').querySelector('tbody');
    body.textContent = '';
    districts.forEach(function (d) {
      var row = document.createElement('tr');
      row.setAttribute('data-district', d.district);
      cell(row, d.district);
      cell(row, d.events);
      cell(row, Object.keys(d.byKind).sort().map(function (kind) { return kind + ' ' + d.byKind[kind]; }).join(', '));
      cell(row, d.topVehicles.map(function (v) { return v.vehicleId + ' ' + v.events; }).join(', ') || t('none'));
      cell(row, d.topDrivers.map(function (v) { return v.driverId + ' ' + v.events; }).join(', ') || t('none'));
      body.appendChild(row);
    });
  }

  function drawAudit(districts) {
    var body = $('audit-chains').querySelector('tbody');
    body.textContent = '';
    districts.forEach(function (d) {
      var row = document.createElement('tr');
      row.setAttribute('data-district', d.district);
      if (!d.intact) { row.className = 'stale'; }
      cell(row, d.district);
      cell(row, d.records);
      var result = cell(row, d.intact ? t('auditIntact', { n: d.verified }) : t('auditBroken', { n: d.firstBroken }));
      result.className = d.intact ? 'state-live' : 'state-stale';
      // The reason comes from the server in English; it stays available as the cell's tooltip.
      if (d.reason) { result.title = d.reason; }
      body.appendChild(row);
    });
  }

  function refresh() {
    if ($('dashboard-view').hidden) { return; }
    Promise.all([loadTexts(), api('compliance'), api('driver-events'), api('audit/verify')]).then(function (results) {
      drawCompliance(results[1].districts);
      drawDriverEvents(results[2].districts);
      drawAudit(results[3].districts);
    }).catch(function (error) { console.error(error); });
  }

  // Redraw when app.js shows the dashboard after a login or switches the language.
  new MutationObserver(refresh).observe($('dashboard-view'), { attributes: true, attributeFilter: ['hidden'] });
  new MutationObserver(refresh).observe(document.documentElement, { attributes: true, attributeFilter: ['lang'] });
  setInterval(refresh, REFRESH_MS);
}());
