published 2026-06-26
E suriname LOC Suriname
E paramaribo LOC Paramaribo
E gsn ORG Guiana Shield News
E brokopondo LOC Brokopondo
E village LOC Nieuw-Koffiekamp
E hm ORG Health Ministry
E bph ORG Bureau of Public Health
E judge PER Marcel Wijngaarde
E court ORG Cantonal Court
E tg ORG Tapanahony Gold
E canada LOC Canada
E kromo PER Dennis Kromo
E adjako PER Ingrid Adjako
E srw ORG Suriname River Watch
E kustlicht ORG Dagblad Kustlicht
E sabajo PER Iwan Sabajo
E jagessar PER Sharda Jagessar
V deaths death | Nieuw-Koffiekamp | 2026-03-18 after | killed:exact:5, injured:at_least:151
V report report | - | 2026-06-22 on |
V deny denial | - | 2026-06-25 on |
V warn warning | - | 2026-01 during |
V det arrest | - | 2026-W25 during | detained:exact:3
V block protest | the road to the mine | 2026-05-30 on |
V visit meeting | Nieuw-Koffiekamp | 2026-06-23 on |
V stmt statement | - | 2026-06-24 after |
V old disaster | the same site | 2019 during | killed:exact:2
T old | - | - | pit wall collapse kills two workers
T warn | cwarn | - | river group warns of mercury in fish
T deaths | - | - | mercury deaths in Nieuw-Koffiekamp
T block | - | - | villagers block the road to the mine
T det | - | - | site manager and two operators detained
T report | cfound | - | BPH blood test report
T visit | - | - | health minister visits the village
T stmt | csaid | - | ministry to send a mobile clinic
T deny | cdeny | - | company denies using mercury
T - | ckromo | 2026-06-25 on | general manager: the firm will appeal
T - | csabajo | 2026-06-26 on | river group: nobody replied
---
[[Suriname]{suriname} court]{court.n} orders gold mine closed over mercury <deaths>{deaths}; [company]{tg.n} <denies>{deny} blame

[PARAMARIBO]{paramaribo}, June 26 ([Guiana Shield News]{gsn}) - [A court]{court.n} in [Suriname]{suriname} on Wednesday ordered a gold mine in the [Brokopondo]{brokopondo} district to stop work while investigators examine whether mercury from the site poisoned [a nearby village]{village.n}, where four children and an elderly man have <died>{deaths} since the first child was taken to hospital on March 18.

More than 150 residents of [Nieuw-Koffiekamp]{village} have been treated for tremors, rashes and kidney damage, the [Health Ministry]{hm} said. A <report>{report} <released>{report} on Monday by [the ministry]{hm.n}'s [Bureau of Public Health]{bph} <found>{@cfound} mercury at up to eight times the safe level in the blood of 212 of the 340 villagers tested.

Judge [Marcel Wijngaarde]{judge} of the [Cantonal Court]{court} said [Tapanahony Gold]{tg} must halt all mining until the inquiry is complete, and ordered [it]{tg.p} to pay for drinking water for [the village]{village.n}. The ruling can be appealed.

[The company]{tg.n}, which is owned by investors in [Canada]{canada} and employs about 400 people, <denied>{deny@cdeny} on Thursday that [its]{tg.p} plant used mercury, and said small-scale miners working illegally upstream were to blame. [Its]{tg.p} general manager, [Dennis Kromo]{kromo}, <said>{@ckromo} [the firm]{tg.n} would appeal. "We have been convicted before any evidence was heard," [he]{kromo.p} said.

[A mother of three]{adjako.n} whose six-year-old son <died>{deaths} in April said the children had swum every day in a creek below the mine. "Nobody told us the water was poison," said [Ingrid Adjako]{adjako}. [She]{adjako.p} said [her]{adjako.p} younger daughter was still in hospital in [Paramaribo]{paramaribo}.

[Suriname River Watch]{srw}, a small environmental group, had <warned>{warn@cwarn} [the ministry]{hm.n} and [the company]{tg.n} in January that fish from the creek carried high levels of mercury, according to letters seen by the daily [Dagblad Kustlicht]{kustlicht}. [The group]{srw.n}'s coordinator, [Iwan Sabajo]{sabajo}, <said>{@csabajo} on Friday that nobody had replied.

Police <detained>{det} the mine's site manager and two machine operators last week over the dumping of waste in the creek. All three were released on bail on Monday, and no one has been charged over the <deaths>{deaths}. Villagers had <blocked>{block} the road to the mine on May 30, demanding its closure.

Health Minister [Sharda Jagessar]{jagessar} <visited>{visit} [the village]{village.n} on Tuesday and promised regular testing. In a <statement>{stmt} after the ruling, [[her]{jagessar.p} ministry]{hm.n} <said>{@csaid} [it]{hm.p} would send a mobile clinic to [the district]{brokopondo.n} every week.

In 2019, two workers were <killed>{old} when a pit wall <collapsed>{old} at the same site.
