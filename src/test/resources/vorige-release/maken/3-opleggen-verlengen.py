exec(open("1-meldingen-en-huisverboden.py").read().split("# 1. melding")[0])
import json
Z = json.load(open("zaken.json"))
def een(user, bk, key):
    ts = taken(user, processInstanceBusinessKey=bk, taskDefinitionKey=key)
    return ts[0] if ts else None
m3 = Z["m"][2]["zaaknummer"]; h2 = Z["h"][1]; h3 = Z["h"][2]
t = een("wijkteam", m3, "overdracht-bevestigen")
complete("wijkteam", t, {"overdrachtGeaccepteerd": True, "toelichtingOverdracht": "Wijkteam neemt over; VT monitort."})
t = een("burgemeester", h2["zaaknummer"], "besluit-oplegging")
complete("burgemeester", t, {"besluit": "OPLEGGEN", "opgelegdDoor": "BURGEMEESTER", "opgelegdOp": "2026-12-03T08:00:00+01:00", "mondelingOpgelegd": True, "woningAdres": "Kerkstraat 1, Amsterdam", "motivering": "Na overleg met VT: ernstig en onmiddellijk gevaar voor de kinderen."})
wachtJobs(20)
def evaluatie(pi):
    s, jobs = req("GET", f"/engine-rest/job?processInstanceId={pi}&timers=true", "demo")
    for j in jobs:
        s, jd = req("GET", f"/engine-rest/job-definition/{j['jobDefinitionId']}", "demo")
        if jd["activityId"] == "Timer_Evaluatie":
            print("execute evaluatie", req("POST", f"/engine-rest/job/{j['id']}/execute", "demo")[0])
evaluatie(h3["processInstanceId"]); evaluatie(h2["processInstanceId"])
wachtJobs(5)
t = een("burgemeester", h2["zaaknummer"], "besluit-verlenging")
complete("burgemeester", t, {"verlengen": True, "dreigingZetVoort": True, "verlengdTot": "2026-12-24T08:00:00+01:00", "beslisser": "BURGEMEESTER", "verlengingMotivering": "Dreiging houdt aan."})
s, a = req("POST", "/engine-rest/message", "demo", {"messageName": "OvertredingHuisverbod", "businessKey": h2["zaaknummer"], "processVariables": {"overtredingOp": {"value": "2026-12-04T22:00:00+01:00", "type": "String"}, "omschrijving": {"value": "Pleger gezien bij de woning.", "type": "String"}}})
print("overtreding", s, a)
ts = taken("wijkteam", processInstanceBusinessKey=h3["zaaknummer"], taskDefinitionKey="eerste-contact")
if ts: complete("wijkteam", ts[0], {"contactGelegd": True, "hulpAanvaard": True, "toelichting": "Eerste gesprek gevoerd."})
# meldcode afweging by a professional, running
s, a = req("POST", "/api/meldcode/afweging", "professional", {"antwoorden": {"q1Vermoeden": True, "q2AcuutOfStructureel": False, "q3EffectieveHulpMogelijk": True}, "toelichting": {"q1Vermoeden": "Blauwe plekken gezien."}}); print("afweging", s, a)
wachtJobs(25)
