published 2026-02-17
E mauritania LOC Mauritania
E senegal LOC Senegal
E nouakchott LOC Nouakchott
E sahel ORG Sahel Press
E mauritanian MISC Mauritanian
E westaf MISC West African
E rosso LOC Rosso
E river LOC Senegal River
E malian MISC Malian
E guinean MISC Guinean
E senegalese MISC Senegalese
E atlantic LOC Atlantic
E canary LOC Canary Islands
E moi ORG Interior Ministry
E sidi PER Mohamed Lemine Ould Sidi
E camara PER Ibrahima Camara
E conakry LOC Conakry
E mamadou PER Mamadou
E diop PER Aïssatou Diop
E smrn ORG Sahel Migrants' Rights Network
E dakar LOC Dakar
E ndiaye PER Fatou Ndiaye
E unhcr ORG UNHCR
E un ORG UN
E saintlouis LOC Saint-Louis
E eu ORG European Union
V sweep arrest | the Rosso crossing | 2026-02-14 on | detained:exact:640
V hurt injury | a holding centre in Rosso | 2026-02-15 on | injured:at_least:9
V death death | - | 2026-02-15 on |
V summon meeting | - | 2026-02-16 on |
V stmt statement | - | 2026-02-16 on |
V deny denial | - | 2026-02-16 on |
V report report | - | 2026-01 during |
V warn warning | - | 2025-12 during |
V march protest | the regional governor's office | 2026-02-16 on |
V old arrest | - | 2024 during | detained:about:1200
T old | - | - | about 1,200 migrants detained in 2024
T warn | cwarn | - | UNHCR warns of crowded holding centres
T report | creport | - | network's report on conditions at Rosso
T sweep | - | - | sweep at the Rosso crossing
T hurt | - | - | detainees hurt as police use batons
T death | - | - | Guinean detainee dies in custody
T - | ctold | 2026-02-16 on | ministry spokesman gives 640 detained
T summon | - | - | Senegal summons Mauritania's ambassador
T stmt | csaid | - | Senegal: citizens must be treated with dignity
T deny | cdeny | - | spokesman denies beatings
T - | cadded | 2026-02-16 on | spokesman calls the death natural
T march | - | - | relatives march in Saint-Louis
T - | cndiaye | 2026-02-17 on | network director on missing relatives
---
[Mauritania]{mauritania} <detains>{sweep} hundreds of migrants at [Senegal]{senegal} border crossing

[NOUAKCHOTT]{nouakchott}, Feb 17 ([Sahel Press]{sahel}) - [Mauritanian]{mauritanian} police and gendarmes <detained>{sweep} hundreds of [West African]{westaf} migrants at and around the [Rosso]{rosso} crossing on the [Senegal River]{river} on Saturday, in one of the largest sweeps on the border in years, officials and rights groups said.

The [Interior Ministry]{moi} put the number at 640 on Monday, up from "more than 400" on Saturday night. Most were [Malian]{malian}, [Guinean]{guinean} and [Senegalese]{senegalese} nationals trying to reach the [Atlantic]{atlantic} coast and boats bound for the [Canary Islands]{canary}, a ministry spokesman, [Mohamed Lemine Ould Sidi]{sidi}, <told>{@ctold} reporters in [Nouakchott]{nouakchott} on Monday. No charges have been filed, and [he]{sidi.p} said most would be sent home "within days".

At least nine migrants were <injured>{hurt} when police used batons to push back a crowd at a holding centre in [Rosso]{rosso} on Sunday, medical workers said. [A Guinean man]{camara.n} <died>{death} in custody there on Sunday night. [His]{camara.p} family named [him]{camara.p} as [Ibrahima Camara]{camara}, 31, a mechanic from [Conakry]{conakry}.

[A 22-year-old]{mamadou.n} from [Conakry]{conakry} said [he]{mamadou.p} had spent two nights with about 200 other men <held>{sweep} in a warehouse near [the river]{river.n} with one tap of water. "They took our phones and our money, then they took our shoelaces," said [the man]{mamadou.n}, who gave [his]{mamadou.p} name only as [Mamadou]{mamadou}.

[Senegal]{senegal}'s foreign minister, [Aïssatou Diop]{diop}, <summoned>{summon} [Mauritania]{mauritania}'s ambassador on Monday, and [her]{diop.p} ministry <said>{@csaid} in a <statement>{stmt} the same day that [Senegalese]{senegalese} citizens "must be treated with dignity, wherever they are".

[Ould Sidi]{sidi} <denied>{deny@cdeny} on Monday that any detainee had been beaten, saying the injuries happened when men tried to force a gate. [He]{sidi.p} <added>{@cadded} that [Camara]{camara}'s <death>{death} was "natural" and that an autopsy had been ordered.

The [Sahel Migrants' Rights Network]{smrn}, a group based in [Dakar]{dakar}, <said>{@creport} in a <report>{report} last month that migrants held at [Rosso]{rosso} were routinely denied food and medical care. [Its]{smrn.p} director, [Fatou Ndiaye]{ndiaye}, <told>{@cndiaye} [Sahel Press]{sahel} on Tuesday that [the network]{smrn.n} had received calls from more than 80 families who could not find their relatives.

[UNHCR]{unhcr}, the [UN]{un} refugee agency, had <warned>{warn@cwarn} [Nouakchott]{nouakchott} in December that holding centres near the border were "dangerously overcrowded".

In the [Senegalese]{senegalese} city of [Saint-Louis]{saintlouis}, about 300 relatives <marched>{march} to the regional governor's office on Monday afternoon, carrying photographs of the missing. The police there did not arrest anyone.

[Mauritania]{mauritania} <detained>{old} about 1,200 migrants in similar operations in 2024, after signing a migration deal with the [European Union]{eu}. [It]{mauritania.p} has said the raids target smugglers, but no smuggler was among those <held>{sweep} on Saturday, according to [the ministry]{moi.n}'s own list.
