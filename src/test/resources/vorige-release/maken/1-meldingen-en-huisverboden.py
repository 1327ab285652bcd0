import json, urllib.request, base64, sys, time
B = "http://localhost:18080"
def req(method, path, user, body=None, ctype="application/json"):
    data = None if body is None else (json.dumps(body).encode() if ctype=="application/json" else body)
    r = urllib.request.Request(B+path, data=data, method=method)
    r.add_header("Authorization", "Basic "+base64.b64encode(f"{user}:demo".encode()).decode())
    if data is not None: r.add_header("Content-Type", ctype)
    try:
        with urllib.request.urlopen(r) as resp:
            t = resp.read().decode(); return resp.status, (json.loads(t) if t else None)
    except urllib.error.HTTPError as e:
        t = e.read().decode(); print("HTTP", e.code, method, path, t[:500]); return e.code, t

def melding(ref, regio, melder, betrokkenen, signalen, oms, ontvangen=None):
    b = {"externeReferentie": ref, "regio": regio, "melder": melder, "betrokkenen": betrokkenen, "signalen": signalen, "omschrijving": oms}
    if ontvangen: b["ontvangenOp"] = ontvangen
    s, a = req("POST", "/api/meldingen", "intake", b); print("melding", ref, s, a); return a

def taken(user, **q):
    qs = "&".join(f"{k}={v}" for k,v in q.items())
    s, a = req("GET", "/engine-rest/task?"+qs, user); return a

def v(d):
    out = {}
    for k, val in d.items():
        t = "Boolean" if isinstance(val, bool) else ("Integer" if isinstance(val, int) else "String")
        out[k] = {"value": val, "type": t}
    return {"variables": out}

def complete(user, task, vars):
    s, a = req("POST", f"/engine-rest/task/{task['id']}/complete", user, v(vars)); print("  complete", task["taskDefinitionKey"], task.get("name"), "->", s)

def wachtJobs(sec=25):
    time.sleep(sec)

VVB = ["betreftHGofKM","minderjarigeErnstigBedreigdMaatregelNodig","hgkmAannemelijk","betrokkenenWerkenMee","voldoendeInformatie","anonimiteitToegezegd","acuut","structureel","complexHerhaaldMeerdereLeefgebieden","passendeLopendeHulpverlening","zelfredzaamGeenVervolgNodig"]
def vvb(vals): return dict(zip(VVB, vals))

# 1. melding waiting at veiligheidsbeoordeling, BSN, burger
m1 = melding("FIX-M1", "utrecht", {"type":"BURGER","naam":"Karel Buurman","email":"karel@example.org"},
  [{"rol":"SLACHTOFFER","naam":"Anna Jansen","geboortedatum":"1990-01-31","bsn":"111222333"},{"rol":"KIND","naam":"Bram Jansen","geboortedatum":"2018-05-02"}],
  {"kindStelselmatigGetuigeHG": True}, "Buren horen al weken geschreeuw bij Anna Jansen.")
# 2. acute, protected reporter, amsterdam
m2 = melding("FIX-M2", "amsterdam-amstelland", {"type":"PROFESSIONAL","naam":"Dr. Els Huisarts","email":"els@example.org","anoniemNaarGezin":True},
  [{"rol":"SLACHTOFFER","naam":"Fatima El Amrani","geboortedatum":"1985-03-12","bsn":"123456782"},{"rol":"PLEGER","naam":"Youssef El Amrani","geboortedatum":"1983-07-01"}],
  {"directLevensgevaar": True}, "Acuut: dreiging met een mes.")
# 3. -> voorwaarden en vervolg -> monitoring
m3 = melding("FIX-M3", "utrecht", {"type":"POLITIE","naam":"Team Centrum","email":"centrum@example.org"},
  [{"rol":"SLACHTOFFER","naam":"Sanne Bakker","geboortedatum":"1995-09-09"},{"rol":"PLEGER","naam":"Tom Bakker","geboortedatum":"1993-02-02"}],
  {"herhalendeOfVoortdurendeOnveiligeGebeurtenissen": True}, "Herhaald geweld tussen partners.")
# 4. -> onderzoek VT
m4 = melding("FIX-M4", "amsterdam-amstelland", {"type":"POLITIE","naam":"Team Zuid","email":"zuid@example.org"},
  [{"rol":"KIND","naam":"Lotte de Groot","geboortedatum":"2015-11-11","bsn":"999999990"}],
  {"ontbrekenBasaleVerzorging": False, "ouderProblematiekHerhaaldBedreigendVoorKind": True}, "Zorgen over verwaarlozing.")
wachtJobs(20)
for zaak, vals in ((m3, [True,False,True,True,True,False,True,False,False,False,False]), (m4, [True,False,False,True,True,False,False,False,False,False,False])):
    ts = taken("medewerker", processInstanceBusinessKey=zaak["zaaknummer"], taskDefinitionKey="veiligheidsbeoordeling")
    for t in ts: complete("medewerker", t, dict(vvb(vals), toelichtingVeiligheidsbeoordeling="Fixture: beoordeeld.", melderRolInVervolg=False))
wachtJobs(20)
# 5. vervolgmelding on m1's persons
m5 = melding("FIX-M5", "utrecht", {"type":"PROFESSIONAL","naam":"Juf Petra","email":"petra@school.example.org"},
  [{"rol":"SLACHTOFFER","naam":"Anna Jansen","geboortedatum":"1990-01-31","bsn":"111222333"}],
  {"kindStelselmatigGetuigeHG": True}, "School maakt zich zorgen om Bram.")

def hv(ref, regio, gemeente, pleger, achter, km, rihg, woning=True):
    b = {"externeReferentie": ref, "regio": regio, "gemeente": gemeente, "incidentOp": "2026-12-02T23:30:00+01:00",
         "pleger": pleger, "achterblijvers": achter, "kindermishandeling": km, "rihg": rihg}
    if woning: b["woning"] = {"straat":"Oudegracht","huisnummer":"10","postcode":"3511AA","plaats":"Utrecht"}
    s, a = req("POST", "/api/huisverboden", "agent", b); print("huisverbod", ref, s, a); return a
R = {"roodPleger": 2, "roodIncident": 1, "roodGezin": 0, "woontOfVerblijftNietIncidenteel": True, "ernstigOnmiddellijkGevaarOordeel": True}
h1 = hv("FIX-H1", "utrecht", "utrecht", {"naam":"Piet de Vries","geboortedatum":"1985-06-01","bsn":"123456782"}, [{"naam":"Sara de Vries","rol":"SLACHTOFFER","geboortedatum":"1987-04-04"}], False, R)
h2 = hv("FIX-H2", "amsterdam-amstelland", "amsterdam", {"naam":"Kees Mulder","geboortedatum":"1979-01-01"}, [{"naam":"Ria Mulder","rol":"SLACHTOFFER"},{"naam":"Jip Mulder","rol":"KIND","geboortedatum":"2016-06-06"}], True, dict(R, roodIncident=2))
h3 = hv("FIX-H3", "utrecht", "nieuwegein", {"naam":"Ali Yilmaz","geboortedatum":"1990-10-10"}, [{"naam":"Elif Yilmaz","rol":"SLACHTOFFER"}], False, R)
wachtJobs(20)
json.dump({"m":[m1,m2,m3,m4,m5],"h":[h1,h2,h3]}, open("zaken.json","w"), indent=1)
