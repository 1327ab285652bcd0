exec(open("1-meldingen-en-huisverboden.py").read().split("# 1. melding")[0])
import json
Z = json.load(open("zaken.json"))
def een(user, bk, key):
    ts = taken(user, processInstanceBusinessKey=bk, taskDefinitionKey=key)
    return ts[0] if ts else None
m3 = Z["m"][2]["zaaknummer"]; h2 = Z["h"][1]["zaaknummer"]; h3 = Z["h"][2]["zaaknummer"]
t = een("medewerker", m3, "veiligheidsvoorwaarden-vaststellen")
complete("medewerker", t, {"veiligheidsvoorwaarden": "Geen geweld; pleger volgt agressieregulatietraining.", "overdrachtAan": "Wijkteam Utrecht-Oost"})
# claim m1's vervolgmelding by medewerker (claimed task state)
t = een("medewerker", Z["m"][0]["zaaknummer"], "vervolgmelding-wegen")
print(req("POST", f"/engine-rest/task/{t['id']}/claim", "medewerker", {"userId": "medewerker"})[0])
# h3: impose by hulpofficier
t = een("hovj", h3, "besluit-oplegging")
complete("hovj", t, {"besluit": "OPLEGGEN", "opgelegdDoor": "HULPOFFICIER", "opgelegdOp": "2026-12-03T01:30:00+01:00", "mondelingOpgelegd": False, "woningAdres": "Dorpsstraat 5, Nieuwegein", "bereikbaarheidsadres": "Hotel Centraal, Utrecht"})
# h2: VT overleg
t = een("medewerker", h2, "overleg-veilig-thuis")
if t: complete("medewerker", t, {"adviesVeiligThuis": "VT adviseert opleggen; kinderen in beeld."})
wachtJobs(25)
