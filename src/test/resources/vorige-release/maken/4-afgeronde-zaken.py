exec(open("1-meldingen-en-huisverboden.py").read().split("# 1. melding")[0])
def een(user, bk, key):
    ts = taken(user, processInstanceBusinessKey=bk, taskDefinitionKey=key)
    return ts[0] if ts else None
s, a = req("POST", "/api/meldcode/afweging", "professional", {"antwoorden": {"q1Vermoeden": True, "q2AcuutOfStructureel": False, "q3EffectieveHulpMogelijk": True}, "toelichting": {"q1Vermoeden": "Blauwe plekken gezien.", "q2AcuutOfStructureel": "Eenmalig voorval.", "q3EffectieveHulpMogelijk": "Schoolmaatschappelijk werk beschikbaar."}}); print("afweging", s, a)
m6 = melding("FIX-M6", "utrecht", {"type":"BURGER","naam":"Henk Overbuur","email":"henk@example.org"},
  [{"rol":"SLACHTOFFER","naam":"Greet Oud","geboortedatum":"1940-02-02"}], {}, "Zorgen om een oudere buurvrouw.")
wachtJobs(15)
t = een("medewerker", m6["zaaknummer"], "veiligheidsbeoordeling")
complete("medewerker", t, dict(vvb([True,False,True,True,True,False,False,False,False,False,True]), toelichtingVeiligheidsbeoordeling="Zelfredzaam; geen vervolg.", melderRolInVervolg=False))
R = {"roodPleger": 0, "roodIncident": 1, "roodGezin": 0, "woontOfVerblijftNietIncidenteel": True, "ernstigOnmiddellijkGevaarOordeel": False}
b = {"externeReferentie": "FIX-H4", "regio": "utrecht", "gemeente": "utrecht", "incidentOp": "2026-12-02T20:00:00+01:00",
     "pleger": {"naam":"Jan Smit","geboortedatum":"1970-01-01"}, "achterblijvers": [{"naam":"Mien Smit","rol":"SLACHTOFFER"}], "kindermishandeling": False, "rihg": R}
s, h4 = req("POST", "/api/huisverboden", "agent", b); print("h4", s, h4)
wachtJobs(10)
t = een("hovj", h4["zaaknummer"], "besluit-oplegging")
complete("hovj", t, {"besluit": "NIET_OPLEGGEN", "opgelegdDoor": "HULPOFFICIER", "motivering": "Geen ernstig en onmiddellijk gevaar."})
wachtJobs(25)
