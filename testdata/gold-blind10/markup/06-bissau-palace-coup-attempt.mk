published 2026-12-01
E gb LOC Guinea-Bissau
E bissau LOC Bissau
E can ORG Coastal Africa News
E radio ORG Rádio Voz de Quelele
E sanha PER Braima Sanhá
E mendes PER Fernando Mendes
E mnd ORG Movement for National Dignity
E cabral PER Maria Odete Cabral
E senegalese MISC Senegalese
E ecowas ORG ECOWAS
E portugal LOC Portugal
E mansoa LOC Mansoa
V coup attack | the presidential palace in Bissau | 2026-11-29 on | killed:at_least:7, injured:about:24
V arrest arrest | - | 2026-11-30 on | arrested:exact:13
V stmt statement | - | 2026-11-30 on |
V claim claim_responsibility | - | 2026-11-30 on |
V deny denial | - | 2026-12-01 on |
V warn warning | - | 2026-W48 during |
V visit meeting | Bissau | 2026-12-03 on |
V vote election | - | 2026-12-13 on |
V rally protest | outside the palace | 2026-12-01 on |
T warn | cwarn | - | ECOWAS warns of unrest in the army
T coup | - | - | soldiers attack the presidential palace
T arrest | - | - | 13 arrested including General Sanhá
T stmt | csaid | - | president's televised statement, curfew
T claim | cclaim | - | Movement for National Dignity claims the attack
T - | cofficials | 2026-12-01 on | officials raise toll to seven
T deny | cdeny | - | lawyer denies Sanhá's link to the group
T - | cshe | 2026-12-01 on | lawyer: he has never heard of these people
T - | cbloc | 2026-12-01 on | ECOWAS to send a delegation
T rally | - | - | ruling party supporters rally outside the palace
T visit | - | - | ECOWAS delegation to meet the president
T vote | - | - | legislative elections
---
[Guinea-Bissau]{gb} says [it]{gb.p} foiled <coup attempt>{coup}; [former army chief]{sanha.n} <denies>{deny} role

[BISSAU]{bissau}, Dec 1 ([Coastal Africa News]{can}) - At least seven people were <killed>{coup} and dozens <wounded>{coup} when soldiers <attacked>{coup} the presidential palace in [Bissau]{bissau} late on Sunday in what the government called a <coup attempt>{coup}, officials <said>{@cofficials} on Tuesday, raising the toll from four given a day earlier.

<Gunfire>{coup} went on for nearly three hours before troops loyal to the president regained control, according to the private radio station [Rádio Voz de Quelele]{radio}, which cited a military source. Five of the dead were soldiers and two were civilians caught in crossfire near the central market, [the station]{radio.n} said. No member of the government was hurt.

Police <arrested>{arrest} 11 officers and two civilians on Monday, among them General [Braima Sanhá]{sanha}, a former army chief of staff who was dismissed in 2024. Interior Minister [Fernando Mendes]{mendes} said [the general]{sanha.n} had "planned and paid for" <the attack>{coup}.

In a televised <statement>{stmt} on Monday evening, the president <said>{@csaid} the "traitors" would face military courts, and <announced>{stmt} a curfew from 9 p.m. to 6 a.m. across [the capital]{bissau.n}.

A previously unknown group calling itself the [Movement for National Dignity]{mnd} <claimed responsibility>{claim@cclaim} in a video posted online on Monday night, in which a man in uniform read out a list of grievances, from unpaid wages to corruption in the port. [The group]{mnd.n} gave no details of [its]{mnd.p} members.

[Sanhá]{sanha}'s lawyer, [Maria Odete Cabral]{cabral}, <denied>{deny@cdeny} on Tuesday that [[her]{cabral.p} client]{sanha.n} had any link to [the group]{mnd.n}, and said [he]{sanha.p} had spent Sunday at [his]{sanha.p} farm near the [Senegalese]{senegalese} border. "[He]{sanha.p} has never heard of these people," [she]{cabral.p} <said>{@cshe}.

[ECOWAS]{ecowas} had <warned>{warn@cwarn} last week of "worrying signs" of unrest in the army. [The regional bloc]{ecowas.n} <said>{@cbloc} on Tuesday [it]{ecowas.p} would send a delegation to [Bissau]{bissau} on Thursday to <meet>{visit} the president and military chiefs.

Several hundred supporters of the ruling party <rallied>{rally} outside the palace on Tuesday to denounce <the attack>{coup}, and legislative <elections>{vote} are still due on December 13, the electoral commission said.

[Guinea-Bissau]{gb} has seen four successful coups since independence from [Portugal]{portugal} in 1974. A mutiny at a barracks in [Mansoa]{mansoa} in 2019 ended without a shot being fired. Diplomats in [Bissau]{bissau} said the army was still split over [the general]{sanha.n}'s dismissal, which [he]{sanha.p} has challenged in court.
