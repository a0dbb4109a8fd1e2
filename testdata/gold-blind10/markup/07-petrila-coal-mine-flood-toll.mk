published 2026-09-17
E romania LOC Romania
E romanian MISC Romanian
E petrosani LOC Petroșani
E cpa ORG Carpathian Press Agency
E jmc ORG Jiu Mining Company
E jiuvalley LOC Jiu Valley
E mine LOC Valea Brazilor
E petrila LOC Petrila
E tudose PER Gheorghe Tudose
E hunedoara LOC Hunedoara
E vlad PER Sorin Vlad
E union ORG Lupeni Miners' Union
E dascalescu PER Ion Dăscălescu
E popescu PER Adrian Popescu
E court ORG Court of Accounts
V flood disaster | Valea Brazilor | 2026-09-14 on | killed:exact:9, missing:exact:4, rescued:exact:23, injured:exact:12
V stmt statement | - | 2026-09-17 on |
V det arrest | - | 2026-09-16 on | detained:exact:2
V warn warning | - | 2026-09-02 on |
V deny denial | - | 2026-09-16 on |
V visit meeting | Valea Brazilor | 2026-09-15 on |
V protest protest | two other pits in the valley | 2026-09-17 on |
V audit report | - | 2026-04 during |
V old disaster | - | 2017 during | killed:exact:3
T old | - | - | roof fall kills three in 2017
T audit | cfound | - | Court of Accounts audit on safety spending
T warn | cwarn | - | union warns of water seeping
T flood | - | - | water floods the Valea Brazilor mine
T visit | - | - | energy minister visits the mine
T det | - | - | technical director and engineer detained
T deny | cdeny | - | company denies ignoring the warning
T - | cdasc | 2026-09-16 on | union leader: we told them
T stmt | csaid | - | company gives toll of nine
T protest | - | - | miners refuse to go underground in protest
---
Toll in [Romanian]{romanian} mine <flood>{flood} rises to nine; four miners still missing

[PETROȘANI]{petrosani}, [Romania]{romania}, Sept 17 ([Carpathian Press Agency]{cpa}) - The number of miners <killed>{flood} when water <flooded>{flood} [a coal mine]{mine.n} in [Romania]{romania}'s [Jiu Valley]{jiuvalley} has risen to nine, the [Jiu Mining Company]{jmc} <said>{@csaid} in a <statement>{stmt} on Thursday. Four others are still missing in a gallery about 500 metres underground.

Water and mud <burst through>{flood} a wall of the [Valea Brazilor]{mine} mine near the town of [Petrila]{petrila} shortly before midnight on Monday, when 38 miners were working the night shift. Rescuers brought 23 of them to the surface by Tuesday morning, and 12 were treated in hospital for injuries and hypothermia.

Teams have pumped water around the clock, but progress has been slow because of the risk of another collapse, [the company]{jmc.n} said. The bodies of three miners were recovered on Wednesday, two days after the <flood>{flood}.

[A 44-year-old miner]{tudose.n} who was brought out on Tuesday said the water "came like a train" and reached [his]{tudose.p} chest within minutes. [Gheorghe Tudose]{tudose} said [he]{tudose.p} and five colleagues climbed onto a conveyor belt and waited in the dark for nine hours. "We could hear the others calling, and then we could not," [he]{tudose.p} said.

Prosecutors in [Hunedoara]{hunedoara} county <detained>{det} [the mine]{mine.n}'s technical director, [Sorin Vlad]{vlad}, and a safety engineer on Wednesday on suspicion of negligent homicide. Neither has been charged.

The [Lupeni Miners' Union]{union} said [it]{union.p} had <warned>{warn@cwarn} [the company]{jmc.n} in writing on September 2 that water was seeping through the gallery wall, and showed a copy of the letter to reporters. [Jiu Mining]{jmc} <denied>{deny@cdeny} on Wednesday that [its]{jmc.p} managers had brushed aside the <warning>{warn}, saying engineers had checked the gallery two days later and found no danger. "We told [them]{jmc.p} in black and white," [the union]{union.n}'s leader, [Ion Dăscălescu]{dascalescu}, <said>{@cdasc} the same day.

Energy Minister [Adrian Popescu]{popescu} <visited>{visit} [the mine]{mine.n} on Tuesday and <met>{visit} rescuers and relatives. [He]{popescu.p} promised state help for the families of the dead.

About 400 miners at two other pits in [the valley]{jiuvalley.n} refused to go underground on Thursday in <protest>{protest} at safety conditions, [the union]{union.n} said.

An <audit>{audit} published by the [Court of Accounts]{court} in April <found>{@cfound} that [the company]{jmc.n} had spent less than a third of [its]{jmc.p} safety budget in 2025. In 2017, a <roof fall>{old} at [the same mine]{mine.n} <killed>{old} three miners.
