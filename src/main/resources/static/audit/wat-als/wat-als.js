// Decision what-if (docs/wat-als.md): posts the candidate to /api/audit/beslissingen/{key}/wat-als as a background
// run, follows its progress and shows every evaluation whose outcome would change, old and new side by side.
(function () {
  'use strict';
  var tijd = new Intl.DateTimeFormat('nl-NL', { dateStyle: 'short', timeStyle: 'medium', timeZone: 'Europe/Amsterdam' });
  var getal = new Intl.NumberFormat('nl-NL');
  var csrfKop = document.querySelector('meta[name="csrf-header"]').content;
  var csrfWaarde = document.querySelector('meta[name="csrf-token"]').content;
  var formulier = document.getElementById('watals-formulier');
  var keuze = document.getElementById('beslissing');
  var versie = document.getElementById('versie');
  var bestand = document.getElementById('bestand');
  var status = document.getElementById('status');
  var fouten = document.getElementById('fouten');
  var knop = document.getElementById('berekenen');
  var beslissingen = [];
  var PROBLEMEN = { ONTBREEKT: 'invoer ontbreekt', TYPE: 'ander type', ONLEESBAAR: 'waarde onleesbaar',
    EVALUATIE: 'evaluatie mislukt' };

  function json(antwoord) {
    if (antwoord.status === 401) { location.href = '/audit/inloggen'; return Promise.reject(new Error('Niet ingelogd.')); }
    return antwoord.json().then(function (j) { return { status: antwoord.status, ok: antwoord.ok, json: j }; });
  }

  function cel(rij, inhoud) {
    var td = document.createElement('td');
    if (inhoud instanceof Node) { td.appendChild(inhoud); } else { td.textContent = inhoud == null ? '' : inhoud; }
    rij.appendChild(td);
    return td;
  }

  function zaakLink(zaaknummer) {
    if (!zaaknummer) { return document.createTextNode('(buiten een proces)'); }
    var a = document.createElement('a');
    a.href = '/audit/zaken/' + encodeURIComponent(zaaknummer);
    a.textContent = zaaknummer;
    return a;
  }

  function waarde(w) {
    if (w === null || w === undefined) { return 'leeg'; }
    if (typeof w === 'object') { return JSON.stringify(w); }
    return String(w);
  }

  function uitkomst(beslissing, soort) {
    var blok = document.createElement('div');
    blok.className = 'uitkomst-' + soort;
    if (!beslissing.regels.length) {
      var geen = document.createElement('p');
      geen.textContent = 'geen regel geraakt';
      blok.appendChild(geen);
    }
    beslissing.regels.forEach(function (r) {
      var p = document.createElement('p');
      var sterk = document.createElement('strong');
      sterk.textContent = Object.keys(r.uitvoer).map(function (k) { return k + ' = ' + waarde(r.uitvoer[k]); }).join(', ');
      p.appendChild(sterk);
      p.appendChild(document.createElement('br'));
      var regel = document.createElement('span');
      regel.className = 'klein';
      regel.textContent = 'regel ' + r.nummer + ' (' + r.id + ')' + (r.annotatie ? ': ' + r.annotatie : '');
      p.appendChild(regel);
      blok.appendChild(p);
    });
    if (beslissing.verzameld !== null && beslissing.verzameld !== undefined) {
      var v = document.createElement('p');
      v.textContent = 'totaal: ' + waarde(beslissing.verzameld);
      blok.appendChild(v);
    }
    return blok;
  }

  function invoerLijst(invoer) {
    var lijst = document.createElement('ul');
    lijst.className = 'klein';
    invoer.forEach(function (i) {
      var li = document.createElement('li');
      li.textContent = i.expressie + ' = ' + waarde(i.waarde);
      li.title = i.kolom;
      lijst.appendChild(li);
    });
    return lijst;
  }

  function laadBeslissingen() {
    fetch('/api/audit/beslissingen', { credentials: 'same-origin', headers: { Accept: 'application/json' } })
      .then(json)
      .then(function (a) {
        if (!a.ok) { throw new Error(a.json.detail || ('Fout ' + a.status)); }
        beslissingen = a.json;
        keuze.textContent = '';
        beslissingen.forEach(function (b) {
          var o = document.createElement('option');
          o.value = b.sleutel;
          o.textContent = b.sleutel + (b.naam ? ' — ' + b.naam : '');
          keuze.appendChild(o);
        });
        var gevraagd = new URLSearchParams(location.search).get('beslissing');
        if (gevraagd) { keuze.value = gevraagd; }
        vulVersies();
      })
      .catch(function (fout) { toonFouten([fout.message]); });
  }

  function vulVersies() {
    var b = beslissingen.filter(function (x) { return x.sleutel === keuze.value; })[0];
    versie.textContent = '';
    (b ? b.versies : []).forEach(function (v) {
      var o = document.createElement('option');
      o.value = v.versie;
      o.textContent = 'versie ' + v.versie + (v.versieTag ? ' (' + v.versieTag + ')' : '');
      versie.appendChild(o);
    });
  }

  function bronGewijzigd() {
    var metVersie = document.getElementById('bron-versie').checked;
    versie.disabled = !metVersie;
    bestand.disabled = metVersie;
  }

  function toonFouten(regels) {
    fouten.textContent = '';
    var kop = document.createElement('p');
    kop.className = 'fout';
    kop.textContent = 'Er is niets berekend:';
    fouten.appendChild(kop);
    var lijst = document.createElement('ul');
    regels.forEach(function (r) { var li = document.createElement('li'); li.textContent = r; lijst.appendChild(li); });
    fouten.appendChild(lijst);
    fouten.classList.remove('verborgen');
    fouten.focus();
    status.textContent = '';
    knop.disabled = false;
  }

  var VELDEN = { van: 'Geëvalueerd vanaf', tot: 'tot en met', kandidaat: 'Kandidaat', versie: 'Versie',
    achtergrond: 'Achtergrond' };

  function bereken(e) {
    e.preventDefault();
    fouten.classList.add('verborgen');
    document.getElementById('uitkomst').classList.add('verborgen');
    var metVersie = document.getElementById('bron-versie').checked;
    var lokaal = [];
    if (!keuze.value) { lokaal.push('Beslissing: kies een beslissing.'); }
    if (!document.getElementById('van').value) { lokaal.push('Geëvalueerd vanaf: vul een datum in.'); }
    if (!document.getElementById('tot').value) { lokaal.push('tot en met: vul een datum in.'); }
    if (!metVersie && !bestand.files.length) { lokaal.push('Kandidaat: kies een DMN-bestand.'); }
    if (lokaal.length) { toonFouten(lokaal); return; }
    var vraag = new URLSearchParams({ van: document.getElementById('van').value,
      tot: document.getElementById('tot').value, achtergrond: 'true' });
    if (metVersie) { vraag.set('versie', versie.value); }
    var koppen = { Accept: 'application/json' };
    koppen[csrfKop] = csrfWaarde;
    if (!metVersie) { koppen['Content-Type'] = 'application/xml'; }
    knop.disabled = true;
    status.textContent = 'Berekening gestart…';
    fetch('/api/audit/beslissingen/' + encodeURIComponent(keuze.value) + '/wat-als?' + vraag,
      { method: 'POST', credentials: 'same-origin', headers: koppen, body: metVersie ? null : bestand.files[0] })
      .then(json)
      .then(function (a) {
        if (a.status === 202 || a.status === 200) { volg(a.json); return; }
        var regels = (a.json.errors || []).map(function (f) { return (VELDEN[f.field] || f.field) + ': ' + f.message; });
        toonFouten(regels.length ? regels : [a.json.detail || ('Fout ' + a.status)]);
      })
      .catch(function (fout) { toonFouten([fout.message]); });
  }

  function voortgang(run) {
    document.getElementById('voortgang-blok').classList.remove('verborgen');
    var balk = document.getElementById('voortgang');
    balk.value = run.procent;
    balk.textContent = run.procent + '%';
    document.getElementById('voortgang-tekst').textContent = getal.format(run.verwerkt) + ' van '
      + getal.format(run.totaal) + ' evaluaties (' + run.procent + '%)';
  }

  function volg(run) {
    voortgang(run);
    if (run.status === 'KLAAR') { toon(run); return; }
    if (run.status === 'MISLUKT') { toonFouten(['De berekening is mislukt: ' + run.fout]); return; }
    status.textContent = 'Bezig: ' + getal.format(run.verwerkt) + ' van ' + getal.format(run.totaal) + ' evaluaties.';
    setTimeout(function () {
      fetch('/api/audit/beslissingen/wat-als/' + encodeURIComponent(run.id),
        { credentials: 'same-origin', headers: { Accept: 'application/json' } })
        .then(json)
        .then(function (a) {
          if (!a.ok) { throw new Error(a.json.detail || ('Fout ' + a.status)); }
          volg(a.json);
        })
        .catch(function (fout) { toonFouten([fout.message]); });
    }, 400);
  }

  function toon(run) {
    knop.disabled = false;
    var dl = document.getElementById('samenvatting');
    dl.textContent = '';
    [['Beslissing', run.beslissing],
      ['Kandidaat', run.kandidaat.naam + (run.kandidaat.bron === 'BESTAND' ? ' (bestand, niet gedeployd)' : ' (gedeployd)')],
      ['Periode', run.van + ' tot en met ' + run.tot],
      ['Evaluaties', getal.format(run.totaal)],
      ['Andere uitkomst', getal.format(run.gewijzigd)],
      ['Zelfde uitkomst', getal.format(run.ongewijzigd)],
      ['Niet te vergelijken', getal.format(run.nietVergelijkbaar)],
      ['Snelheid', run.evaluatiesPerSeconde == null ? '' : getal.format(run.evaluatiesPerSeconde) + ' evaluaties per seconde']
    ].forEach(function (p) {
      var dt = document.createElement('dt'); dt.textContent = p[0]; dl.appendChild(dt);
      var dd = document.createElement('dd'); dd.textContent = p[1]; dl.appendChild(dd);
    });
    var tbody = document.querySelector('#wijzigingen tbody');
    tbody.textContent = '';
    run.wijzigingen.forEach(function (w) {
      var rij = document.createElement('tr');
      cel(rij, zaakLink(w.zaaknummer));
      cel(rij, tijd.format(new Date(w.geevalueerdOp)));
      cel(rij, w.versie + (w.versieTag ? ' (' + w.versieTag + ')' : ''));
      cel(rij, invoerLijst(w.invoer));
      cel(rij, uitkomst(w.oud, 'oud'));
      cel(rij, uitkomst(w.nieuw, 'nieuw'));
      tbody.appendChild(rij);
    });
    document.getElementById('wijzigingen').classList.toggle('verborgen', run.wijzigingen.length === 0);
    document.getElementById('wijzigingen-leeg').classList.toggle('verborgen', run.gewijzigd > 0);
    var kolommen = document.querySelector('#kolommen tbody');
    kolommen.textContent = '';
    run.kolomProblemen.forEach(function (k) {
      var rij = document.createElement('tr');
      cel(rij, k.kolom); cel(rij, k.expressie); cel(rij, PROBLEMEN[k.probleem] || k.probleem);
      cel(rij, getal.format(k.aantal));
      kolommen.appendChild(rij);
    });
    var niet = document.querySelector('#niet-vergelijkbaar tbody');
    niet.textContent = '';
    run.nietVergelijkbareEvaluaties.forEach(function (n) {
      var rij = document.createElement('tr');
      cel(rij, zaakLink(n.zaaknummer));
      cel(rij, tijd.format(new Date(n.geevalueerdOp)));
      cel(rij, n.versie);
      cel(rij, n.kolommen.map(function (k) { return (k.kolom ? k.kolom + ': ' : '') + k.melding; }).join('; '));
      niet.appendChild(rij);
    });
    document.getElementById('kolommen-blok').classList.toggle('verborgen', run.nietVergelijkbaar === 0);
    document.getElementById('uitkomst').classList.remove('verborgen');
    status.textContent = 'Klaar: ' + getal.format(run.totaal) + ' evaluaties doorgerekend, ' + getal.format(run.gewijzigd)
      + (run.gewijzigd === 1 ? ' zou anders uitvallen' : ' zouden anders uitvallen')
      + (run.nietVergelijkbaar ? ', ' + getal.format(run.nietVergelijkbaar) + ' niet te vergelijken' : '') + '.'
      + (run.wijzigingenAfgekapt ? ' De tabel toont de eerste ' + getal.format(run.wijzigingen.length) + '.' : '');
  }

  keuze.addEventListener('change', vulVersies);
  document.getElementById('bron-bestand').addEventListener('change', bronGewijzigd);
  document.getElementById('bron-versie').addEventListener('change', bronGewijzigd);
  formulier.addEventListener('submit', bereken);
  var begin = new URLSearchParams(location.search);
  ['van', 'tot'].forEach(function (v) { if (begin.get(v)) { document.getElementById(v).value = begin.get(v); } });
  laadBeslissingen();
}());
