published 2026-07-16
E iraq LOC Iraq
E basra LOC Basra
E iraqi MISC Iraqi
E tpa ORG Tigris Press Agency
E bhd ORG Basra Health Directorate
E faw ORG Faw Power Company
E fawloc LOC Faw
E moe ORG Ministry of Electricity
E mousawi PER Ahmed al-Mousawi
E ali PER Ali Jabbar
E met ORG Iraqi Meteorological Organization
E hassoun PER Karim Hassoun
E hamdani PER Nizar Hamdani
E uob ORG University of Basra
E baghdad LOC Baghdad
E iranian MISC Iranian
E shatt LOC Shatt al-Arab
V heat disaster | Basra | 2026-07-09 after | killed:exact:38, injured:at_least:901
V protest protest | outside the offices of the Faw Power Company | 2026-07-14 on |
V clash injury | outside the offices of the Faw Power Company | 2026-07-14 on | injured:at_least:22
V det arrest | - | 2026-07-14 on | detained:exact:31
V stmt statement | - | 2026-07-15 on |
V deny denial | - | 2026-07-15 on |
V warn warning | - | 2026-07-06 on |
V visit meeting | Basra | 2026-07-18 on |
V study report | - | 2024 during |
V old disaster | - | 2025-08 during | killed:exact:11
T old | - | - | August 2025 heatwave kills 11
T study | cfound | - | University of Basra study on heat deaths
T warn | cwarn | - | met organization warns of 52 degrees
T heat | - | - | heatwave begins; 38 dead by Wednesday
T protest | - | - | protest outside the power company
T clash | - | - | clashes, 22 hurt
T det | - | - | 31 detained
T - | csaid1 | 2026-07-15 on | health directorate gives toll of 38
T stmt | csaid2 | - | health directorate statement on patients
T deny | cdeny | - | ministry denies favouring Baghdad
T - | cadd | 2026-07-15 on | spokesman blames a fault on an import line
T visit | - | - | minister to meet governor in Basra
---
<Heat>{heat} <kills>{heat} 38 in [Basra]{basra} as protesters <clash>{clash} with police over power cuts

[BASRA]{basra}, [Iraq]{iraq}, July 16 ([Tigris Press Agency]{tpa}) - The number of people who have <died>{heat} in the southern [Iraqi]{iraqi} city of [Basra]{basra} since a <heatwave>{heat} began on July 9 has risen to 38, the [Basra Health Directorate]{bhd} <said>{@csaid1} on Wednesday, up from at least 21 on Monday. More than 900 people have been treated in hospital for heatstroke and dehydration.

Temperatures have stayed above 50 degrees Celsius for a week, and power cuts of up to 16 hours a day have left much of [the city]{basra.n} of more than two million people without fans or air conditioning.

Hundreds of people <protested>{protest} outside the offices of the [Faw Power Company]{faw} in the city centre on Tuesday night, burning tyres and blocking the road. Police fired tear gas and water cannon to clear them. Seven policemen and at least 15 protesters were <hurt>{clash} in the <clashes>{clash}, a police spokesman said, and 31 people were <detained>{det}. No one was killed.

[A 24-year-old engineering graduate]{ali.n} who joined the <protest>{protest} said [he]{ali.p} had not slept properly for four nights because [his]{ali.p} family's generator had run out of fuel. "We are not asking for luxury. We are asking to breathe," [he]{ali.p} said. [Ali Jabbar]{ali} said two of [his]{ali.p} cousins were among those <held>{det}.

In a <statement>{stmt} on Wednesday, [the directorate]{bhd.n} <said>{@csaid2} most of the dead were elderly people and outdoor workers, and that [its]{bhd.p} hospitals had opened extra cooling wards. [It]{bhd.p} urged residents to stay indoors between 11 a.m. and 5 p.m.

The [Ministry of Electricity]{moe} <denied>{deny@cdeny} on Wednesday that supply to [Basra]{basra} had been cut to keep power flowing to [Baghdad]{baghdad}. [Its]{moe.p} spokesman, [Ahmed al-Mousawi]{mousawi}, <said>{@cadd} output had fallen after a fault on a line carrying [Iranian]{iranian} electricity. [The company]{faw.n}, which is named after the port town of [Faw]{fawloc} on the [Shatt al-Arab]{shatt} and runs two of the province's plants, declined to comment.

The [Iraqi Meteorological Organization]{met} had <warned>{warn@cwarn} on July 6, three days before the <heat>{heat} set in, that temperatures could reach 52 degrees. Forecasters say the <heat>{heat} may ease slightly next week.

Electricity Minister [Karim Hassoun]{hassoun} is due to <visit>{visit} [Basra]{basra} on Saturday to <meet>{visit} Governor [Nizar Hamdani]{hamdani} and tribal leaders, [his]{hassoun.p} office said. Some of those leaders have threatened a general strike if the cuts go on.

A <study>{study} published in 2024 by the [University of Basra]{uob} <found>{@cfound} that hospital admissions for heat illness in the province had doubled in a decade. In August 2025, a <heatwave>{old} <killed>{old} 11 people in [Basra]{basra}, most of them labourers.
