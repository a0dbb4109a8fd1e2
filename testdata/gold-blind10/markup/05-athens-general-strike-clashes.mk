published 2026-05-22
E greece LOC Greece
E greek MISC Greek
E athens LOC Athens
E aegean ORG Aegean Wire
E syntagma LOC Syntagma Square
E vferries ORG Varela Ferries
E piraeus LOC Piraeus
E thess LOC Thessaloniki
E cpm ORG Citizen Protection Ministry
E varela PER Dimitra Varela
E neaproti ORG Nea Proti
E fppw ORG Federation of Public and Private Workers
E marinou PER Eleni Marinou
E delianidis PER Petros Delianidis
E kalo PER Stavros Kalogeropoulos
E kalli ORG Kallidromo Institute
V strike protest | Greece | 2026-05-21 on |
V march protest | Syntagma Square | 2026-05-21 on |
V clash injury | outside parliament | 2026-05-21 on | injured:about:34
V det arrest | Athens | 2026-05-21 on | detained:exact:43
V arr arrest | - | 2026-05-22 on | arrested:exact:11
V stmt statement | - | 2026-05-21 on |
V warn warning | - | 2026-05-19 on |
V deny denial | - | 2026-05-22 on |
V talks meeting | - | 2026-05 during |
V vote election | - | 2026-06-04 on |
V survey report | - | 2026-W20 during |
V oldstrike protest | - | 2025-11 during |
V oldclash injury | - | 2025-11 during | injured:exact:16
T oldstrike | - | - | November 2025 general strike
T oldclash | - | - | clashes at the 2025 strike, 16 hurt
T talks | - | - | minister's talks with union leaders break down
T survey | cfound | - | Kallidromo survey: 61 percent oppose the bill
T warn | cwarn | - | spokesman warns violence will not be tolerated
T strike | - | - | 24-hour general strike
T march | - | - | march to Syntagma Square
T clash | - | - | clashes outside parliament, about 34 hurt
T det | - | - | 43 detained
T stmt | csaid | - | federation: the strike was a clear answer
T - | cofficials | 2026-05-22 on | officials give figures of the strike day
T arr | - | - | 11 formally arrested and charged
T deny | cdeny | - | ministry denies firing canisters at people
T - | caccused | 2026-05-22 on | spokesman accuses unions
T - | cminister | 2026-05-22 on | minister says door is open
T vote | - | - | parliament votes on the bill
---
[Greek]{greek} <general strike>{strike} halts ferries; 43 <detained>{det} after <clashes>{clash} in [Athens]{athens}

[ATHENS]{athens}, May 22 ([Aegean Wire]{aegean}) - A 24-hour <general strike>{strike} against a bill that would lengthen the working week shut ports, schools and most public services across [Greece]{greece} on Thursday, and police <detained>{det} 43 people after <clashes>{clash} outside parliament in [Athens]{athens}, officials <said>{@cofficials} on Friday.

Tens of thousands of people <marched>{march} through the centre of [the capital]{athens.n} to [Syntagma Square]{syntagma} in the largest <protest>{march} since the government took office, police estimates showed. Ships run by [Varela Ferries]{vferries} and other lines stayed in port from [Piraeus]{piraeus} to [Thessaloniki]{thess}, and about 140 flights were cancelled.

Trouble began in the late afternoon when masked youths threw petrol bombs at riot police, who answered with tear gas and stun grenades. Twenty-two officers and about a dozen protesters were <hurt>{clash}, the [Citizen Protection Ministry]{cpm} said. Among the injured was [Dimitra Varela]{varela}, a photographer for the daily [Nea Proti]{neaproti}, who was struck on the arm by a tear gas canister. None of the injuries was serious.

Of the 43 people <detained>{det}, 11 were formally <arrested>{arr} on Friday and <charged>{arr} with assault and arson, prosecutors said. The rest were released without charge.

In a <statement>{stmt} late on Thursday, the [Federation of Public and Private Workers]{fppw} <said>{@csaid} the <strike>{strike} had been "a clear answer" to the government. [Its]{fppw.p} president, [Eleni Marinou]{marinou}, told reporters that the unions would decide next week whether to call a 48-hour stoppage before the <vote>{vote}.

Government spokesman [Petros Delianidis]{delianidis} had <warned>{warn@cwarn} on Tuesday, two days before the <walkout>{strike}, that violence "will not be tolerated". On Friday [he]{delianidis.p} <accused>{@caccused} union leaders of "hiding behind" masked youths.

[The ministry]{cpm.n} <denied>{deny@cdeny} on Friday that officers had fired canisters directly at people, after videos shared online appeared to show a canister hitting a woman on the steps of a metro station. [Varela]{varela} said [she]{varela.p} had been standing with other photographers, "clearly away from the crowd".

Labour Minister [Stavros Kalogeropoulos]{kalo} <met>{talks} union leaders earlier this month, but the <talks>{talks} broke down after two hours. [He]{kalo.p} <said>{@cminister} on Friday that [his]{kalo.p} door "remains open".

Parliament is due to <vote>{vote} on the bill on June 4. A <survey>{survey} published last week by the [Kallidromo Institute]{kalli}, an [Athens]{athens} think tank, <found>{@cfound} that 61 percent of [Greeks]{greek} opposed it.

The last <general strike>{oldstrike}, in November 2025, also ended in <clashes>{oldclash} in which 16 people were <hurt>{oldclash}.
