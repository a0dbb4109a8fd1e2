published 2026-03-09
E ghana LOC Ghana
E kumasi LOC Kumasi
E wan ORG West Africa Newswire
E ghanaian MISC Ghanaian
E royals ORG Ashanti Royals
E tema ORG Tema Harbour
E stadium LOC Prempeh Memorial Stadium
E abena PER Abena Serwaa
E ofori PER Grace Ofori
E bss ORG Boateng Security Services
E gfa ORG Ghana Football Association
E boateng PER Kofi Boateng
E accra LOC Accra
E meridian ORG Daily Meridian
E nsa ORG National Sports Authority
E minister PER Kwabena Asante-Mensah
E hosp LOC Komfo Anokye Teaching Hospital
E tamale LOC Tamale
V crush disaster | Prempeh Memorial Stadium | 2026-03-07 on | killed:exact:19, injured:at_most:250
V arrest arrest | - | 2026-03-08 on | arrested:exact:4
V stmt statement | - | 2026-03-08 on |
V deny denial | - | 2026-03-09 on |
V warn warning | - | 2026-01 during |
V visit meeting | Komfo Anokye Teaching Hospital | 2026-03-08 on |
V march protest | the regional police headquarters | 2026-03-09 on |
V wall disaster | a stadium in Tamale | 2019 during | injured:at_least:30
T wall | - | - | stadium wall collapse in Tamale, 30 hurt
T warn | cwarn | - | sports authority warns club about exits
T crush | - | - | crush at Prempeh Memorial Stadium
T arrest | - | - | three stewards and head of security arrested
T stmt | csaid | - | GFA statement, league suspended
T visit | - | - | sports minister visits injured
T - | cpol | 2026-03-09 on | police give toll of 19
T - | ctold | 2026-03-09 on | regional commander on the questioning
T deny | cdeny | - | club chairman denies overselling tickets
T - | che | 2026-03-09 on | chairman: club grieving, no link to security firm
T march | - | - | supporters march to police headquarters
---
[Ghana]{ghana} stadium <crush>{crush} toll rises to 19 as police <arrest>{arrest} stewards

[KUMASI]{kumasi}, [Ghana]{ghana}, March 9 ([West Africa Newswire]{wan}) - The death toll from a <crush>{crush} at [a football stadium]{stadium.n} in the [Ghanaian]{ghanaian} city of [Kumasi]{kumasi} has risen to 19 after two more people <died>{crush} in hospital, police <said>{@cpol} on Monday. Nearly 250 others were <injured>{crush} when fans surged toward a locked exit gate on Saturday evening.

The <crush>{crush} happened minutes after the final whistle of a league match between [Ashanti Royals]{royals} and [Tema Harbour]{tema} at the [Prempeh Memorial Stadium]{stadium}, which holds about 30,000 people. Witnesses said thousands of fans had been pushed down a narrow stairway toward Gate 4, which had been chained shut.

[A 17-year-old student]{abena.n} who was pulled from the crowd by a soldier said [she]{abena.p} had lost [her]{abena.p} shoes and could not find [her]{abena.p} younger brother for two hours. "People were falling on top of each other and nobody could move," said [Abena Serwaa]{abena}, who was treated for a broken wrist. [Her]{abena.p} brother was not hurt.

Police <arrested>{arrest} three stewards and [the stadium]{stadium.n}'s head of security on Sunday, Assistant Commissioner of Police [Grace Ofori]{ofori}, the regional police commander, <told>{@ctold} reporters on Monday. [She]{ofori.p} said the four were being questioned about who had ordered the gate locked. The stewards work for [Boateng Security Services]{bss}, a private firm hired by [the club]{royals.n}.

The [Ghana Football Association]{gfa} ([GFA]{gfa}) suspended all league matches for two weeks and, in a <statement>{stmt} on Sunday, <said>{@csaid} [it]{gfa.p} would "cooperate fully" with investigators. [The club]{royals.n}'s chairman, [Kofi Boateng]{boateng}, <denied>{deny@cdeny} on Monday that [Ashanti Royals]{royals} had sold more tickets than [the stadium]{stadium.n} could hold. [He]{boateng.p} <said>{@che} [the club]{royals.n} was "grieving with the families" and that [he]{boateng.p} had no link to the owners of [the security firm]{bss.n}, which did not respond to calls.

According to a letter seen by the [Accra]{accra} newspaper [Daily Meridian]{meridian}, the [National Sports Authority]{nsa} <warned>{warn@cwarn} [the club]{royals.n} in January that two of [the stadium]{stadium.n}'s six exits were too narrow and ordered them widened before the season began. The work was never done, [the newspaper]{meridian.n} said. [The authority]{nsa.n} did not comment on the letter.

Sports Minister [Kwabena Asante-Mensah]{minister} <visited>{visit} the injured at [Komfo Anokye Teaching Hospital]{hosp} on Sunday and promised that the government would pay their medical bills. Hundreds of [Ashanti Royals]{royals} supporters <marched>{march} to the regional police headquarters on Monday afternoon to demand the release of the stewards, saying they had been made scapegoats.

It was the deadliest stadium <disaster>{crush} in [Ghana]{ghana} in more than two decades. In 2019, a wall at a stadium in [Tamale]{tamale} <collapsed>{wall} during a cup match, <injuring>{wall} at least 30 people. The [GFA]{gfa} said matches could be played behind closed doors when the league resumes.
