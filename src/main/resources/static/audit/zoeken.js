// The case search of the auditor's pages: reads /api/audit/zaken with the browser's login session.
(function () {
  'use strict';
  var tijd = new Intl.DateTimeFormat('nl-NL', { dateStyle: 'short', timeStyle: 'short', timeZone: 'Europe/Amsterdam' });
  var formulier = document.getElementById('zoekformulier');
  var status = document.getElementById('status');

  function zoek(e) {
    if (e) { e.preventDefault(); }
    var vraag = new URLSearchParams();
    ['zaaknummer', 'regio', 'proces', 'van', 'tot'].forEach(function (veld) {
      var waarde = document.getElementById(veld).value.trim();
      if (waarde) { vraag.set(veld, waarde); }
    });
    if (document.getElementById('termijnGemist').checked) { vraag.set('termijnGemist', 'true'); }
    status.textContent = 'Zoeken…';
    status.className = '';
    fetch('/api/audit/zaken?' + vraag, { credentials: 'same-origin', headers: { Accept: 'application/json' } })
      .then(function (a) {
        if (a.status === 401) { location.href = '/audit/inloggen'; return null; }
        return a.json().then(function (json) {
          if (!a.ok) {
            var velden = (json.errors || []).map(function (f) { return f.field + ' ' + f.message; }).join('; ');
            throw new Error((json.detail || a.status) + (velden ? ' ' + velden + '.' : ''));
          }
          return json;
        });
      })
      .then(function (antwoord) { if (antwoord) { toon(antwoord); } })
      .catch(function (fout) { status.textContent = fout.message; status.className = 'fout'; });
  }

  function toon(antwoord) {
    var tabel = document.getElementById('resultaten');
    var tbody = tabel.querySelector('tbody');
    tbody.textContent = '';
    antwoord.zaken.forEach(function (z) {
      var rij = document.createElement('tr');
      var eerste = document.createElement('td');
      var link = document.createElement('a');
      link.href = '/audit/zaken/' + encodeURIComponent(z.zaaknummer);
      link.textContent = z.zaaknummer;
      eerste.appendChild(link);
      rij.appendChild(eerste);
      [z.zaaktype === 'HUISVERBOD' ? 'Tijdelijk huisverbod' : 'Veilig Thuis-zaak', z.regio,
        tijd.format(new Date(z.aangemaaktOp))].forEach(function (tekst) {
        var td = document.createElement('td');
        td.textContent = tekst;
        rij.appendChild(td);
      });
      tbody.appendChild(rij);
    });
    tabel.classList.toggle('verborgen', antwoord.zaken.length === 0);
    status.textContent = antwoord.zaken.length === 0 ? 'Geen zaken gevonden.'
      : antwoord.zaken.length + (antwoord.zaken.length === 1 ? ' zaak gevonden' : ' zaken gevonden') + (antwoord.meerDanGetoond ? ' (de nieuwste; verfijn de zoekvraag)' : '') + '.';
  }

  formulier.addEventListener('submit', zoek);
  var begin = new URLSearchParams(location.search);
  begin.forEach(function (waarde, veld) {
    var invoer = document.getElementById(veld);
    if (invoer) { if (invoer.type === 'checkbox') { invoer.checked = waarde === 'true'; } else { invoer.value = waarde; } }
  });
  zoek();
}());
