// The replay page of one case: reads /api/audit/zaken/{zaaknummer} with the browser's login session and draws the
// timeline, each process diagram (bpmn-js) with the path taken, each decision table (dmn-js) with the matched rules,
// and the read-access log. Plain script, no build step; the viewers are vendored under /audit/vendor/.
(function () {
  'use strict';

  var SOORTEN = {
    ACTIVITEIT: 'Activiteit', TAAK: 'Taak', BERICHT: 'Bericht', TIMER: 'Timer', BUITENSYSTEEM: 'Buitensysteem',
    INCIDENT: 'Incident', BEWERKING: 'Bewerking', BESLISSING: 'Beslissing'
  };
  var TERMIJN = { OP_TIJD: 'binnen de termijn', TE_LAAT: 'na de termijn', OPEN: 'open, binnen de termijn',
    OPEN_VERSTREKEN: 'open, termijn verstreken' };
  var tijd = new Intl.DateTimeFormat('nl-NL', { dateStyle: 'short', timeStyle: 'medium', timeZone: 'Europe/Amsterdam' });
  var zaaknummer = decodeURIComponent(location.pathname.split('/')[3] || '');

  function el(naam, attributen, inhoud) {
    var e = document.createElement(naam);
    Object.keys(attributen || {}).forEach(function (a) { e.setAttribute(a, attributen[a]); });
    (Array.isArray(inhoud) ? inhoud : inhoud === undefined || inhoud === null ? [] : [inhoud]).forEach(function (d) {
      e.appendChild(typeof d === 'string' || typeof d === 'number' ? document.createTextNode(String(d)) : d);
    });
    return e;
  }
  function t(waarde) { return waarde ? tijd.format(new Date(waarde)) : ''; }
  function duur(minuten) {
    if (minuten === undefined || minuten === null) { return ''; }
    var d = Math.floor(minuten / 1440), u = Math.floor((minuten % 1440) / 60), m = minuten % 60;
    return (d ? d + ' d ' : '') + (u ? u + ' u ' : '') + (d ? '' : m + ' min');
  }
  function cel(tekst) { return el('td', {}, tekst); }
  function status(tekst, fout) {
    var s = document.getElementById('status');
    s.textContent = tekst;
    s.className = fout ? 'fout' : '';
  }

  function laad() {
    document.getElementById('titel').textContent = 'Reconstructie van zaak ' + zaaknummer;
    document.title = 'Reconstructie ' + zaaknummer + ' — Keten HG/KM';
    fetch('/api/audit/zaken/' + encodeURIComponent(zaaknummer) + '?weergave=pagina',
        { credentials: 'same-origin', headers: { Accept: 'application/json' } })
      .then(function (antwoord) {
        if (antwoord.status === 401) { location.href = '/audit/inloggen'; return null; }
        return antwoord.json().then(function (json) {
          if (!antwoord.ok) { throw new Error((json.title ? json.title + ': ' : '') + (json.detail || antwoord.status)); }
          return json;
        });
      })
      .then(function (r) { if (r) { toon(r); } })
      .catch(function (fout) { status(fout.message, true); });
  }

  function toon(r) {
    var samenvatting = document.getElementById('samenvatting');
    var rijen = [['Zaaknummer', r.zaaknummer], ['Soort zaak', r.zaaktype === 'HUISVERBOD' ? 'Tijdelijk huisverbod'
        : 'Veilig Thuis-zaak'], ['Regio', r.regio],
      ['Processen', r.processen.length + ' (' + r.processen.map(function (p) { return p.naam; }).join(', ') + ')']];
    (r.gekoppeldeZaken || []).forEach(function (g) {
      rijen.push(['Gekoppelde zaak', el('span', {}, [el('a', { href: '/audit/zaken/' + g.zaaknummer }, g.zaaknummer),
        ' — ' + g.relatie])]);
    });
    rijen.forEach(function (rij) { samenvatting.appendChild(el('dt', {}, rij[0])); samenvatting.appendChild(el('dd', {}, rij[1])); });
    document.getElementById('export').href = '/audit/zaken/' + encodeURIComponent(r.zaaknummer) + '/export';
    document.getElementById('opgesteld').textContent = 'Opgesteld op ' + t(r.opgesteldOp) + ' voor ' + r.opgesteldDoor
      + ' uit de historie van de procesengine en het audittrail van de zaak.';
    tijdlijn(r);
    inzage(r);
    document.getElementById('zaak').classList.remove('verborgen');
    status(r.tijdlijn.length + ' gebeurtenissen in ' + r.processen.length + ' processen, '
      + r.beslissingen.length + ' beslissingen.');
    diagrammen(r).then(function () { return beslissingen(r); }).then(function () {
      document.body.setAttribute('data-geladen', 'ja');
    });
  }

  function tijdlijn(r) {
    var filters = document.getElementById('filters');
    Object.keys(SOORTEN).forEach(function (soort) {
      var aantal = r.tijdlijn.filter(function (g) { return g.soort === soort; }).length;
      var vak = el('input', { type: 'checkbox', id: 'filter-' + soort, checked: 'checked', 'data-soort': soort });
      vak.addEventListener('change', function () {
        document.querySelectorAll('#tijdlijn-tabel tr[data-soort="' + soort + '"]').forEach(function (rij) {
          rij.classList.toggle('verborgen', !vak.checked);
        });
      });
      filters.appendChild(el('label', { for: 'filter-' + soort }, [vak, ' ' + SOORTEN[soort] + ' (' + aantal + ')']));
    });
    var tbody = document.querySelector('#tijdlijn-tabel tbody');
    r.tijdlijn.forEach(function (g) {
      var wat = el('td', {}, [el('span', {}, g.omschrijving || g.activiteit || '')]);
      var extra = details(g);
      if (extra) { wat.appendChild(extra); }
      var rij = el('tr', { 'data-soort': g.soort, class: g.soort === 'INCIDENT' ? 'incident' : '' }, [
        cel(t(g.tijdstip)), el('td', {}, el('span', { class: 'soort soort-' + g.soort }, SOORTEN[g.soort] || g.soort)),
        cel(g.proces || 'zaak'), wat, cel(g.gebruiker || ''), el('td', { class: 'klein' }, g.bron || '')]);
      tbody.appendChild(rij);
    });
  }

  function details(g) {
    var d = g.details || {};
    var regels = [];
    if (g.soort === 'TAAK') {
      if (d.kandidaatGroepen && d.kandidaatGroepen.length) { regels.push('kandidaatgroep: ' + d.kandidaatGroepen.join(', ')); }
      if (d.geclaimdDoor) { regels.push('geclaimd door ' + d.geclaimdDoor + ' op ' + t(d.geclaimdOp)); }
      if (d.afgerondOp) { regels.push('afgerond door ' + (d.afgerondDoor || 'onbekend') + ' op ' + t(d.afgerondOp)); }
      regels.push('gewacht: ' + duur(d.gewachtMinuten));
      if (d.uiterlijk) { regels.push('uiterlijk ' + t(d.uiterlijk) + ': ' + (TERMIJN[d.termijn] || d.termijn)); }
      if (d.beeindigd) { regels.push('beëindigd: ' + d.beeindigd); }
    } else if (g.soort === 'BUITENSYSTEEM' && d.verloop) {
      regels.push(d.pogingen + ' poging(en), ' + d.mislukt + ' mislukt; uitkomst ' + d.uitkomst);
      d.verloop.forEach(function (p) {
        regels.push(t(p.tijdstip) + ': ' + (p.geslaagd ? 'geslaagd' : 'mislukt — ' + (p.melding || '')
          + (p.pogingenOver !== undefined ? ' (nog ' + p.pogingenOver + ' pogingen)' : '')));
      });
    } else if (g.soort === 'INCIDENT') {
      regels.push('status: ' + d.status + (d.beeindigdOp ? ' op ' + t(d.beeindigdOp) : ''));
      if (d.hersteldDoor) { regels.push('hersteld door ' + d.hersteldDoor + ' op ' + t(d.hersteldOp) + ': ' + d.herstel); }
    } else if (g.soort === 'TIMER' && d.gepland) {
      regels.push('gepland op ' + t(d.gepland));
    } else if (g.soort === 'BESLISSING') {
      regels.push('geraakte regels: ' + ((d.regels || []).join(', ') || 'geen'));
    } else if (g.soort === 'BEWERKING' && d.operatie) {
      regels.push('operatie ' + d.operatie + ' op ' + d.object);
    }
    if (!regels.length) { return null; }
    return el('ul', { class: 'klein' }, regels.map(function (tekst) { return el('li', {}, tekst); }));
  }

  function inzage(r) {
    var tbody = document.querySelector('#inzage-tabel tbody');
    r.inzage.slice().reverse().forEach(function (i) {
      tbody.appendChild(el('tr', {}, [cel(t(i.tijdstip)), cel(i.gebruiker), cel(i.rollen), cel(i.wat),
        cel({ GETOOND: 'getoond', GEWEIGERD: 'geweigerd', NIET_GEVONDEN: 'niet gevonden', ONGELDIG: 'ongeldig verzoek' }[i.uitkomst] || i.uitkomst),
        cel(i.adres || '')]));
    });
  }

  function haal(url) {
    return fetch(url, { credentials: 'same-origin' }).then(function (a) {
      if (!a.ok) { throw new Error('Model niet geladen (' + a.status + ')'); }
      return a.text();
    });
  }

  function diagrammen(r) {
    var lijst = document.getElementById('diagram-lijst');
    var volgorde = Promise.resolve();
    r.processen.forEach(function (p) {
      var sectie = el('section', { id: 'proces-' + p.id, 'aria-labelledby': 'kop-' + p.id, tabindex: '-1' });
      var bovenliggend = p.bovenliggendId ? r.processen.filter(function (q) { return q.id === p.bovenliggendId; })[0] : null;
      sectie.appendChild(el('h3', { id: 'kop-' + p.id }, p.naam + ' — ' + p.zaaknummer + ' (versie ' + p.versie
        + (p.versieLabel ? ', ' + p.versieLabel : '') + ')'));
      var info = el('p', { class: 'uitleg' }, 'Gestart ' + t(p.start) + (p.einde ? ', beëindigd ' + t(p.einde) : ', loopt nog')
        + ' · status ' + p.status.toLowerCase().replace(/_/g, ' ') + ' · definitie ' + p.definitieId);
      if (bovenliggend) {
        info.appendChild(document.createTextNode(' · aangeroepen vanuit '));
        info.appendChild(el('a', { href: '#proces-' + bovenliggend.id }, bovenliggend.naam));
      }
      sectie.appendChild(info);
      var doek = el('div', { class: 'diagram', id: 'diagram-' + p.id, role: 'img',
        'aria-label': 'Diagram van ' + p.naam + ' met het gevolgde pad; de tabel eronder geeft dezelfde gegevens.' });
      sectie.appendChild(doek);
      sectie.appendChild(activiteitenTabel(p));
      lijst.appendChild(sectie);
      volgorde = volgorde.then(function () { return teken(p, doek, r); });
    });
    return volgorde;
  }

  function activiteitenTabel(p) {
    var tabel = el('table', {}, [el('thead', {}, el('tr', {}, ['Element', 'Soort', 'Keer', 'Eerst gestart',
      'Laatst beëindigd'].map(function (k) { return el('th', { scope: 'col' }, k); })))]);
    var tbody = el('tbody');
    p.activiteiten.forEach(function (a) {
      tbody.appendChild(el('tr', {}, [cel(a.naam + (a.open ? ' (huidige positie)' : '')), cel(a.type), cel(a.aantal),
        cel(t(a.eerste)), cel(t(a.laatste))]));
    });
    tabel.appendChild(tbody);
    return el('details', {}, [el('summary', {}, 'Doorlopen elementen als tabel (' + p.activiteiten.length + ')'), tabel]);
  }

  function teken(p, doek, r) {
    return haal('/api/audit/modellen/proces/' + encodeURIComponent(p.definitieId)).then(function (xml) {
      var viewer = new window.BpmnJS({ container: doek });
      return viewer.importXML(xml).then(function () {
        var canvas = viewer.get('canvas');
        var register = viewer.get('elementRegistry');
        var overlays = viewer.get('overlays');
        canvas.zoom('fit-viewport');
        var perElement = {};
        p.activiteiten.forEach(function (a) { perElement[a.activiteitId] = a; });
        var aanroepen = {};
        (p.aanroepen || []).forEach(function (a) { aanroepen[a.activiteitId] = a.processInstanceIds; });
        p.activiteiten.forEach(function (a) {
          var element = register.get(a.activiteitId);
          if (!element) { return; }
          canvas.addMarker(a.activiteitId, a.open ? 'huidig' : 'doorlopen');
          var gfx = register.getGraphics(a.activiteitId);
          var titel = document.createElementNS('http://www.w3.org/2000/svg', 'title');
          titel.textContent = a.naam + ': ' + a.aantal + ' keer; eerst ' + t(a.eerste)
            + (a.laatste ? ', laatst beëindigd ' + t(a.laatste) : '') + (a.open ? ' (huidige positie)' : '')
            + (aanroepen[a.activiteitId] ? ' — klik om het aangeroepen proces te zien' : '');
          gfx.insertBefore(titel, gfx.firstChild);
          if (element.waypoints === undefined && a.aantal > 1) {
            overlays.add(a.activiteitId, { position: { top: -8, right: 8 }, html: '<span class="telling">' + a.aantal + '×</span>' });
          }
          if (aanroepen[a.activiteitId]) { canvas.addMarker(a.activiteitId, 'aanroepbaar'); }
        });
        p.paden.forEach(function (pad) {
          if (!register.get(pad.flowId)) { return; }
          canvas.addMarker(pad.flowId, 'pad-afgeleid');
          var titel = document.createElementNS('http://www.w3.org/2000/svg', 'title');
          titel.textContent = 'Stroompijl genomen (afgeleid uit de volgorde van de activiteiten)';
          var gfx = register.getGraphics(pad.flowId);
          gfx.insertBefore(titel, gfx.firstChild);
        });
        viewer.get('eventBus').on('element.click', function (e) {
          var doelen = aanroepen[e.element.id];
          if (doelen && doelen.length) {
            var doel = document.getElementById('proces-' + doelen[0]);
            if (doel) { doel.scrollIntoView({ behavior: 'smooth' }); doel.focus({ preventScroll: true }); }
          }
        });
        Object.keys(aanroepen).forEach(function (activiteitId) {
          // keyboard: the call activities are links below the diagram too
          aanroepen[activiteitId].forEach(function (pi) {
            var doel = r.processen.filter(function (q) { return q.id === pi; })[0];
            if (doel) {
              doek.parentNode.insertBefore(el('p', { class: 'klein' }, [(perElement[activiteitId] || {}).naam || activiteitId,
                ' roept aan: ', el('a', { href: '#proces-' + pi }, doel.naam + ' (' + doel.zaaknummer + ')')]), doek.nextSibling);
            }
          });
        });
        doek.setAttribute('data-getekend', 'ja');
      });
    }).catch(function (fout) { doek.appendChild(el('p', { class: 'fout' }, 'Diagram niet getekend: ' + fout.message)); });
  }

  function beslissingen(r) {
    var lijst = document.getElementById('beslissing-lijst');
    if (!r.beslissingen.length) { lijst.appendChild(el('p', {}, 'In deze zaak is geen beslistabel geëvalueerd.')); }
    var volgorde = Promise.resolve();
    r.beslissingen.forEach(function (b, i) {
      var sectie = el('section', { 'aria-labelledby': 'beslissing-' + i, class: 'beslissing' });
      sectie.appendChild(el('h3', { id: 'beslissing-' + i }, b.naam + ' — ' + t(b.tijdstip)));
      sectie.appendChild(el('p', { class: 'uitleg' }, 'Tabel ' + b.beslissing + ', versie ' + b.versie
        + (b.versieLabel ? ' (' + b.versieLabel + ')' : '') + ', definitie ' + b.definitieId + ' · hit policy '
        + b.hitPolicy + (b.activiteit ? ' · in ' + b.activiteit + (b.proces ? ' (' + b.proces + ')' : '') : '')
        + (b.gebruiker ? ' · door ' + b.gebruiker : '')));
      var invoer = el('table', {}, [el('caption', {}, 'Invoer'), el('thead', {}, el('tr', {}, [el('th', { scope: 'col' }, 'Invoer'),
        el('th', { scope: 'col' }, 'Waarde')])), el('tbody', {}, b.invoer.map(function (w) {
          return el('tr', {}, [cel(w.label || w.id), cel(String(w.waarde))]);
        }))]);
      var uitvoer = el('table', {}, [el('caption', {}, 'Uitvoer'), el('thead', {}, el('tr', {}, [el('th', { scope: 'col' }, 'Uitvoer'),
        el('th', { scope: 'col' }, 'Waarde'), el('th', { scope: 'col' }, 'Regel')])), el('tbody', {}, b.uitvoer.length
          ? b.uitvoer.map(function (w) { return el('tr', {}, [cel(w.naam || w.label), cel(String(w.waarde)), cel(w.regelId || '')]); })
          : [el('tr', {}, el('td', { colspan: '3' }, 'Geen regel van toepassing'))])]);
      var regels = el('table', { class: 'regels' }, [el('caption', {}, 'Geraakte regels en hun bron'),
        el('thead', {}, el('tr', {}, [el('th', { scope: 'col' }, 'Nr.'), el('th', { scope: 'col' }, 'Regel'),
          el('th', { scope: 'col' }, 'Bron (annotatie van de regel)')])),
        el('tbody', {}, b.regels.map(function (g) {
          return el('tr', {}, [cel(g.volgorde), cel(g.id), el('td', { class: 'annotatie' }, g.annotatie || '')]);
        }))]);
      sectie.appendChild(invoer);
      sectie.appendChild(uitvoer);
      sectie.appendChild(regels);
      var doek = el('div', { class: 'dmn-tabel', id: 'dmn-' + i, role: 'region',
        'aria-label': 'Beslistabel ' + b.naam + ' versie ' + b.versie + ', geraakte regels gemarkeerd' });
      sectie.appendChild(doek);
      lijst.appendChild(sectie);
      volgorde = volgorde.then(function () { return tekenTabel(b, doek); });
    });
    return volgorde;
  }

  function tekenTabel(b, doek) {
    return haal('/api/audit/modellen/beslissing/' + encodeURIComponent(b.definitieId)).then(function (xml) {
      var viewer = new window.DmnJS({ container: doek });
      return viewer.importXML(xml).then(function () {
        var view = viewer.getViews().filter(function (v) { return v.type === 'decisionTable' && v.element.id === b.beslissing; })[0];
        return view ? viewer.open(view) : null;
      }).then(function () {
        b.regels.forEach(function (g) {
          doek.querySelectorAll('td[data-row-id="' + g.id + '"]').forEach(function (td) { td.classList.add('regel-geraakt'); });
        });
        // the first matched rule in view inside the table's own scroll box
        var eerste = doek.querySelector('td.regel-geraakt');
        if (eerste) {
          doek.scrollTop = Math.max(0, eerste.getBoundingClientRect().top - doek.getBoundingClientRect().top - 160);
        }
        doek.setAttribute('data-getekend', 'ja');
      });
    }).catch(function (fout) { doek.appendChild(el('p', { class: 'fout' }, 'Tabel niet getekend: ' + fout.message)); });
  }

  laad();
}());
