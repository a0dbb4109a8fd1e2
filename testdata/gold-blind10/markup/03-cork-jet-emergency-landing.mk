published 2026-10-23
E cork LOC Cork
E ireland LOC Ireland
E ans ORG Atlantic News Service
E irish MISC Irish
E csa ORG Celtic Sky Airways
E lanz LOC Lanzarote
E airport LOC Cork Airport
E aaiu ORG Air Accident Investigation Unit
E cuh LOC Cork University Hospital
E mallow LOC Mallow
E brennan PER Siobhán Brennan
E moriarty PER Declan Moriarty
E courier ORG Munster Courier
E bas ORG Brennan Aviation Services
E shannon LOC Shannon
E fcui ORG Flight Crew Union of Ireland
E nolan PER Padraig Nolan
E keane PER Orla Keane
E dublinap LOC Dublin Airport
V fire disaster | Cork Airport | 2026-10-21 on | injured:exact:14, evacuated:exact:182
V aaiustmt statement | - | 2026-10-22 on |
V csastmt statement | - | 2026-10-22 on |
V deny denial | - | 2026-10-22 on |
V warn warning | - | 2026-09 during |
V meet meeting | - | 2026-10-26 on |
V report report | - | 2026-03 during |
T report | cfound | - | AAIU report on engine fires
T warn | cwarn | - | pilots' union warns of rushed checks
T fire | - | - | engine fire and emergency landing at Cork
T aaiustmt | caaiu | - | AAIU describes the smoke report
T csastmt | ccsa | - | airline grounds the jet
T deny | cdeny | - | chief executive denies missed inspection
T - | cnolan | 2026-10-23 on | union: the warning was ignored
T meet | - | - | minister to meet airline and AAIU
---
Fourteen <hurt>{fire} as jet makes <emergency landing>{fire} in [Cork]{cork} after engine <fire>{fire}

[CORK]{cork}, [Ireland]{ireland}, Oct 23 ([Atlantic News Service]{ans}) - Fourteen people were <injured>{fire} when a passenger jet with one engine on <fire>{fire} made an <emergency landing>{fire} at [Cork Airport]{airport} on Wednesday night and 176 passengers and six crew members were evacuated down inflatable slides, [Irish]{irish} authorities said. Nobody was killed.

The [Celtic Sky Airways]{csa} flight from [Lanzarote]{lanz} was about 40 kilometres from the runway when the pilots reported smoke from the left engine, the [Air Accident Investigation Unit]{aaiu} ([AAIU]{aaiu}) <said>{@caaiu} in a <statement>{aaiustmt} on Thursday. Fire crews put out the <blaze>{fire} within minutes of touchdown.

Most of the injured had sprains and cuts from the slides. Two were kept overnight at [Cork University Hospital]{cuh} with broken bones, [the hospital]{cuh.n} said, but none of the injuries was life-threatening.

[A teacher]{brennan.n} from [Mallow]{mallow} who was travelling with [her]{brennan.p} two sons said the cabin filled with a burning smell about ten minutes before landing. "The captain told us to brace, and then it was all shouting and slides," said [Siobhán Brennan]{brennan}. [She]{brennan.p} praised the crew for getting everyone off "in about a minute and a half".

In a <statement>{csastmt} on Thursday, [the airline]{csa.n} <said>{@ccsa} [it]{csa.p} had grounded the aircraft and was working with investigators. [Its]{csa.p} chief executive, [Declan Moriarty]{moriarty}, <denied>{deny@cdeny} on Thursday evening that the engine had missed a scheduled inspection, as the [Munster Courier]{courier} had reported, citing two engineers. Engines on [the airline]{csa.n}'s seven jets are serviced by [Brennan Aviation Services]{bas}, a maintenance firm based at [Shannon]{shannon}. [The firm]{bas.n} declined to comment.

The [Flight Crew Union of Ireland]{fcui} had <warned>{warn@cwarn} [Celtic Sky]{csa} last month that engineers were under pressure to shorten checks, in a letter that [Atlantic News Service]{ans} has seen. [The union]{fcui.n}'s general secretary, [Padraig Nolan]{nolan}, <said>{@cnolan} on Friday that the <warning>{warn} "went straight in the bin".

Transport Minister [Orla Keane]{keane} said [she]{keane.p} would <meet>{meet} [the airline]{csa.n}'s managers and the [AAIU]{aaiu} on Monday. [The unit]{aaiu.n} is expected to publish a preliminary report within a month.

[Brennan]{brennan} said [she]{brennan.p} would not fly again this year. "My boys think it was an adventure. I do not," [she]{brennan.p} said.

In a <report>{report} released in March, the [AAIU]{aaiu} <found>{@cfound} that engine fires on passenger jets remained very rare in [Irish]{irish} airspace but urged airlines to train crews more often for fast evacuations. In 2024, another [Celtic Sky]{csa} jet burst a tyre on landing at [Dublin Airport]{dublinap}; no one was hurt.
